/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The gateway answered a request with an {@code ErrorResponse} (or a failed typed response).
 * Carries the gateway's error code (for example {@code KV_ERROR}, {@code ERR_QUOTA_001}, {@code
 * ERR_PERMISSION_DENIED}). Recoverable when the gateway marked the error retryable.
 *
 * @since 0.1.0
 */
public class GatewayErrorException extends AetherException {

  private static final long serialVersionUID = 1L;

  private final String code;
  private final boolean retryable;
  private final Duration retryAfter;

  /**
   * Creates the exception from a gateway error.
   *
   * @param error the error the gateway sent
   * @param context what the client was doing, prepended to the message
   */
  public GatewayErrorException(GatewayError error, @Nullable String context) {
    this(
        error.code(),
        (context == null ? "" : context + ": ") + error.code() + " " + error.message(),
        error.retryable(),
        error.retryAfter());
  }

  /**
   * Creates the exception.
   *
   * @param code gateway error code
   * @param message detail
   * @param retryable whether the gateway said retrying may help
   * @param retryAfter suggested wait before retrying ({@link Duration#ZERO} = use own backoff)
   */
  public GatewayErrorException(
      String code, String message, boolean retryable, Duration retryAfter) {
    super(FailureReason.GATEWAY_ERROR, message, null, retryable, null);
    this.code = code;
    this.retryable = retryable;
    this.retryAfter = retryAfter;
  }

  /**
   * @return the gateway error code
   */
  public String code() {
    return code;
  }

  /**
   * @return whether the gateway marked the error retryable
   */
  public boolean retryable() {
    return retryable;
  }

  /**
   * @return suggested wait before retrying; zero means "use your own backoff"
   */
  public Duration retryAfter() {
    return retryAfter;
  }
}
