/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import java.util.concurrent.CompletableFuture;

/**
 * Sends to every window of a user ({@code uu::{user}}). Only services, the workflow engine and
 * bridges may.
 *
 * @since 0.1.0
 */
public interface UserBroadcastMessaging extends MessageSender {

  /**
   * @param userId user id
   * @param payload payload
   * @return completes when handed to the transport
   */
  default CompletableFuture<Void> sendToUserBroadcast(String userId, byte[] payload) {
    return sendToUserBroadcast(userId, payload, MessageType.OPAQUE);
  }

  /**
   * @param userId user id
   * @param payload payload
   * @param type message type
   * @return completes when handed to the transport
   */
  default CompletableFuture<Void> sendToUserBroadcast(
      String userId, byte[] payload, MessageType type) {
    return send(Topics.userBroadcast(userId), payload, type);
  }
}
