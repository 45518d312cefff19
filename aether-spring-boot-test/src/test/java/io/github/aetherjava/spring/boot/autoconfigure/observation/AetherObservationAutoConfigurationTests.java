/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure.observation;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AetherTimeoutException;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.KvAccess;
import io.github.aetherjava.client.MessageType;
import io.github.aetherjava.client.TaskClient;
import io.github.aetherjava.client.kv.KvTarget;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.github.aetherjava.spring.annotation.AetherListener;
import io.github.aetherjava.spring.boot.autoconfigure.AetherAutoConfiguration;
import io.github.aetherjava.spring.boot.autoconfigure.clients.AetherNamedClientsAutoConfiguration;
import io.github.aetherjava.spring.boot.autoconfigure.embedded.AetherEmbeddedGatewayAutoConfiguration;
import io.github.aetherjava.spring.boot.autoconfigure.listener.AetherListenerAutoConfiguration;
import io.github.aetherjava.spring.observation.ObservationAetherListenerInterceptor;
import io.github.aetherjava.spring.observation.ObservationClientObserver;
import io.github.aetherjava.spring.test.AetherListenerCapture;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class AetherObservationAutoConfigurationTests {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  AetherEmbeddedGatewayAutoConfiguration.class,
                  AetherAutoConfiguration.class,
                  AetherListenerAutoConfiguration.class,
                  AetherObservationAutoConfiguration.class))
          .withPropertyValues(
              "aether.agent.workspace=prod",
              "aether.agent.implementation=impl",
              "aether.agent.specifier=s1",
              "aether.fail-fast=true");

  @Test
  void listenerInvocationsAndRequestsAreObserved() {
    TestObservationRegistry registry = TestObservationRegistry.create();
    this.runner
        .withBean(ObservationRegistry.class, () -> registry)
        .withBean("aetherListenerCapture", AetherListenerCapture.class, AetherListenerCapture::new)
        .withUserConfiguration(EchoListener.class)
        .run(
            (context) -> {
              String address = context.getBean(EmbeddedAetherGateway.class).address();
              try (AgentClient peer =
                  AgentClient.builder(AetherClientOptions.builder().address(address).build())
                      .workspace("test")
                      .implementation("peer")
                      .specifier("p1")
                      .build()) {
                peer.connectBlocking();
                peer.send(
                        "ag::prod::impl::s1",
                        "hi".getBytes(StandardCharsets.UTF_8),
                        MessageType.CHAT)
                    .join();
                context
                    .getBean(AetherListenerCapture.class)
                    .await("echo", 1, Duration.ofSeconds(10));
              }
              await()
                  .atMost(Duration.ofSeconds(10))
                  .untilAsserted(
                      () ->
                          TestObservationRegistryAssert.assertThat(registry)
                              .hasObservationWithNameEqualTo("aether.listener")
                              .that()
                              .hasContextualNameEqualTo("echo receive")
                              .hasLowCardinalityKeyValue("aether.listener.id", "echo")
                              .hasLowCardinalityKeyValue("aether.listener.kind", "message")
                              .hasLowCardinalityKeyValue("aether.principal", "agent")
                              .hasLowCardinalityKeyValue("aether.message.type", "chat")
                              .hasHighCardinalityKeyValue(
                                  "aether.source.topic", "ag::test::peer::p1")
                              .hasBeenStarted()
                              .hasBeenStopped());
              // A request observation around each request/response operation.
              AgentClient agent = context.getBean(AgentClient.class);
              ObservationClientObserver observer = context.getBean(ObservationClientObserver.class);
              assertThat(agent.options().observers()).contains(observer);
              observer
                  .onRequest(agent, "kv.get")
                  .onComplete(new AetherTimeoutException("kv.get", Duration.ofSeconds(1), null));
              TestObservationRegistryAssert.assertThat(registry)
                  .hasObservationWithNameEqualTo("aether.request")
                  .that()
                  .hasContextualNameEqualTo("aether kv.get")
                  .hasLowCardinalityKeyValue("aether.operation", "kv.get")
                  .hasLowCardinalityKeyValue("aether.outcome", "timeout")
                  .hasHighCardinalityKeyValue("aether.identity", "ag::prod::impl::s1")
                  .hasError();
            });
  }

  @Test
  void requestsOfNamedAndHandBuiltClientBeansAreObservedOnce() {
    List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
    ObservationRegistry registry = ObservationRegistry.create();
    registry
        .observationConfig()
        .observationHandler(
            new ObservationHandler<>() {
              @Override
              public boolean supportsContext(Observation.Context context) {
                return true;
              }

              @Override
              public void onStop(Observation.Context context) {
                stopped.add(context);
              }
            });
    this.runner
        .withConfiguration(AutoConfigurations.of(AetherNamedClientsAutoConfiguration.class))
        .withBean(ObservationRegistry.class, () -> registry)
        .withUserConfiguration(HandBuiltClients.class)
        .withPropertyValues(
            "aether.clients.named.type=service",
            "aether.clients.named.implementation=named",
            "aether.clients.named.specifier=1")
        .run(
            (context) -> {
              Map<String, KvAccess> clients = context.getBeansOfType(KvAccess.class);
              assertThat(clients).containsOnlyKeys("aetherAgentClient", "named", "manual");
              for (KvAccess client : clients.values()) {
                client.kv().put(KvTarget.workspaceScope("prod"), "k", "v".getBytes(UTF_8)).get();
              }
              for (KvAccess client : clients.values()) {
                String identity = ((AetherClient) client).identity();
                assertThat(
                        stopped.stream()
                            .filter((observed) -> "aether.request".equals(observed.getName()))
                            .filter(
                                (observed) -> {
                                  KeyValue value =
                                      observed.getHighCardinalityKeyValue("aether.identity");
                                  return value != null && identity.equals(value.getValue());
                                }))
                    .as("request observations of %s", identity)
                    .hasSize(1);
              }
            });
  }

  @Test
  void canBeDisabled() {
    this.runner
        .withBean(ObservationRegistry.class, TestObservationRegistry::create)
        .withPropertyValues("aether.observation.enabled=false", "aether.connect-on-startup=false")
        .run(
            (context) ->
                assertThat(context)
                    .doesNotHaveBean(ObservationAetherListenerInterceptor.class)
                    .doesNotHaveBean(ObservationClientObserver.class));
  }

  @Test
  void backsOffWithoutObservationRegistry() {
    this.runner
        .withPropertyValues("aether.connect-on-startup=false")
        .run(
            (context) ->
                assertThat(context).doesNotHaveBean(ObservationAetherListenerInterceptor.class));
  }

  @Test
  void backsOffWithoutMicrometerObservation() {
    this.runner
        .withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
        .withPropertyValues("aether.connect-on-startup=false")
        .run(
            (context) ->
                assertThat(context)
                    .hasNotFailed()
                    .doesNotHaveBean(ObservationAetherListenerInterceptor.class));
  }

  @Test
  void handBuiltClientsWorkWithoutMicrometerObservation() {
    this.runner
        .withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
        .withUserConfiguration(HandBuiltClients.class)
        .run(
            (context) -> {
              assertThat(context).hasNotFailed().doesNotHaveBean(ObservationClientObserver.class);
              TaskClient manual = context.getBean("manual", TaskClient.class);
              await().atMost(Duration.ofSeconds(10)).until(manual::isConnected);
              assertThat(manual.options().observers()).isEmpty();
              // a hand-built client's options can never hold the observer; the configured client
              // is built from the shared options, which would if the auto-configuration ran
              assertThat(context.getBeansOfType(AetherClient.class).values())
                  .hasSize(2)
                  .allSatisfy((client) -> assertThat(client.options().observers()).isEmpty());
            });
  }

  @Configuration(proxyBeanMethods = false)
  static class HandBuiltClients {

    @Bean(destroyMethod = "close")
    TaskClient manual(EmbeddedAetherGateway gateway) {
      return TaskClient.builder(AetherClientOptions.builder().address(gateway.address()).build())
          .workspace("prod")
          .implementation("manual")
          .build();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class EchoListener {

    @AetherListener(id = "echo")
    void echo(String text) {}
  }
}
