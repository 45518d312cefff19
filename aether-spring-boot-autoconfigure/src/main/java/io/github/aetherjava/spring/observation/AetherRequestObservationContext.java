/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.observation;

import io.github.aetherjava.client.AetherClient;
import io.micrometer.observation.Observation;

/**
 * Context of an {@link AetherObservationDocumentation#REQUEST} observation.
 *
 * @since 0.1.0
 */
public class AetherRequestObservationContext extends Observation.Context {

  private final AetherClient client;

  private final String operation;

  /**
   * Create a new context.
   *
   * @param client the client issuing the request
   * @param operation the operation, e.g. {@code kv.get}
   */
  public AetherRequestObservationContext(AetherClient client, String operation) {
    this.client = client;
    this.operation = operation;
  }

  /**
   * Return the client issuing the request.
   *
   * @return the client
   */
  public AetherClient getClient() {
    return this.client;
  }

  /**
   * Return the operation.
   *
   * @return the operation, e.g. {@code kv.get}
   */
  public String getOperation() {
    return this.operation;
  }
}
