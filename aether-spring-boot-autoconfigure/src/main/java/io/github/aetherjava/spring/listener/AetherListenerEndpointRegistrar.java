/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.listener;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;

/**
 * Collects {@link AetherListenerEndpoint endpoints} and the settings used to turn them into {@link
 * AetherListenerContainer containers}. Handed to {@link AetherListenerConfigurer} beans.
 *
 * @since 0.1.0
 */
public class AetherListenerEndpointRegistrar {

  private final List<AetherListenerEndpoint> endpoints = new ArrayList<>();

  private @Nullable MessageHandlerMethodFactory messageHandlerMethodFactory;

  private @Nullable AetherListenerErrorHandler errorHandler;

  /**
   * Register an endpoint.
   *
   * @param endpoint the endpoint
   */
  public void registerEndpoint(AetherListenerEndpoint endpoint) {
    this.endpoints.add(endpoint);
  }

  /**
   * Return the registered endpoints.
   *
   * @return the endpoints
   */
  public List<AetherListenerEndpoint> getEndpoints() {
    return List.copyOf(this.endpoints);
  }

  /**
   * Set the factory for invocable listener methods, replacing the auto-configured one (custom
   * argument resolvers, validation).
   *
   * @param messageHandlerMethodFactory the factory
   */
  public void setMessageHandlerMethodFactory(
      MessageHandlerMethodFactory messageHandlerMethodFactory) {
    this.messageHandlerMethodFactory = messageHandlerMethodFactory;
  }

  /**
   * Return the custom handler method factory, if one was set.
   *
   * @return the factory or {@code null}
   */
  public @Nullable MessageHandlerMethodFactory getMessageHandlerMethodFactory() {
    return this.messageHandlerMethodFactory;
  }

  /**
   * Set the error handler used by listeners that do not name one.
   *
   * @param errorHandler the error handler
   */
  public void setErrorHandler(AetherListenerErrorHandler errorHandler) {
    this.errorHandler = errorHandler;
  }

  /**
   * Return the custom default error handler, if one was set.
   *
   * @return the error handler or {@code null}
   */
  public @Nullable AetherListenerErrorHandler getErrorHandler() {
    return this.errorHandler;
  }
}
