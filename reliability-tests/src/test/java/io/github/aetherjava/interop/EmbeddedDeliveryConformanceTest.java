/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.interop;

import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.github.aetherjava.gateway.embedded.PolicyMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The delivery cases against the embedded gateway with AetherLite's limits, every build. */
class EmbeddedDeliveryConformanceTest extends DeliveryConformanceTests {

  private static EmbeddedAetherGateway gateway;

  @BeforeAll
  static void startGateway() {
    gateway = EmbeddedAetherGateway.builder().port(0).policyMode(PolicyMode.LITE_PARITY).start();
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
