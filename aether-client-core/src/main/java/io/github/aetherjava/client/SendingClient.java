/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import java.util.concurrent.CompletableFuture;

/**
 * A client that may send: every send is checked against the principal's sendable topic prefixes.
 */
abstract class SendingClient extends AetherClient implements MessageSender {

  SendingClient(AetherClientOptions options, PrincipalKind kind) {
    super(options, kind);
  }

  /**
   * Sends to a topic; topics this principal may not send to fail with {@link
   * InvalidArgumentException}.
   *
   * @param topic target topic
   * @param payload payload
   * @param type message type
   * @return completes when handed to the transport
   */
  @Override
  public CompletableFuture<Void> send(String topic, byte[] payload, MessageType type) {
    return sendChecked(topic, payload, type);
  }

  /**
   * Sends under an authorization context, typically on behalf of a user under an authority grant
   * (see {@link AuthorizationContext#onBehalfOf}). The gateway refuses an invalid context with
   * {@code ERR_PERMISSION_DENIED} on {@link AetherClient#onError}; the receiver sees the subject in
   * {@link IncomingMessage#onBehalfOf()}.
   *
   * @param topic target topic
   * @param payload payload
   * @param type message type
   * @param authorization the context
   * @return completes when handed to the transport
   */
  public CompletableFuture<Void> send(
      String topic, byte[] payload, MessageType type, AuthorizationContext authorization) {
    java.util.Objects.requireNonNull(authorization, "authorization");
    return sendChecked(topic, payload, type, authorization);
  }
}
