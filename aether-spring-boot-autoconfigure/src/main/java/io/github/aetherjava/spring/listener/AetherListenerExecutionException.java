/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.listener;

/**
 * Wraps an exception thrown by a listener method, with the id of the listener.
 *
 * @since 0.1.0
 */
public class AetherListenerExecutionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String listenerId;

  /**
   * Create a new instance.
   *
   * @param listenerId the listener id
   * @param message the message
   * @param cause the exception thrown by the listener
   */
  public AetherListenerExecutionException(String listenerId, String message, Throwable cause) {
    super(message, cause);
    this.listenerId = listenerId;
  }

  /**
   * Return the id of the listener that failed.
   *
   * @return the listener id
   */
  public String getListenerId() {
    return this.listenerId;
  }
}
