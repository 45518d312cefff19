/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.interop;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The delivery cases against a real gateway with stock AetherLite limits: set {@code
 * AETHER_INTEROP_ADDRESS} to a loopback {@code host:port}.
 */
@EnabledIfEnvironmentVariable(named = "AETHER_INTEROP_ADDRESS", matches = ".+")
class RealDeliveryInteropTest extends DeliveryConformanceTests {

  @Override
  String gatewayAddress() {
    return System.getenv("AETHER_INTEROP_ADDRESS");
  }

  @Override
  boolean alwaysAnnouncesDrops() {
    return false;
  }
}
