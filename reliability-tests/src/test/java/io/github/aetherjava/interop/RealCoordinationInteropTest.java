/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.interop;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Runs the coordination cases against a real Aether gateway (AetherLite in dev mode). Skipped
 * unless {@code AETHER_INTEROP_ADDRESS} names one; run by hand with {@code
 * -Dtest='Real*InteropTest'} as {@link RealGatewayInteropTest} describes.
 */
@EnabledIfEnvironmentVariable(named = "AETHER_INTEROP_ADDRESS", matches = ".+")
class RealCoordinationInteropTest extends CoordinationConformanceTests {

  @Override
  String gatewayAddress() {
    return System.getenv("AETHER_INTEROP_ADDRESS");
  }

  @Override
  boolean sharedScopesDenied() {
    return true; // AetherLite's dev-mode ACL seeds the shared KV scope fallbacks to NONE
  }
}
