/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.delivery;

/**
 * What a send's future promises.
 *
 * @since 0.2.0
 */
public enum DeliveryMode {
  /**
   * The default: a send's future completes when the frame is handed to gRPC. Sends made while the
   * client is disconnected are buffered and written after the reconnect, but frames written into a
   * connection that has silently died (until keepalive notices) are lost without an error, and a
   * send the gateway refuses (rate limit, quota, permission) still completes normally; the refusal
   * reaches {@code onError}. At most once.
   */
  AT_MOST_ONCE,

  /**
   * A send's future completes only when the gateway has processed the send: the client follows each
   * send with a self {@code ConnectionStatusRequest}, which the gateway answers after handling
   * every earlier frame of the stream. Until then the send stays in the bounded outbound buffer;
   * sends not confirmed when the stream ends are written again on the next stream, and sends the
   * gateway refused for a rate limit or quota are written again after its {@code retry_after_ms}.
   * Other refusals fail the future with a {@code GatewayErrorException}. At least once: a send
   * whose confirmation was lost with the connection is delivered twice.
   */
  CONFIRMED
}
