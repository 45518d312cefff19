/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import org.jspecify.annotations.Nullable;

/**
 * A parameter is invalid: rejected locally before sending, or by the gateway (gRPC {@code
 * INVALID_ARGUMENT}). Not recoverable.
 *
 * @since 0.1.0
 */
public class InvalidArgumentException extends AetherException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message detail
   * @param cause cause, if any
   * @param grpcStatus gRPC status code name, if any
   */
  public InvalidArgumentException(
      String message, @Nullable Throwable cause, @Nullable String grpcStatus) {
    super(FailureReason.INVALID_ARGUMENT, message, cause, false, grpcStatus);
  }

  /**
   * Creates the exception.
   *
   * @param message detail
   */
  public InvalidArgumentException(String message) {
    this(message, null, null);
  }
}
