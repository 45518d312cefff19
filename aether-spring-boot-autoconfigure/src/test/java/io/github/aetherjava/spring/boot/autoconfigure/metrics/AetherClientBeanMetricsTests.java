/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.ConnectionState;
import io.github.aetherjava.client.KvAccess;
import io.github.aetherjava.client.MessageSender;
import io.github.aetherjava.client.MessageType;
import io.github.aetherjava.client.kv.KvTarget;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.github.aetherjava.spring.boot.autoconfigure.AetherAutoConfiguration;
import io.github.aetherjava.spring.boot.autoconfigure.clients.AetherNamedClientsAutoConfiguration;
import io.github.aetherjava.spring.boot.autoconfigure.embedded.AetherEmbeddedGatewayAutoConfiguration;
import io.github.aetherjava.spring.metrics.AetherClientMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every kind of client bean (configured, named, built by hand from plain options, built from the
 * options bean) gets the same counters, gauges and request timers, each counted once.
 */
class AetherClientBeanMetricsTests {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  AetherEmbeddedGatewayAutoConfiguration.class,
                  AetherAutoConfiguration.class,
                  AetherNamedClientsAutoConfiguration.class,
                  AetherMetricsAutoConfiguration.class))
          .withUserConfiguration(HandBuiltClients.class)
          .withPropertyValues(
              "aether.service.implementation=configured",
              "aether.service.specifier=1",
              "aether.clients.named.type=agent",
              "aether.clients.named.workspace=prod",
              "aether.clients.named.implementation=named",
              "aether.clients.named.specifier=1",
              "aether.fail-fast=true");

  @Test
  void everyClientBeanIsCountedOnceAndHasGaugesAndRequestTimers() {
    this.runner
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .run(
            (context) -> {
              MeterRegistry registry = context.getBean(MeterRegistry.class);
              assertThat(context.getBeansOfType(AetherClient.class))
                  .containsOnlyKeys("aetherServiceClient", "named", "manual", "derived");
              List<AetherClient> clients =
                  List.copyOf(context.getBeansOfType(AetherClient.class).values());
              List<String> identities = clients.stream().map(AetherClient::identity).toList();
              String address = context.getBean(EmbeddedAetherGateway.class).address();
              try (AgentClient peer =
                  AgentClient.builder(AetherClientOptions.builder().address(address).build())
                      .workspace("test")
                      .implementation("peer")
                      .specifier("p1")
                      .build()) {
                peer.connectBlocking();
                for (AetherClient client : clients) {
                  peer.send(client.topic(), utf8("hi"), MessageType.CHAT).join();
                  ((MessageSender) client)
                      .send(peer.topic(), utf8("back"), MessageType.EVENT)
                      .join();
                  ((KvAccess) client)
                      .kv()
                      .put(KvTarget.workspaceScope("prod"), "k", utf8("v"))
                      .get();
                }
                await()
                    .atMost(TIMEOUT)
                    .until(
                        () ->
                            identities.stream()
                                .allMatch(
                                    (identity) ->
                                        registry
                                                .find(AetherClientMetrics.MESSAGES_RECEIVED)
                                                .tag("identity", identity)
                                                .counter()
                                            != null));
              }
              for (String identity : identities) {
                assertThat(
                        registry
                            .get(AetherClientMetrics.MESSAGES_RECEIVED)
                            .tag("identity", identity)
                            .tag("type", "chat")
                            .counter()
                            .count())
                    .as("received by %s", identity)
                    .isEqualTo(1.0);
                assertThat(
                        registry
                            .get(AetherClientMetrics.MESSAGES_SENT)
                            .tag("identity", identity)
                            .tag("type", "event")
                            .counter()
                            .count())
                    .as("sent by %s", identity)
                    .isEqualTo(1.0);
                assertThat(
                        registry
                            .get(AetherClientMetrics.REQUESTS)
                            .tag("identity", identity)
                            .tag("outcome", "success")
                            .timer()
                            .count())
                    .as("requests of %s", identity)
                    .isEqualTo(1);
                assertThat(
                        registry
                            .get(AetherClientMetrics.CONNECTED)
                            .tag("identity", identity)
                            .gauge()
                            .value())
                    .isEqualTo(1.0);
                assertThat(
                        registry
                            .get(AetherClientMetrics.INBOUND_BACKLOG)
                            .tag("identity", identity)
                            .gauges())
                    .hasSize(1);
              }
            });
  }

  @Test
  void handBuiltClientsWorkWithoutMicrometer() {
    this.runner
        .withClassLoader(new FilteredClassLoader(MeterRegistry.class))
        .run(
            (context) -> {
              assertThat(context).hasNotFailed().doesNotHaveBean(AetherClientMetrics.class);
              assertThat(context.getBeansOfType(AetherClient.class).values())
                  .hasSize(4)
                  .allMatch((client) -> client.state() == ConnectionState.READY);
            });
  }

  @Test
  void handBuiltClientsWorkWithoutMeterRegistryBean() {
    this.runner.run(
        (context) -> {
          assertThat(context).hasNotFailed().doesNotHaveBean(AetherClientMetrics.class);
          assertThat(context.getBean("manual", AgentClient.class).options().observers()).isEmpty();
          // "manual" is built from plain options, which can never hold the metrics; the clients
          // built from the shared options would if the auto-configuration ran
          assertThat(context.getBeansOfType(AetherClient.class).values())
              .hasSize(4)
              .allSatisfy((client) -> assertThat(client.options().observers()).isEmpty());
        });
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Configuration(proxyBeanMethods = false)
  static class HandBuiltClients {

    @Bean(destroyMethod = "close")
    AgentClient manual(EmbeddedAetherGateway gateway) {
      return AgentClient.builder(AetherClientOptions.builder().address(gateway.address()).build())
          .workspace("prod")
          .implementation("manual")
          .specifier("1")
          .build();
    }

    @Bean(destroyMethod = "close")
    AgentClient derived(AetherClientOptions options) {
      return AgentClient.builder(options.toBuilder().build())
          .workspace("prod")
          .implementation("derived")
          .specifier("1")
          .build();
    }
  }
}
