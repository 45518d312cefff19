/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aetherjava.gateway.embedded.junit.EmbeddedAetherGatewayTest;
import io.grpc.inprocess.InProcessChannelBuilder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@EmbeddedAetherGatewayTest(policyMode = PolicyMode.LITE_PARITY)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JunitExtensionTest {

  private static EmbeddedAetherGateway firstSeen;
  EmbeddedAetherGateway injected;

  @Test
  @Order(1)
  void injectsParametersAndFields(EmbeddedAetherGateway gateway) {
    assertThat(gateway).isSameAs(injected);
    assertThat(gateway.policyMode()).isEqualTo(PolicyMode.LITE_PARITY);
    assertThat(gateway.address()).startsWith("127.0.0.1:");
    assertThat(gateway.inProcessAddress()).startsWith("in-process:");
    firstSeen = gateway;
  }

  @Test
  @Order(2)
  void oneGatewayPerClassServesClients(EmbeddedAetherGateway gateway) {
    assertThat(gateway).isSameAs(firstSeen);
    var ch = InProcessChannelBuilder.forName(gateway.inProcessName()).build();
    try (TestClient c = TestClient.open(ch)) {
      c.connect(TestClient.user("alice", "t1"));
      assertThat(gateway.connectedIdentities()).contains("us::alice::t1");
    } finally {
      ch.shutdownNow();
    }
  }
}
