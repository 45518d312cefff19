/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import org.jspecify.annotations.Nullable;

/**
 * The gateway refused the credentials (gRPC {@code UNAUTHENTICATED}). Not recoverable: reconnecting
 * with the same credentials fails again.
 *
 * @since 0.1.0
 */
public class AuthenticationException extends AetherException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message detail
   * @param cause cause, if any
   * @param grpcStatus gRPC status code name, if any
   */
  public AuthenticationException(
      String message, @Nullable Throwable cause, @Nullable String grpcStatus) {
    super(FailureReason.UNAUTHENTICATED, message, cause, false, grpcStatus);
  }

  /**
   * Creates the exception.
   *
   * @param message detail
   */
  public AuthenticationException(String message) {
    this(message, null, null);
  }
}
