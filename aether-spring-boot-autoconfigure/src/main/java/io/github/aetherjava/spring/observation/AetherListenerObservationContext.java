/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.observation;

import io.github.aetherjava.spring.listener.AetherListenerInvocation;
import io.micrometer.observation.Observation;

/**
 * Context of an {@link AetherObservationDocumentation#LISTENER} observation.
 *
 * @since 0.1.0
 */
public class AetherListenerObservationContext extends Observation.Context {

  private final AetherListenerInvocation invocation;

  /**
   * Create a new context.
   *
   * @param invocation the listener invocation
   */
  public AetherListenerObservationContext(AetherListenerInvocation invocation) {
    this.invocation = invocation;
  }

  /**
   * Return the observed invocation.
   *
   * @return the invocation
   */
  public AetherListenerInvocation getInvocation() {
    return this.invocation;
  }
}
