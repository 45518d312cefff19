/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.coord;

import io.github.aetherjava.client.AetherException;
import io.github.aetherjava.client.FailureReason;

/**
 * A lock or permit was released (or asked for its fencing token) while not held: never acquired,
 * already released, or lost. Not recoverable.
 *
 * @since 0.1.0
 */
public class LockNotHeldException extends AetherException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message detail
   */
  public LockNotHeldException(String message) {
    super(FailureReason.NOT_FOUND, message, null, false);
  }
}
