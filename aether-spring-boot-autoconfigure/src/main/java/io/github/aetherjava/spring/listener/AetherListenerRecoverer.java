/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.listener;

import org.springframework.messaging.Message;

/**
 * Called once a listener invocation has failed for good: after the retries of its {@link
 * AetherListenerContainerFactory} are used up, or at once for a payload that cannot be converted or
 * validated. It replaces the {@link AetherListenerErrorHandler} for the listeners of that factory.
 * What it throws is logged; the stream continues either way.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface AetherListenerRecoverer {

  /**
   * Recover from a failed invocation, e.g. by publishing the message to a dead-letter topic.
   *
   * @param message the spring-messaging message the listener was invoked with (the raw payload and
   *     the {@link AetherHeaders})
   * @param exception the failure, carrying the listener id and the last cause
   */
  void recover(Message<?> message, AetherListenerExecutionException exception);
}
