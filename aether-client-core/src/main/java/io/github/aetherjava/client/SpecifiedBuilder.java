/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import io.github.aetherjava.client.internal.Arguments;
import io.github.aetherjava.client.internal.Identifiers;

/**
 * Builder part shared by clients named by an implementation and a specifier.
 *
 * @param <B> the concrete builder type, returned by the fluent setters
 */
abstract class SpecifiedBuilder<B extends SpecifiedBuilder<B>> extends ImplementationBuilder<B> {
  String specifier = "";

  SpecifiedBuilder(AetherClientOptions options) {
    super(options);
  }

  /**
   * @param specifier specifier (required)
   * @return this
   */
  public B specifier(String specifier) {
    this.specifier = Arguments.notNull(specifier, "specifier");
    return self();
  }

  /** Validates implementation and specifier, both required, in that order. */
  final void validateImplementationAndSpecifier() {
    Identifiers.validate(implementation, "implementation");
    Identifiers.validate(specifier, "specifier");
  }
}
