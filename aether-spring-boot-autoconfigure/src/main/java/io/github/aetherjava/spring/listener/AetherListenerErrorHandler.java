/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.listener;

import org.jspecify.annotations.Nullable;
import org.springframework.messaging.Message;

/**
 * Handles exceptions thrown by listener methods. The stream and the listener keep running whatever
 * the handler does; a handler that itself throws is logged.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface AetherListenerErrorHandler {

  /**
   * Handle a listener failure.
   *
   * @param message the spring-messaging message the listener was invoked with (payload and {@link
   *     AetherHeaders})
   * @param exception the failure, carrying the listener id and the cause
   * @return a reply to send to the source topic of a message listener, or {@code null} for none
   */
  @Nullable Object handleError(Message<?> message, AetherListenerExecutionException exception);
}
