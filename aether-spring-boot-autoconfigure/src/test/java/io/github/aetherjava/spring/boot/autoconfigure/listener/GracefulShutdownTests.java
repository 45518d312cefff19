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
import io.github.aetherjava.spring.client.AetherClientLifecycle;
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

/**
 * Shutdown loses nothing already received: the client stops taking frames, the listeners finish
 * every message that arrived, and only then the client disconnects.
 */
class GracefulShutdownTests {

  private static final String AGENT_TOPIC = "ag::prod::slow::s1";

  @Test
  void everyMessageAlreadyReceivedIsHandledAndAnsweredBeforeTheClientDisconnects() {
    run(
        "30s",
        (context, listener, peer, replies) -> {
          for (int i = 1; i <= 4; i++) {
            peer.send(AGENT_TOPIC, ("work-" + i).getBytes(StandardCharsets.UTF_8), MessageType.CHAT)
                .join();
          }
          assertThat(listener.entered.await(10, TimeUnit.SECONDS)).isTrue();
          AgentClient agent = context.getBean(AgentClient.class);
          AetherListenerEndpointRegistry registry =
              context.getBean(AetherListenerEndpointRegistry.class);
          // the other three have arrived and wait behind the first
          await().atMost(Duration.ofSeconds(10)).until(() -> registry.inFlight() == 4);
          Thread closer = new Thread(context::close, "closer");
          closer.start();
          await().atMost(Duration.ofSeconds(10)).until(agent::isInboundPaused);
          // shutdown has begun and waits for the listener: still connected, nothing lost yet
          assertThat(listener.events).doesNotContain("state:CLOSED");
          listener.release.countDown();
          closer.join(TimeUnit.SECONDS.toMillis(30));
          assertThat(closer.isAlive()).isFalse();
          assertThat(listener.handled).containsExactly("work-1", "work-2", "work-3", "work-4");
          assertThat(listener.events.indexOf("handled:work-4"))
              .isLessThan(listener.events.indexOf("state:CLOSED"));
          // the replies went out before the disconnect
          await()
              .atMost(Duration.ofSeconds(10))
              .untilAsserted(
                  () ->
                      assertThat(replies)
                          .containsExactly(
                              "done:work-1", "done:work-2", "done:work-3", "done:work-4"));
        });
  }

  @Test
  void shutdownDoesNotWaitLongerThanTheShutdownTimeout() {
    run(
        "200ms",
        (context, listener, peer, replies) -> {
          peer.send(AGENT_TOPIC, "stuck".getBytes(StandardCharsets.UTF_8), MessageType.CHAT).join();
          assertThat(listener.entered.await(10, TimeUnit.SECONDS)).isTrue();
          AetherClientLifecycle lifecycle = context.getBean(AetherClientLifecycle.class);
          AetherListenerEndpointRegistry registry =
              context.getBean(AetherListenerEndpointRegistry.class);
          try {
            // stopping drains for at most the shutdown timeout, then gives up on the stuck handler
            lifecycle.stop();
            assertThat(registry.inFlight()).isEqualTo(1);
            assertThat(listener.handled).isEmpty();
          } finally {
            listener.release.countDown();
          }
          await().atMost(Duration.ofSeconds(10)).until(() -> registry.inFlight() == 0);
        });
  }

  @Test
  void stopThenStartPausesAndResumesTheClientsWithoutClosingThem() {
    run(
        "5s",
        (context, listener, peer, replies) -> {
          listener.release.countDown();
          AgentClient agent = context.getBean(AgentClient.class);
          AetherClientLifecycle lifecycle = context.getBean(AetherClientLifecycle.class);
          context.stop();
          assertThat(lifecycle.isRunning()).isFalse();
          assertThat(agent.isInboundPaused()).isTrue();
          assertThat(agent.state()).isEqualTo(ConnectionState.READY);
          context.start();
          assertThat(lifecycle.isRunning()).isTrue();
          assertThat(agent.isInboundPaused()).isFalse();
          assertThat(agent.state()).isEqualTo(ConnectionState.READY);
          peer.send(AGENT_TOPIC, "after-restart".getBytes(StandardCharsets.UTF_8), MessageType.CHAT)
              .join();
          await()
              .atMost(Duration.ofSeconds(10))
              .untilAsserted(() -> assertThat(listener.handled).contains("after-restart"));
        });
  }

  /** Starts the agent with {@link SlowListener} and a connected peer recording the replies. */
  private static void run(String shutdownTimeout, Scenario test) {
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
              List<String> replies = new CopyOnWriteArrayList<>();
              try (AgentClient peer =
                  AgentClient.builder(AetherClientOptions.builder().address(address).build())
                      .workspace("test")
                      .implementation("peer")
                      .specifier("p1")
                      .build()) {
                peer.onMessage(
                    (message) ->
                        replies.add(new String(message.payload(), StandardCharsets.UTF_8)));
                peer.connectBlocking();
                test.run(context, listener, peer, replies);
              }
            });
  }

  @FunctionalInterface
  private interface Scenario {

    void run(
        AssertableApplicationContext context,
        SlowListener listener,
        AgentClient peer,
        List<String> replies)
        throws Exception;
  }

  @Configuration(proxyBeanMethods = false)
  static class SlowListener {

    final CountDownLatch entered = new CountDownLatch(1);

    final CountDownLatch release = new CountDownLatch(1);

    final List<String> events = new CopyOnWriteArrayList<>();

    final List<String> handled = new CopyOnWriteArrayList<>();

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
    @Nullable String slow(String payload) throws InterruptedException {
      this.entered.countDown();
      if (!this.release.await(30, TimeUnit.SECONDS)) {
        return null;
      }
      this.handled.add(payload);
      this.events.add("handled:" + payload);
      return "done:" + payload;
    }
  }
}
