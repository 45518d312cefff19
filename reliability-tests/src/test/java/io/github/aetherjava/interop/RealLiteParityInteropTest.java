/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.interop;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * {@link LiteParityConformanceTests} against a real AetherLite at {@code AETHER_INTEROP_ADDRESS}
 * ({@code -Dtest='Real*InteropTest'}).
 */
@EnabledIfEnvironmentVariable(named = "AETHER_INTEROP_ADDRESS", matches = ".+")
class RealLiteParityInteropTest extends LiteParityConformanceTests {

  @Override
  String gatewayAddress() {
    return System.getenv("AETHER_INTEROP_ADDRESS");
  }

  @Override
  boolean alwaysAnnouncesDrops() {
    return false;
  }
}
