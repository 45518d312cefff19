/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.interop;

import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Runs the tunnel conformance cases against the embedded gateway over loopback TCP, in every build.
 */
class EmbeddedTunnelConformanceTest extends TunnelConformanceTests {

  private static EmbeddedAetherGateway gateway;

  @BeforeAll
  static void startGateway() {
    gateway = EmbeddedAetherGateway.builder().port(0).start();
  }

  @AfterAll
  static void stopGateway() {
    gateway.close();
  }

  @Override
  String gatewayAddress() {
    return gateway.address();
  }
}
