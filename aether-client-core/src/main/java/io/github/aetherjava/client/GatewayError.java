/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A non-fatal {@code ErrorResponse} from the gateway. The stream stays open.
 *
 * @param code error code, e.g. {@code ERR_INVALID_TOPIC}, {@code ERR_RATE_LIMITED}, {@code
 *     KV_ERROR}
 * @param message detail
 * @param retryable whether retrying may help
 * @param retryAfter suggested wait ({@link Duration#ZERO}: use own backoff)
 * @param requestId id of the request it answers, or null for connection-scoped errors
 * @since 0.1.0
 */
public record GatewayError(
    String code,
    String message,
    boolean retryable,
    Duration retryAfter,
    @Nullable String requestId) {

  /**
   * @return the wire form
   */
  public io.github.aetherjava.proto.v1.ErrorResponse toProto() {
    return io.github.aetherjava.proto.v1.ErrorResponse.newBuilder()
        .setCode(code)
        .setMessage(message)
        .setRetryable(retryable)
        .setRetryAfterMs(retryAfter.toMillis())
        .setRequestId(requestId == null ? "" : requestId)
        .build();
  }

  /**
   * @param p wire form
   * @return value
   */
  public static GatewayError fromProto(io.github.aetherjava.proto.v1.ErrorResponse p) {
    return new GatewayError(
        p.getCode(),
        p.getMessage(),
        p.getRetryable(),
        Duration.ofMillis(Math.max(0, p.getRetryAfterMs())),
        p.getRequestId().isEmpty() ? null : p.getRequestId());
  }

  /**
   * @return this error as an exception
   */
  public GatewayErrorException toException() {
    return new GatewayErrorException(this, null);
  }
}
