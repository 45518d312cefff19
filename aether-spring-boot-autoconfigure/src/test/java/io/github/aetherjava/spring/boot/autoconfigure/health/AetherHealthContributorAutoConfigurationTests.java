/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.ConnectionState;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.github.aetherjava.spring.boot.autoconfigure.AetherAutoConfiguration;
import io.github.aetherjava.spring.health.AetherHealthIndicator;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class AetherHealthContributorAutoConfigurationTests {

  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  AetherAutoConfiguration.class, AetherHealthContributorAutoConfiguration.class))
          .withClassLoader(new FilteredClassLoader(EmbeddedAetherGateway.class))
          .withPropertyValues(
              "aether.address=127.0.0.1:1",
              "aether.connect-on-startup=false",
              "aether.agent.workspace=prod",
              "aether.agent.implementation=impl",
              "aether.agent.specifier=s1");

  @Test
  void singleClientContributesItsIndicator() {
    this.runner.run(
        (context) -> {
          assertThat(context).hasBean("aetherHealthContributor");
          HealthContributor contributor =
              context.getBean("aetherHealthContributor", HealthContributor.class);
          assertThat(contributor).isInstanceOf(AetherHealthIndicator.class);
          Health health = ((AetherHealthIndicator) contributor).health();
          assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
          assertThat(health.getDetails())
              .containsEntry("state", ConnectionState.IDLE)
              .containsEntry("identity", "ag::prod::impl::s1")
              .doesNotContainKey("apiKey");
        });
  }

  @Test
  void severalClientsBecomeOneCompositeNamedAfterTheBeans() {
    this.runner
        .withPropertyValues("aether.service.implementation=search", "aether.service.specifier=1")
        .run(
            (context) -> {
              CompositeHealthContributor composite =
                  context.getBean("aetherHealthContributor", CompositeHealthContributor.class);
              assertThat(composite.getContributor("aetherAgentClient"))
                  .isInstanceOf(AetherHealthIndicator.class);
              assertThat(composite.getContributor("aetherServiceClient"))
                  .isInstanceOf(AetherHealthIndicator.class);
            });
  }

  @Test
  void canBeDisabled() {
    this.runner
        .withPropertyValues("management.health.aether.enabled=false")
        .run((context) -> assertThat(context).doesNotHaveBean("aetherHealthContributor"));
  }

  @Test
  void backsOffWithoutHealthModule() {
    this.runner
        .withClassLoader(
            new FilteredClassLoader(
                EmbeddedAetherGateway.class, ConditionalOnEnabledHealthIndicator.class))
        .run(
            (context) -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean("aetherHealthContributor");
            });
  }

  @Test
  void backsOffWithoutClients() {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                AetherAutoConfiguration.class, AetherHealthContributorAutoConfiguration.class))
        .withClassLoader(new FilteredClassLoader(EmbeddedAetherGateway.class))
        .run((context) -> assertThat(context).doesNotHaveBean("aetherHealthContributor"));
  }

  @Test
  void transitionsAcrossAGatewayRestart() {
    EmbeddedAetherGateway gateway = EmbeddedAetherGateway.builder().port(0).start();
    int port = gateway.port();
    EmbeddedAetherGateway[] restarted = new EmbeddedAetherGateway[1];
    AgentClient[] agent = new AgentClient[1];
    try {
      this.runner
          .withPropertyValues(
              "aether.address=127.0.0.1:" + port,
              "aether.connect-on-startup=true",
              "aether.fail-fast=true",
              "aether.reconnect.initial-delay=50ms",
              "aether.reconnect.max-delay=200ms",
              "management.health.aether.reconnect-grace-period=1h")
          .run(
              (context) -> {
                agent[0] = context.getBean(AgentClient.class);
                AetherHealthIndicator indicator = context.getBean(AetherHealthIndicator.class);
                AetherHealthIndicator strict = new AetherHealthIndicator(agent[0], Duration.ZERO);
                Health up = indicator.health();
                assertThat(up.getStatus()).isEqualTo(Status.UP);
                assertThat(up.getDetails())
                    .containsKeys("sessionId", "serverVersion", "stateSince", "serverBuild")
                    .containsEntry("state", ConnectionState.READY)
                    .containsEntry(
                        "healthService",
                        io.github.aetherjava.client.admin.GatewayHealth.Status.SERVING);

                gateway.close();
                await()
                    .atMost(TIMEOUT)
                    .until(() -> agent[0].state() == ConnectionState.RECONNECTING);
                Health reconnecting = indicator.health();
                assertThat(reconnecting.getStatus()).isEqualTo(Status.UP);
                assertThat(reconnecting.getDetails())
                    .containsEntry("state", ConnectionState.RECONNECTING);
                // Past the grace period a reconnecting client is out of service.
                assertThat(strict.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);

                restarted[0] = EmbeddedAetherGateway.builder().port(port).start();
                await()
                    .atMost(TIMEOUT)
                    .until(
                        () ->
                            indicator.health().getStatus().equals(Status.UP)
                                && agent[0].state() == ConnectionState.READY);
                assertThat(strict.health().getStatus()).isEqualTo(Status.UP);
              });
      // The context closed the client: DOWN.
      assertThat(new AetherHealthIndicator(agent[0], Duration.ofHours(1)).health().getStatus())
          .isEqualTo(Status.DOWN);
    } finally {
      gateway.close();
      if (restarted[0] != null) {
        restarted[0].close();
      }
    }
  }
}
