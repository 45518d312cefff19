/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import org.jspecify.annotations.Nullable;

/**
 * The connection failed, dropped, was closed or could not take the operation (buffer full, not
 * connected). Usually recoverable; {@link #reason()} tells the details.
 *
 * @since 0.1.0
 */
public class ConnectionException extends AetherException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param reason why
   * @param message detail
   * @param cause cause, if any
   * @param recoverable whether reconnecting can help
   * @param grpcStatus gRPC status code name, if any
   */
  public ConnectionException(
      FailureReason reason,
      String message,
      @Nullable Throwable cause,
      boolean recoverable,
      @Nullable String grpcStatus) {
    super(reason, message, cause, recoverable, grpcStatus);
  }

  /**
   * Creates a recoverable exception.
   *
   * @param reason why
   * @param message detail
   */
  public ConnectionException(FailureReason reason, String message) {
    this(reason, message, null, true, null);
  }
}
