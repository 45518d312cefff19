/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.listener;

/**
 * Callback for beans that customize how annotated listeners are set up (handler method factory,
 * error handler) or register endpoints programmatically, as spring-kafka's {@code
 * KafkaListenerConfigurer}.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface AetherListenerConfigurer {

  /**
   * Configure the registrar before the endpoints become containers.
   *
   * @param registrar the registrar
   */
  void configureAetherListeners(AetherListenerEndpointRegistrar registrar);
}
