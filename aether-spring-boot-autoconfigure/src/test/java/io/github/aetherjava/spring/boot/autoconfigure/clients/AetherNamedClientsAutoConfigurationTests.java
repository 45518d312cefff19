/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.ConnectionState;
import io.github.aetherjava.client.Credentials;
import io.github.aetherjava.client.ServiceClient;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.github.aetherjava.spring.boot.autoconfigure.AetherAutoConfiguration;
import io.github.aetherjava.spring.boot.autoconfigure.health.AetherHealthContributorAutoConfiguration;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class AetherNamedClientsAutoConfigurationTests {

  private EmbeddedAetherGateway shared;

  private EmbeddedAetherGateway other;

  private ApplicationContextRunner runner;

  @BeforeEach
  void startGateways() {
    this.shared = EmbeddedAetherGateway.builder().start();
    this.other = EmbeddedAetherGateway.builder().start();
    this.runner =
        new ApplicationContextRunner()
            .withConfiguration(
                AutoConfigurations.of(
                    AetherAutoConfiguration.class,
                    AetherNamedClientsAutoConfiguration.class,
                    AetherHealthContributorAutoConfiguration.class))
            .withPropertyValues("aether.address=" + this.shared.address(), "aether.fail-fast=true");
  }

  @AfterEach
  void stopGateways() {
    this.shared.close();
    this.other.close();
  }

  @Test
  void namedClientsBesideTheSinglePrincipalWithTheirOwnAddressAndCredentials() {
    this.runner
        .withPropertyValues(
            "aether.agent.workspace=prod",
            "aether.agent.implementation=front",
            "aether.agent.specifier=1",
            "aether.clients.billing.type=agent",
            "aether.clients.billing.workspace=prod",
            "aether.clients.billing.implementation=billing",
            "aether.clients.billing.specifier=1",
            "aether.clients.billing.address=" + this.other.address(),
            "aether.clients.billing.credentials.api-key=billing-key",
            "aether.clients.search.type=service",
            "aether.clients.search.implementation=search",
            "aether.clients.search.specifier=1")
        .run(
            (context) -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBeansOfType(AetherClient.class))
                  .containsOnlyKeys("aetherAgentClient", "billing", "search");
              AgentClient billing = context.getBean("billing", AgentClient.class);
              assertThat(billing.options().address()).isEqualTo(this.other.address());
              assertThat(billing.options().credentials())
                  .isEqualTo(Credentials.apiKey("billing-key"));
              ServiceClient search = context.getBean(ServiceClient.class);
              assertThat(search.options().address()).isEqualTo(this.shared.address());
              // connected by the lifecycle like every other client
              await()
                  .atMost(Duration.ofSeconds(10))
                  .until(
                      () ->
                          billing.state() == ConnectionState.READY
                              && search.state() == ConnectionState.READY);
              assertThat(this.other.connectedIdentities()).contains("ag::prod::billing::1");
              assertThat(this.shared.connectedIdentities())
                  .contains("ag::prod::front::1", "sv::search::1");
              CompositeHealthContributor health =
                  context.getBean("aetherHealthContributor", CompositeHealthContributor.class);
              assertThat(health.getContributor("billing")).isNotNull();
              assertThat(health.getContributor("search")).isNotNull();
            });
  }

  @Test
  void missingTypeOrIdentityFailsNamingTheProperty() {
    this.runner
        .withPropertyValues("aether.clients.broken.workspace=prod")
        .run(
            (context) ->
                assertThat(context.getStartupFailure())
                    .hasStackTraceContaining("aether.clients.broken.type"));
    this.runner
        .withPropertyValues(
            "aether.clients.broken.type=agent", "aether.clients.broken.workspace=prod")
        .run(
            (context) ->
                assertThat(context.getStartupFailure())
                    .hasStackTraceContaining("aether.clients.broken.implementation"));
  }
}
