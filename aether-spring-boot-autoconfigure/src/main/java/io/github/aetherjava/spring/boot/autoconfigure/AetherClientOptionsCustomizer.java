/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure;

import io.github.aetherjava.client.AetherClientOptions;

/**
 * Callback to customize the {@link AetherClientOptions} shared by every auto-configured client,
 * applied after the {@code aether.*} properties and in {@link org.springframework.core.Ordered
 * order}.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface AetherClientOptionsCustomizer {

  /**
   * Customize the options builder.
   *
   * @param builder the builder to customize
   */
  void customize(AetherClientOptions.Builder builder);
}
