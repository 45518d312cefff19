/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.ConnectionState;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.github.aetherjava.spring.boot.autoconfigure.AetherAutoConfiguration;
import io.github.aetherjava.spring.boot.autoconfigure.AetherConnectFailureAnalyzer;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class AetherClientLifecycleTests {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(AetherAutoConfiguration.class))
          .withClassLoader(new FilteredClassLoader(EmbeddedAetherGateway.class))
          .withPropertyValues(
              "aether.agent.workspace=prod",
              "aether.agent.implementation=impl",
              "aether.agent.specifier=s1",
              "aether.connect-timeout=2s");

  @Test
  void failFastReportsTheUnreachableGatewayWithoutATransportStackTrace() throws Exception {
    int port = freePort();
    this.runner
        .withPropertyValues("aether.address=127.0.0.1:" + port, "aether.fail-fast=true")
        .run(
            (context) -> {
              assertThat(context).hasFailed();
              FailureAnalysis analysis =
                  new AetherConnectFailureAnalyzer().analyze(context.getStartupFailure());
              assertThat(analysis).isNotNull();
              assertThat(analysis.getDescription())
                  .contains("aetherAgentClient")
                  .contains("ag::prod::impl::s1")
                  .contains("127.0.0.1:" + port);
              assertThat(analysis.getAction()).contains("aether.fail-fast=false");
            });
  }

  @Test
  void withoutFailFastTheApplicationStartsAndKeepsTrying() throws Exception {
    this.runner
        .withPropertyValues("aether.address=127.0.0.1:" + freePort())
        .run(
            (context) -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(AgentClient.class).state())
                  .isNotEqualTo(ConnectionState.READY)
                  .isNotEqualTo(ConnectionState.CLOSED);
            });
  }

  @Test
  void connectOnStartupCanBeDisabled() {
    EmbeddedAetherGateway gateway = EmbeddedAetherGateway.builder().port(0).start();
    try {
      this.runner
          .withPropertyValues(
              "aether.address=" + gateway.address(), "aether.connect-on-startup=false")
          .run(
              (context) -> {
                AgentClient agent = context.getBean(AgentClient.class);
                assertThat(agent.state()).isEqualTo(ConnectionState.IDLE);
                agent.connectBlocking();
                assertThat(agent.state()).isEqualTo(ConnectionState.READY);
              });
    } finally {
      gateway.close();
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
