/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.ErrorResponse;
import io.github.aetherjava.proto.v1.Signal;

/** Small builders for the downstream frames the gateway emits itself. */
public final class Frames {

  private Frames() {}

  /** An un-correlated, non-retryable {@code ErrorResponse}. */
  public static DownstreamMessage error(String code, String message) {
    return error(code, message, false, 0, "");
  }

  /** A non-retryable {@code ErrorResponse} correlated to {@code requestId} ("" = none). */
  public static DownstreamMessage error(String code, String message, String requestId) {
    return error(code, message, false, 0, requestId);
  }

  /** A fully specified {@code ErrorResponse}. */
  public static DownstreamMessage error(
      String code, String message, boolean retryable, long retryAfterMs, String requestId) {
    return DownstreamMessage.newBuilder()
        .setError(
            ErrorResponse.newBuilder()
                .setCode(code)
                .setMessage(message)
                .setRetryable(retryable)
                .setRetryAfterMs(retryAfterMs)
                .setRequestId(requestId))
        .build();
  }

  /** A {@code Signal} frame. */
  public static DownstreamMessage signal(Signal.SignalType type, String reason) {
    return DownstreamMessage.newBuilder()
        .setSignal(Signal.newBuilder().setType(type).setReason(reason))
        .build();
  }
}
