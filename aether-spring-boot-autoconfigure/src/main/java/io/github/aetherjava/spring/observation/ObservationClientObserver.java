/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.observation;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.ClientObserver;
import io.github.aetherjava.client.RequestObservation;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * {@link ClientObserver} that turns each request/response operation of a client into an {@link
 * AetherObservationDocumentation#REQUEST} observation. The observation's parent is the observation
 * current on the calling thread (e.g. a listener invocation or an HTTP request).
 *
 * @since 0.1.0
 */
public class ObservationClientObserver implements ClientObserver {

  private final ObservationRegistry registry;

  private final @Nullable AetherRequestObservationConvention convention;

  /**
   * Create a new observer.
   *
   * @param registry the observation registry
   * @param convention a custom convention, or {@code null} for the default
   */
  public ObservationClientObserver(
      ObservationRegistry registry, @Nullable AetherRequestObservationConvention convention) {
    this.registry = registry;
    this.convention = convention;
  }

  @Override
  public RequestObservation onRequest(AetherClient client, String operation) {
    AetherRequestObservationContext context =
        new AetherRequestObservationContext(client, operation);
    Observation observation =
        AetherObservationDocumentation.REQUEST
            .observation(
                this.convention,
                DefaultAetherRequestObservationConvention.INSTANCE,
                () -> context,
                this.registry)
            .start();
    return (error) -> {
      if (error != null) {
        observation.error(error);
      }
      observation.stop();
    };
  }
}
