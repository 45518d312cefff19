/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import io.github.aetherjava.client.internal.Arguments;
import java.util.concurrent.CompletableFuture;

/**
 * Events (to the workflow engine) and metrics (to the metrics bridge). Users may not publish
 * either.
 *
 * @since 0.1.0
 */
public interface EventPublishing extends MessageSender {

  /**
   * Publishes an event in the sender's workspace ({@code event::*}, type {@link
   * MessageType#EVENT}). Put the event type inside the payload.
   *
   * @param payload event payload
   * @return completes when handed to the transport
   */
  default CompletableFuture<Void> sendEvent(byte[] payload) {
    return Arguments.check(() -> send(Topics.eventWildcard(), payload, MessageType.EVENT));
  }

  /**
   * Publishes an event declared for a workspace ({@code event::{ws}}; another workspace needs
   * {@code capability/event_broadcast}).
   *
   * @param workspace workspace
   * @param payload event payload
   * @return completes when handed to the transport
   */
  default CompletableFuture<Void> sendEvent(String workspace, byte[] payload) {
    return Arguments.check(() -> send(Topics.event(workspace), payload, MessageType.EVENT));
  }

  /**
   * Publishes a serialized {@code Metric} to {@code metric::*} (type {@link MessageType#METRIC}).
   *
   * @param metrics metric batch
   * @return completes when handed to the transport
   */
  default CompletableFuture<Void> sendMetric(Metrics metrics) {
    return Arguments.check(
        () ->
            send(
                Topics.metricWildcard(),
                Arguments.notNull(metrics, "metrics").toByteArray(),
                MessageType.METRIC));
  }

  /**
   * Publishes metrics declared for a workspace ({@code metric::{ws}}).
   *
   * @param workspace workspace
   * @param metrics metric batch
   * @return completes when handed to the transport
   */
  default CompletableFuture<Void> sendMetric(String workspace, Metrics metrics) {
    return Arguments.check(
        () ->
            send(
                Topics.metric(workspace),
                Arguments.notNull(metrics, "metrics").toByteArray(),
                MessageType.METRIC));
  }
}
