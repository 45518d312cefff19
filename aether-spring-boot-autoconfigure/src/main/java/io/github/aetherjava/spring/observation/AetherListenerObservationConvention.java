/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * {@link ObservationConvention} for listener invocations; declare a bean to replace {@link
 * DefaultAetherListenerObservationConvention}.
 *
 * @since 0.1.0
 */
public interface AetherListenerObservationConvention
    extends ObservationConvention<AetherListenerObservationContext> {

  @Override
  default boolean supportsContext(Observation.Context context) {
    return context instanceof AetherListenerObservationContext;
  }
}
