/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import org.jspecify.annotations.Nullable;

/**
 * The principal is not allowed to connect or to do the operation (gRPC {@code PERMISSION_DENIED}).
 * Not recoverable.
 *
 * @since 0.1.0
 */
public class PermissionDeniedException extends AetherException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message detail
   * @param cause cause, if any
   * @param grpcStatus gRPC status code name, if any
   */
  public PermissionDeniedException(
      String message, @Nullable Throwable cause, @Nullable String grpcStatus) {
    super(FailureReason.PERMISSION_DENIED, message, cause, false, grpcStatus);
  }

  /**
   * Creates the exception.
   *
   * @param message detail
   */
  public PermissionDeniedException(String message) {
    this(message, null, null);
  }
}
