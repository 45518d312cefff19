/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.ConfigSnapshot;
import io.github.aetherjava.client.kv.KvTarget;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.github.aetherjava.spring.annotation.OnConfig;
import io.github.aetherjava.spring.boot.autoconfigure.AetherAutoConfiguration;
import io.github.aetherjava.spring.boot.autoconfigure.embedded.AetherEmbeddedGatewayAutoConfiguration;
import io.github.aetherjava.spring.client.AetherRetry;
import io.github.aetherjava.spring.listener.AetherHeaders;
import io.github.aetherjava.spring.listener.AetherListenerConfigurer;
import io.github.aetherjava.spring.listener.AetherListenerEndpointRegistry;
import io.github.aetherjava.spring.listener.AetherListenerErrorHandler;
import io.github.aetherjava.spring.test.AetherListenerCapture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code @OnConfig} with the connect-time snapshot and a decoded KV entry, auto-startup and
 * configurers.
 */
class AetherConfigAndRegistrarTests {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  AetherEmbeddedGatewayAutoConfiguration.class,
                  AetherAutoConfiguration.class,
                  AetherListenerAutoConfiguration.class,
                  JacksonAutoConfiguration.class))
          .withPropertyValues(
              "aether.agent.workspace=prod",
              "aether.agent.implementation=cfg",
              "aether.agent.specifier=s1",
              "aether.fail-fast=true")
          .withBean(
              "aetherListenerCapture", AetherListenerCapture.class, AetherListenerCapture::new)
          .withUserConfiguration(ConfigListeners.class);

  @Test
  void snapshotAndDecodedEntryAreDelivered() {
    EmbeddedAetherGateway gateway = EmbeddedAetherGateway.builder().port(0).start();
    try {
      // Seed a workspace-exclusive entry as the same identity, before the application connects.
      try (AgentClient seed =
          AgentClient.builder(AetherClientOptions.builder().address(gateway.address()).build())
              .workspace("prod")
              .implementation("cfg")
              .specifier("s1")
              .build()) {
        seed.connectBlocking();
        AetherRetry.of(true, 3, Duration.ofMillis(50), 2.0, Duration.ofSeconds(1))
            .call(
                "kv.put",
                () ->
                    seed.kv()
                        .put(
                            KvTarget.workspaceExclusive(),
                            "limits",
                            "{\"max\":5}".getBytes(StandardCharsets.UTF_8)));
      }
      this.runner
          .withPropertyValues("aether.address=" + gateway.address())
          .run(
              (context) -> {
                ConfigListeners listeners = context.getBean(ConfigListeners.class);
                await()
                    .atMost(TIMEOUT)
                    .until(() -> !listeners.limits.isEmpty() && !listeners.snapshots.isEmpty());
                assertThat(listeners.limits).containsExactly(new Limits(5));
                assertThat(listeners.snapshots.get(0).workspaceExclusiveKv()).containsKey("limits");
                AetherListenerCapture capture = context.getBean(AetherListenerCapture.class);
                assertThat(capture.await("limits", 1, TIMEOUT).invocation().message().getHeaders())
                    .containsEntry(AetherHeaders.CONFIG_KEY, "limits");
              });
    } finally {
      gateway.close();
    }
  }

  @Test
  void autoStartupFalseLeavesListenersStopped() {
    this.runner
        .withPropertyValues("aether.listener.auto-startup=false")
        .run(
            (context) -> {
              AetherListenerEndpointRegistry registry =
                  context.getBean(AetherListenerEndpointRegistry.class);
              assertThat(registry.getListenerContainers())
                  .isNotEmpty()
                  .allSatisfy((container) -> assertThat(container.isRunning()).isFalse());
            });
  }

  @Test
  void configurersCanSetTheDefaultErrorHandler() {
    AetherListenerErrorHandler handler = (message, exception) -> null;
    List<String> seen = new CopyOnWriteArrayList<>();
    this.runner
        .withPropertyValues("aether.connect-on-startup=false")
        .withBean(
            AetherListenerConfigurer.class,
            () ->
                (registrar) -> {
                  seen.addAll(
                      registrar.getEndpoints().stream().map((endpoint) -> endpoint.id()).toList());
                  registrar.setErrorHandler(handler);
                })
        .run(
            (context) -> {
              assertThat(context).hasNotFailed();
              assertThat(seen).containsExactlyInAnyOrder("snapshot", "limits");
            });
  }

  record Limits(int max) {}

  @Configuration(proxyBeanMethods = false)
  static class ConfigListeners {

    final List<ConfigSnapshot> snapshots = new CopyOnWriteArrayList<>();

    final List<Limits> limits = new CopyOnWriteArrayList<>();

    @OnConfig(id = "snapshot")
    void snapshot(ConfigSnapshot snapshot) {
      this.snapshots.add(snapshot);
    }

    @OnConfig(id = "limits", key = "limits")
    void limits(Limits limits) {
      this.limits.add(limits);
    }

    @Bean
    String marker() {
      return "marker";
    }
  }
}
