/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import io.github.aetherjava.client.internal.Arguments;

/**
 * Builder part shared by clients named by an implementation.
 *
 * @param <B> the concrete builder type, returned by the fluent setters
 */
abstract class ImplementationBuilder<B extends ImplementationBuilder<B>> extends ClientBuilder<B> {
  String implementation = "";

  ImplementationBuilder(AetherClientOptions options) {
    super(options);
  }

  /**
   * @param implementation implementation (required)
   * @return this
   */
  public B implementation(String implementation) {
    this.implementation = Arguments.notNull(implementation, "implementation");
    return self();
  }
}
