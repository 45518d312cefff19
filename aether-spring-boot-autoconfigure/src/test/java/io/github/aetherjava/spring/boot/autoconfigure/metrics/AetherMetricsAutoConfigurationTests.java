/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.ConnectionState;
import io.github.aetherjava.client.MessageType;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.github.aetherjava.spring.boot.autoconfigure.AetherAutoConfiguration;
import io.github.aetherjava.spring.boot.autoconfigure.embedded.AetherEmbeddedGatewayAutoConfiguration;
import io.github.aetherjava.spring.metrics.AetherClientMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class AetherMetricsAutoConfigurationTests {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  AetherEmbeddedGatewayAutoConfiguration.class,
                  AetherAutoConfiguration.class,
                  AetherMetricsAutoConfiguration.class))
          .withPropertyValues(
              "aether.agent.workspace=prod",
              "aether.agent.implementation=impl",
              "aether.agent.specifier=s1",
              "aether.fail-fast=true");

  @Test
  void metersAreRecordedInARealRegistry() {
    this.runner
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .run(
            (context) -> {
              MeterRegistry registry = context.getBean(MeterRegistry.class);
              AgentClient agent = context.getBean(AgentClient.class);
              assertThat(
                      registry
                          .get(AetherClientMetrics.CONNECTED)
                          .tag("principal", "agent")
                          .tag("identity", "ag::prod::impl::s1")
                          .gauge()
                          .value())
                  .isEqualTo(1.0);
              String address = context.getBean(EmbeddedAetherGateway.class).address();
              try (AgentClient peer =
                  AgentClient.builder(AetherClientOptions.builder().address(address).build())
                      .workspace("test")
                      .implementation("peer")
                      .specifier("p1")
                      .build()) {
                peer.connectBlocking();
                peer.send(agent.topic(), "hi".getBytes(StandardCharsets.UTF_8), MessageType.CHAT)
                    .join();
                agent
                    .send(peer.topic(), "back".getBytes(StandardCharsets.UTF_8), MessageType.EVENT)
                    .join();
                await()
                    .atMost(TIMEOUT)
                    .until(
                        () ->
                            registry
                                    .find(AetherClientMetrics.MESSAGES_RECEIVED)
                                    .tag("type", "chat")
                                    .counter()
                                != null);
                assertThat(
                        registry
                            .get(AetherClientMetrics.MESSAGES_RECEIVED)
                            .tag("principal", "agent")
                            .tag("type", "chat")
                            .counter()
                            .count())
                    .isEqualTo(1.0);
                assertThat(
                        registry
                            .get(AetherClientMetrics.MESSAGES_SENT)
                            .tag("type", "event")
                            .counter()
                            .count())
                    .isEqualTo(1.0);
              }
              assertThat(registry.get(AetherClientMetrics.STATE).gauge().value()).isEqualTo(2.0);
              assertThat(registry.get(AetherClientMetrics.SENDS_BUFFERED).gauge().value()).isZero();
              assertThat(registry.get(AetherClientMetrics.REQUESTS_PENDING).gauge().value())
                  .isZero();
              // Requests are timed by operation and outcome.
              agent
                  .options()
                  .observers()
                  .forEach((observer) -> observer.onRequest(agent, "kv.get").onComplete(null));
              assertThat(
                      registry
                          .get(AetherClientMetrics.REQUESTS)
                          .tag("operation", "kv.get")
                          .tag("outcome", "success")
                          .timer()
                          .count())
                  .isEqualTo(1);
            });
  }

  @Test
  void failedAndRejectedSendsAreCounted() {
    this.runner
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .withPropertyValues(
            "aether.buffer.max-sends=1",
            "aether.reconnect.initial-delay=10s",
            "aether.reconnect.max-delay=10s")
        .run(
            (context) -> {
              MeterRegistry registry = context.getBean(MeterRegistry.class);
              AgentClient agent = context.getBean(AgentClient.class);
              byte[] payload = "x".getBytes(StandardCharsets.UTF_8);
              // Gateway gone: the client waits to reconnect and buffers sends, up to one.
              context.getBean(EmbeddedAetherGateway.class).close();
              await().atMost(TIMEOUT).until(() -> agent.state() == ConnectionState.RECONNECTING);
              agent.send("ag::test::peer::p1", payload, MessageType.CHAT);
              assertThat(agent.send("ag::test::peer::p1", payload, MessageType.CHAT))
                  .isCompletedExceptionally();
              assertThat(
                      registry
                          .get(AetherClientMetrics.SEND_FAILURES)
                          .tag("reason", "buffer_full")
                          .counter()
                          .count())
                  .isEqualTo(1.0);
              assertThat(
                      registry
                          .get(AetherClientMetrics.SENDS_REJECTED)
                          .tag("reason", "buffer_full")
                          .counter()
                          .count())
                  .isEqualTo(1.0);
              assertThat(registry.get(AetherClientMetrics.SENDS_BUFFERED).gauge().value())
                  .isEqualTo(1.0);
              assertThat(registry.get(AetherClientMetrics.CONNECTED).gauge().value()).isZero();
              // The first reconnection attempt is immediate.
              await()
                  .atMost(TIMEOUT)
                  .until(
                      () ->
                          registry.find(AetherClientMetrics.RECONNECTS).counter() != null
                              && registry.find(AetherClientMetrics.RECONNECTS).counter().count()
                                  >= 1.0);
            });
  }

  @Test
  void backsOffWithoutMeterRegistryBean() {
    this.runner
        .withPropertyValues("aether.connect-on-startup=false")
        .run((context) -> assertThat(context).doesNotHaveBean(AetherClientMetrics.class));
  }

  @Test
  void backsOffWithoutMicrometer() {
    this.runner
        .withClassLoader(new FilteredClassLoader(MeterRegistry.class))
        .withPropertyValues("aether.connect-on-startup=false")
        .run((context) -> assertThat(context).doesNotHaveBean(AetherClientMetrics.class));
  }
}
