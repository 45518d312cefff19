/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import org.jspecify.annotations.Nullable;

/**
 * Another live session already holds this identity (gRPC {@code ALREADY_EXISTS}). Not recoverable
 * unless the reconnect policy retries on duplicates (the old session's lock can take up to 30 s to
 * expire).
 *
 * @since 0.1.0
 */
public class DuplicateIdentityException extends AetherException {

  private static final long serialVersionUID = 1L;

  private final String identity;

  /**
   * Creates the exception.
   *
   * @param identity canonical identity that is already connected, e.g. {@code ag::prod::impl::s1}
   * @param message detail
   * @param cause cause, if any
   */
  public DuplicateIdentityException(String identity, String message, @Nullable Throwable cause) {
    super(FailureReason.DUPLICATE_IDENTITY, message, cause, false, "ALREADY_EXISTS");
    this.identity = identity;
  }

  /**
   * @return the identity that is already connected
   */
  public String identity() {
    return identity;
  }
}
