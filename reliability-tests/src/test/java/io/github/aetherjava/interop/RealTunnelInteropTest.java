/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.interop;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The tunnel conformance cases against a real gateway at {@code AETHER_INTEROP_ADDRESS} (for
 * example a local AetherLite in dev mode); skipped when it is not set.
 */
@EnabledIfEnvironmentVariable(named = "AETHER_INTEROP_ADDRESS", matches = ".+")
class RealTunnelInteropTest extends TunnelConformanceTests {

  @Override
  String gatewayAddress() {
    return System.getenv("AETHER_INTEROP_ADDRESS");
  }
}
