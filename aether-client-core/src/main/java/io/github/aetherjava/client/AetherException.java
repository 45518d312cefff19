/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import org.jspecify.annotations.Nullable;

/**
 * Root of the client's unchecked exception hierarchy. Every failure carries a {@link FailureReason}
 * and says whether retrying (or reconnecting) can help.
 *
 * @since 0.1.0
 */
public class AetherException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final FailureReason reason;
  private final boolean recoverable;
  private final @Nullable String grpcStatus;

  /**
   * Creates an exception.
   *
   * @param reason why it failed
   * @param message human-readable detail (never contains credentials)
   * @param cause underlying cause, if any
   * @param recoverable whether retrying can help
   * @param grpcStatus gRPC status code name the gateway ended the stream with, if any
   */
  public AetherException(
      FailureReason reason,
      String message,
      @Nullable Throwable cause,
      boolean recoverable,
      @Nullable String grpcStatus) {
    super(message, cause);
    this.reason = reason;
    this.recoverable = recoverable;
    this.grpcStatus = grpcStatus;
  }

  /**
   * Creates an exception without gRPC status.
   *
   * @param reason why it failed
   * @param message human-readable detail
   * @param cause underlying cause, if any
   * @param recoverable whether retrying can help
   */
  public AetherException(
      FailureReason reason, String message, @Nullable Throwable cause, boolean recoverable) {
    this(reason, message, cause, recoverable, null);
  }

  /**
   * @return why the operation failed
   */
  public FailureReason reason() {
    return reason;
  }

  /**
   * @return true if retrying or reconnecting may succeed
   */
  public boolean isRecoverable() {
    return recoverable;
  }

  /**
   * @return the gRPC status code name (for example {@code "UNAVAILABLE"}), or null if not from a
   *     stream status
   */
  public @Nullable String grpcStatus() {
    return grpcStatus;
  }
}
