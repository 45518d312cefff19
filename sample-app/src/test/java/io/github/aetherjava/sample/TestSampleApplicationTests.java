/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.ConnectionState;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The test-run entry point starts the whole sample on the embedded gateway. */
class TestSampleApplicationTests {

  @Test
  void testRunStartsTheSampleOnTheEmbeddedGateway() {
    try (ConfigurableApplicationContext context =
        SpringApplication.from(SampleApplication::main)
            .run("--server.port=0")
            .getApplicationContext()) {
      EmbeddedAetherGateway gateway = context.getBean(EmbeddedAetherGateway.class);
      AgentClient agent = context.getBean("aetherAgentClient", AgentClient.class);
      assertThat(agent.options().address()).isEqualTo(gateway.address());
      assertThat(agent.state()).isEqualTo(ConnectionState.READY);
    }
  }
}
