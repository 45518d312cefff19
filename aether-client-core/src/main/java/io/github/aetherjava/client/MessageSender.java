/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import io.github.aetherjava.client.internal.Arguments;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Raw sends to a topic. Every send returns a future that completes when the frame is handed to the
 * transport (or fails with a reason: invalid topic or payload, buffer full, closed). The gateway
 * does not acknowledge messages; its refusals arrive as {@link GatewayError}s on {@link
 * AetherClient#onError}.
 *
 * @since 0.1.0
 */
public interface MessageSender {

  /**
   * @param topic target topic ({@code ::} form)
   * @param payload payload (≤ 1 MiB by default)
   * @param type message type
   * @return completes when handed to the transport
   */
  CompletableFuture<Void> send(String topic, byte[] payload, MessageType type);

  /**
   * Sends an {@link MessageType#OPAQUE} message.
   *
   * @param topic target topic
   * @param payload payload
   * @return completes when handed to the transport
   */
  default CompletableFuture<Void> send(String topic, byte[] payload) {
    return send(topic, payload, MessageType.OPAQUE);
  }

  /**
   * Sends UTF-8 text as an {@link MessageType#OPAQUE} message.
   *
   * @param topic target topic
   * @param text text
   * @return completes when handed to the transport
   */
  default CompletableFuture<Void> send(String topic, String text) {
    return Arguments.check(
        () ->
            send(
                topic,
                Arguments.notNull(text, "text").getBytes(StandardCharsets.UTF_8),
                MessageType.OPAQUE));
  }
}
