/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.ConnectionState;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.github.aetherjava.spring.boot.autoconfigure.AetherAutoConfiguration;
import io.github.aetherjava.spring.boot.autoconfigure.AetherFailureAnalyzer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class AetherEmbeddedGatewayAutoConfigurationTests {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  AetherEmbeddedGatewayAutoConfiguration.class, AetherAutoConfiguration.class));

  @Test
  void startsWhenNoAddressIsSetAndPointsClientsAtIt() {
    this.runner
        .withPropertyValues(
            "aether.agent.workspace=prod",
            "aether.agent.implementation=impl",
            "aether.agent.specifier=s1",
            "aether.fail-fast=true")
        .run(
            (context) -> {
              EmbeddedAetherGateway gateway = context.getBean(EmbeddedAetherGateway.class);
              assertThat(context.getBean(AetherClientOptions.class).address())
                  .isEqualTo(gateway.address());
              assertThat(context.getBean(AgentClient.class).state())
                  .isEqualTo(ConnectionState.READY);
              assertThat(gateway.connectedIdentities()).contains("ag::prod::impl::s1");
            });
  }

  @Test
  void backsOffWhenAddressIsSet() {
    this.runner
        .withPropertyValues("aether.address=gateway:50051")
        .run((context) -> assertThat(context).doesNotHaveBean(EmbeddedAetherGateway.class));
  }

  @Test
  void canBeDisabled() {
    this.runner
        .withPropertyValues("aether.embedded.enabled=false")
        .run((context) -> assertThat(context).doesNotHaveBean(EmbeddedAetherGateway.class));
  }

  @Test
  void backsOffWithoutTheGatewayOnTheClasspath() {
    this.runner
        .withClassLoader(new FilteredClassLoader(EmbeddedAetherGateway.class))
        .run(
            (context) -> {
              assertThat(context).doesNotHaveBean(EmbeddedAetherGateway.class);
              assertThat(context.getBean(AetherClientOptions.class).address())
                  .isEqualTo(AetherClientOptions.DEFAULT_ADDRESS);
            });
  }

  @Test
  void invalidPolicyModeNamesTheProperty() {
    this.runner
        .withPropertyValues("aether.embedded.policy-mode=strict")
        .run(
            (context) -> {
              FailureAnalysis analysis =
                  new AetherFailureAnalyzer().analyze(context.getStartupFailure());
              assertThat(analysis).isNotNull();
              assertThat(analysis.getDescription())
                  .contains("aether.embedded.policy-mode")
                  .contains("PERMISSIVE or LITE_PARITY");
            });
  }
}
