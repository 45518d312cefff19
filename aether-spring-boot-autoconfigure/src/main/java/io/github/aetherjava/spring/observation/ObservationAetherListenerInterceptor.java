/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.observation;

import io.github.aetherjava.spring.listener.AetherListenerInterceptor;
import io.github.aetherjava.spring.listener.AetherListenerInvocation;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Wraps each listener invocation in an {@link AetherObservationDocumentation#LISTENER} observation,
 * opened in scope so that work done by the listener (including its sends and requests) is its
 * child.
 *
 * @since 0.1.0
 */
public class ObservationAetherListenerInterceptor implements AetherListenerInterceptor {

  private final ObservationRegistry registry;

  private final @Nullable AetherListenerObservationConvention convention;

  /**
   * Create a new interceptor.
   *
   * @param registry the observation registry
   * @param convention a custom convention, or {@code null} for the default
   */
  public ObservationAetherListenerInterceptor(
      ObservationRegistry registry, @Nullable AetherListenerObservationConvention convention) {
    this.registry = registry;
    this.convention = convention;
  }

  @Override
  public @Nullable Object intercept(AetherListenerInvocation invocation, Chain chain)
      throws Exception {
    Observation observation =
        AetherObservationDocumentation.LISTENER.observation(
            this.convention,
            DefaultAetherListenerObservationConvention.INSTANCE,
            () -> new AetherListenerObservationContext(invocation),
            this.registry);
    // Started, in scope, errors recorded and stopped by observeChecked.
    return observation.observeChecked(chain::proceed);
  }
}
