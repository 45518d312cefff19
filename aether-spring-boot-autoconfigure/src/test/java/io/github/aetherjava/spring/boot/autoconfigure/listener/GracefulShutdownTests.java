/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.ClientObserver;
import io.github.aetherjava.client.ConnectionState;
import io.github.aetherjava.client.MessageType;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.github.aetherjava.spring.annotation.AetherListener;
import io.github.aetherjava.spring.boot.autoconfigure.AetherAutoConfiguration;
import io.github.aetherjava.spring.boot.autoconfigure.AetherClientOptionsCustomizer;
import io.github.aetherjava.spring.boot.autoconfigure.embedded.AetherEmbeddedGatewayAutoConfiguration;
import io.github.aetherjava.spring.listener.AetherListenerEndpointRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Shutdown stops the listeners, waits for the in-flight handler and only then disconnects. */
class GracefulShutdownTests {

  @Test
  void inFlightHandlerFinishesBeforeTheClientDisconnects() {
    runWithHandlerInFlight(
        "30s",
        (context, listener) -> {
          AetherListenerEndpointRegistry registry =
              context.getBean(AetherListenerEndpointRegistry.class);
          Thread closer = new Thread(context::close, "closer");
          closer.start();
          await().atMost(Duration.ofSeconds(10)).until(() -> !registry.isRunning());
          // Shutdown has begun and is waiting for the handler: the client is still connected.
          assertThat(listener.events).doesNotContain("state:CLOSED");
          listener.release.countDown();
          closer.join(TimeUnit.SECONDS.toMillis(30));
          assertThat(closer.isAlive()).isFalse();
          assertThat(listener.events).contains("handler-done", "state:CLOSED");
          assertThat(listener.events.indexOf("handler-done"))
              .isLessThan(listener.events.indexOf("state:CLOSED"));
        });
  }

  @Test
  void shutdownDoesNotWaitLongerThanTheShutdownTimeout() {
    runWithHandlerInFlight(
        "200ms",
        (context, listener) -> {
          AetherListenerEndpointRegistry registry =
              context.getBean(AetherListenerEndpointRegistry.class);
          try {
            // Stopping drains for at most the shutdown timeout, then gives up on the stuck handler.
            registry.stop();
            assertThat(registry.getListenerContainer("slow").getInFlight()).isEqualTo(1);
            assertThat(listener.events).doesNotContain("handler-done");
          } finally {
            listener.release.countDown();
          }
          await()
              .atMost(Duration.ofSeconds(10))
              .until(() -> registry.getListenerContainer("slow").getInFlight() == 0);
        });
  }

  /**
   * Starts the agent with {@link SlowListener}, sends it one message from a peer and waits until
   * the handler has entered (and blocks), then hands the running context to the test.
   */
  private static void runWithHandlerInFlight(String shutdownTimeout, HandlerInFlight test) {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                AetherEmbeddedGatewayAutoConfiguration.class,
                AetherAutoConfiguration.class,
                AetherListenerAutoConfiguration.class))
        .withPropertyValues(
            "aether.agent.workspace=prod",
            "aether.agent.implementation=slow",
            "aether.agent.specifier=s1",
            "aether.fail-fast=true",
            "aether.listener.shutdown-timeout=" + shutdownTimeout)
        .withUserConfiguration(SlowListener.class)
        .run(
            (context) -> {
              SlowListener listener = context.getBean(SlowListener.class);
              String address = context.getBean(EmbeddedAetherGateway.class).address();
              try (AgentClient peer =
                  AgentClient.builder(AetherClientOptions.builder().address(address).build())
                      .workspace("test")
                      .implementation("peer")
                      .specifier("p1")
                      .build()) {
                peer.connectBlocking();
                peer.send(
                        "ag::prod::slow::s1",
                        "work".getBytes(StandardCharsets.UTF_8),
                        MessageType.CHAT)
                    .join();
                assertThat(listener.entered.await(10, TimeUnit.SECONDS)).isTrue();
              }
              test.run(context, listener);
            });
  }

  @FunctionalInterface
  private interface HandlerInFlight {

    void run(AssertableApplicationContext context, SlowListener listener) throws Exception;
  }

  @Configuration(proxyBeanMethods = false)
  static class SlowListener {

    final CountDownLatch entered = new CountDownLatch(1);

    final CountDownLatch release = new CountDownLatch(1);

    final List<String> events = new CopyOnWriteArrayList<>();

    @Bean
    AetherClientOptionsCustomizer stateRecorder() {
      return (builder) ->
          builder.addObserver(
              new ClientObserver() {

                @Override
                public void onStateChanged(
                    AetherClient client,
                    ConnectionState from,
                    ConnectionState to,
                    @Nullable Throwable cause) {
                  SlowListener.this.events.add("state:" + to);
                }
              });
    }

    @AetherListener(id = "slow")
    void slow(String payload) throws InterruptedException {
      this.entered.countDown();
      if (this.release.await(30, TimeUnit.SECONDS)) {
        this.events.add("handler-done");
      }
    }
  }
}
