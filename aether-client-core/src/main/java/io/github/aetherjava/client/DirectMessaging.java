/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import io.github.aetherjava.client.internal.Arguments;
import java.util.concurrent.CompletableFuture;

/**
 * Send helpers for agents, tasks, users and the workspace-less senders. All default to {@link
 * MessageType#OPAQUE}.
 *
 * @since 0.1.0
 */
public interface DirectMessaging extends MessageSender {

  /**
   * @param workspace workspace
   * @param implementation implementation
   * @param specifier specifier
   * @param payload payload
   * @return completes when handed to the transport
   */
  default CompletableFuture<Void> sendToAgent(
      String workspace, String implementation, String specifier, byte[] payload) {
    return sendToAgent(workspace, implementation, specifier, payload, MessageType.OPAQUE);
  }

  /**
   * Sends to {@code ag::{ws}::{impl}::{spec}}.
   *
   * @param workspace workspace
   * @param implementation implementation
   * @param specifier specifier
   * @param payload payload
   * @param type message type
   * @return completes when handed to the transport
   */
  default CompletableFuture<Void> sendToAgent(
      String workspace, String implementation, String specifier, byte[] payload, MessageType type) {
    return Arguments.check(
        () -> send(Topics.agent(workspace, implementation, specifier), payload, type));
  }

  /**
   * @param workspace workspace
   * @param implementation implementation
   * @param specifier unique specifier, or empty for all non-unique workers
   * @param payload payload
   * @return completes when handed to the transport
   */
  default CompletableFuture<Void> sendToTask(
      String workspace, String implementation, String specifier, byte[] payload) {
    return sendToTask(workspace, implementation, specifier, payload, MessageType.OPAQUE);
  }

  /**
   * Sends to {@code tu::{ws}::{impl}::{spec}}, or to {@code tb::{ws}::{impl}} (every non-unique
   * worker) when the specifier is empty.
   *
   * @param workspace workspace
   * @param implementation implementation
   * @param specifier unique specifier, or empty
   * @param payload payload
   * @param type message type
   * @return completes when handed to the transport
   */
  default CompletableFuture<Void> sendToTask(
      String workspace, String implementation, String specifier, byte[] payload, MessageType type) {
    return Arguments.check(
        () ->
            send(
                Arguments.notNull(specifier, "specifier").isEmpty()
                    ? Topics.taskBroadcast(workspace, implementation)
                    : Topics.uniqueTask(workspace, implementation, specifier),
                payload,
                type));
  }

  /**
   * Sends to one non-unique task instance {@code ta::{ws}::{impl}::{id}}.
   *
   * @param workspace workspace
   * @param implementation implementation
   * @param id instance id
   * @param payload payload
   * @return completes when handed to the transport
   */
  default CompletableFuture<Void> sendToTaskInstance(
      String workspace, String implementation, String id, byte[] payload) {
    return Arguments.check(
        () -> send(Topics.task(workspace, implementation, id), payload, MessageType.OPAQUE));
  }

  /**
   * @param userId user id
   * @param windowId window id
   * @param payload payload
   * @return completes when handed to the transport
   */
  default CompletableFuture<Void> sendToUser(String userId, String windowId, byte[] payload) {
    return sendToUser(userId, windowId, payload, MessageType.OPAQUE);
  }

  /**
   * Sends to {@code us::{user}::{window}}.
   *
   * @param userId user id
   * @param windowId window id
   * @param payload payload
   * @param type message type
   * @return completes when handed to the transport
   */
  default CompletableFuture<Void> sendToUser(
      String userId, String windowId, byte[] payload, MessageType type) {
    return Arguments.check(() -> send(Topics.user(userId, windowId), payload, type));
  }

  /**
   * @param userId user id
   * @param workspace workspace
   * @param payload payload
   * @return completes when handed to the transport
   */
  default CompletableFuture<Void> sendToUserWorkspace(
      String userId, String workspace, byte[] payload) {
    return sendToUserWorkspace(userId, workspace, payload, MessageType.OPAQUE);
  }

  /**
   * Sends to {@code uw::{user}::{ws}}: the user's windows currently switched to that workspace.
   *
   * @param userId user id
   * @param workspace workspace
   * @param payload payload
   * @param type message type
   * @return completes when handed to the transport
   */
  default CompletableFuture<Void> sendToUserWorkspace(
      String userId, String workspace, byte[] payload, MessageType type) {
    return Arguments.check(() -> send(Topics.userWorkspace(userId, workspace), payload, type));
  }

  /**
   * @param workspace workspace
   * @param payload payload
   * @return completes when handed to the transport
   */
  default CompletableFuture<Void> broadcastToAgents(String workspace, byte[] payload) {
    return broadcastToAgents(workspace, payload, MessageType.OPAQUE);
  }

  /**
   * Sends to {@code ga::{ws}}: every connected agent of the workspace.
   *
   * @param workspace workspace
   * @param payload payload
   * @param type message type
   * @return completes when handed to the transport
   */
  default CompletableFuture<Void> broadcastToAgents(
      String workspace, byte[] payload, MessageType type) {
    return Arguments.check(() -> send(Topics.globalAgents(workspace), payload, type));
  }

  /**
   * @param workspace workspace
   * @param payload payload
   * @return completes when handed to the transport
   */
  default CompletableFuture<Void> broadcastToUsers(String workspace, byte[] payload) {
    return broadcastToUsers(workspace, payload, MessageType.OPAQUE);
  }

  /**
   * Sends to {@code gu::{ws}}: every user switched to the workspace.
   *
   * @param workspace workspace
   * @param payload payload
   * @param type message type
   * @return completes when handed to the transport
   */
  default CompletableFuture<Void> broadcastToUsers(
      String workspace, byte[] payload, MessageType type) {
    return Arguments.check(() -> send(Topics.globalUsers(workspace), payload, type));
  }

  /**
   * Sends to {@code br::{impl}::{spec}}.
   *
   * @param implementation implementation
   * @param specifier specifier
   * @param payload payload
   * @return completes when handed to the transport
   */
  default CompletableFuture<Void> sendToBridge(
      String implementation, String specifier, byte[] payload) {
    return Arguments.check(
        () -> send(Topics.bridge(implementation, specifier), payload, MessageType.OPAQUE));
  }

  /**
   * Sends to {@code sv::{impl}::{spec}}.
   *
   * @param implementation implementation
   * @param specifier specifier
   * @param payload payload
   * @return completes when handed to the transport
   */
  default CompletableFuture<Void> sendToService(
      String implementation, String specifier, byte[] payload) {
    return Arguments.check(
        () -> send(Topics.service(implementation, specifier), payload, MessageType.OPAQUE));
  }

  /**
   * Sends to {@code sv::{impl}}: the gateway picks one healthy instance.
   *
   * @param implementation implementation
   * @param payload payload
   * @return completes when handed to the transport
   */
  default CompletableFuture<Void> sendToAnyService(String implementation, byte[] payload) {
    return Arguments.check(
        () -> send(Topics.anyService(implementation), payload, MessageType.OPAQUE));
  }
}
