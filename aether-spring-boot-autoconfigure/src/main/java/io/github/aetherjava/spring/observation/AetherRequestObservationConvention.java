/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * {@link ObservationConvention} for outbound requests; declare a bean to replace {@link
 * DefaultAetherRequestObservationConvention}.
 *
 * @since 0.1.0
 */
public interface AetherRequestObservationConvention
    extends ObservationConvention<AetherRequestObservationContext> {

  @Override
  default boolean supportsContext(Observation.Context context) {
    return context instanceof AetherRequestObservationContext;
  }
}
