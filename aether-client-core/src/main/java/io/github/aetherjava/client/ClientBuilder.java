/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import io.github.aetherjava.client.internal.Arguments;

/**
 * Shared part of every client builder: the connection options.
 *
 * @param <B> the concrete builder type, returned by the fluent setters
 */
abstract class ClientBuilder<B extends ClientBuilder<B>> {
  final AetherClientOptions options;

  ClientBuilder(AetherClientOptions options) {
    this.options = Arguments.notNull(options, "options");
  }

  @SuppressWarnings("unchecked")
  final B self() {
    return (B) this;
  }
}
