/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.MessageType;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.github.aetherjava.spring.annotation.AetherListener;
import io.github.aetherjava.spring.annotation.OnConnectionEvent;
import io.github.aetherjava.spring.boot.autoconfigure.AetherAutoConfiguration;
import io.github.aetherjava.spring.boot.autoconfigure.embedded.AetherEmbeddedGatewayAutoConfiguration;
import io.github.aetherjava.spring.listener.AetherConnectionEvent;
import io.github.aetherjava.spring.listener.AetherHeaders;
import io.github.aetherjava.spring.listener.AetherListenerContainerFactory;
import io.github.aetherjava.spring.listener.AetherListenerEndpointRegistry;
import io.github.aetherjava.spring.listener.AetherListenerRecoverer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.support.MethodArgumentNotValidException;

/**
 * Listener containers: concurrency with order per source topic, control events beside slow
 * listeners, back-pressure, retry, recoverer and dead-letter topic.
 */
class AetherListenerContainerTests {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private static final String AGENT = "ag::prod::impl::s1";

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
              "aether.agent.implementation=impl",
              "aether.agent.specifier=s1",
              "aether.fail-fast=true");

  @Test
  void defaultFactoryIsConfiguredFromProperties() {
    this.runner
        .withPropertyValues(
            "aether.listener.concurrency=3",
            "aether.listener.max-backlog=17",
            "aether.listener.retry.max-retries=2",
            "aether.listener.dead-letter-topic=ag::ops::dlt::1")
        .run(
            (context) -> {
              AetherListenerContainerFactory factory =
                  context.getBean(AetherListenerContainerFactory.class);
              assertThat(factory.getConcurrency()).isEqualTo(3);
              assertThat(factory.getMaxBacklog()).isEqualTo(17);
              assertThat(factory.getRetryPolicy()).isNotNull();
              assertThat(factory.getDeadLetterTopic()).isEqualTo("ag::ops::dlt::1");
            });
  }

  @Test
  void userFactoryReplacesTheDefault() {
    this.runner
        .withBean(
            AetherListenerContainerFactory.DEFAULT_BEAN_NAME,
            AetherListenerContainerFactory.class,
            () ->
                new AetherListenerContainerFactory(
                    Runnable::run,
                    new io.github.aetherjava.spring.client.AetherInboundFlowControl()))
        .run(
            (context) ->
                assertThat(context.getBean(AetherListenerContainerFactory.class).getConcurrency())
                    .isEqualTo(AetherListenerContainerFactory.DEFAULT_CONCURRENCY));
  }

  @Test
  void concurrentLanesRunTopicsInParallelAndKeepTheOrderOfEachTopic() {
    this.runner
        .withUserConfiguration(ParallelListener.class)
        .run(
            (context) -> {
              ParallelListener listener = context.getBean(ParallelListener.class);
              AetherListenerEndpointRegistry registry =
                  context.getBean(AetherListenerEndpointRegistry.class);
              assertThat(registry.getListenerContainer("parallel").getConcurrency()).isEqualTo(4);
              // four peers whose topics fall on four different lanes
              List<String> specifiers = new ArrayList<>();
              boolean[] lanes = new boolean[4];
              for (int i = 0; specifiers.size() < 4; i++) {
                int lane = Math.floorMod(("ag::test::peer::p" + i).hashCode(), 4);
                if (!lanes[lane]) {
                  lanes[lane] = true;
                  specifiers.add("p" + i);
                }
              }
              int perPeer = 150;
              List<AgentClient> peers = new ArrayList<>();
              try {
                for (String specifier : specifiers) {
                  peers.add(peer(context, specifier));
                }
                List<Thread> senders = new ArrayList<>();
                for (AgentClient peer : peers) {
                  Thread sender =
                      new Thread(
                          () -> {
                            for (int n = 0; n < perPeer; n++) {
                              peer.send(AGENT, Integer.toString(n)).join();
                            }
                          });
                  sender.start();
                  senders.add(sender);
                }
                for (Thread sender : senders) {
                  sender.join(TIMEOUT.toMillis());
                }
                await()
                    .atMost(TIMEOUT)
                    .until(() -> listener.total.get() == perPeer * specifiers.size());
              } finally {
                peers.forEach(AgentClient::close);
              }
              // all four lanes were busy at once (the first message of each waits for the others)
              assertThat(listener.allInside.getCount()).isZero();
              assertThat(listener.bySource).hasSize(4);
              listener.bySource.forEach(
                  (source, numbers) -> {
                    List<Integer> expected = new ArrayList<>();
                    for (int n = 0; n < perPeer; n++) {
                      expected.add(n);
                    }
                    assertThat(numbers).as(source).containsExactlyElementsOf(expected);
                  });
            });
  }

  @Test
  void connectionEventsAndOtherListenersDoNotWaitBehindASlowListener() {
    this.runner
        .withUserConfiguration(SlowAndControlListeners.class)
        .run(
            (context) -> {
              SlowAndControlListeners listeners = context.getBean(SlowAndControlListeners.class);
              try (AgentClient peer = peer(context, "p1")) {
                peer.send(AGENT, "slow").join();
                assertThat(listeners.slowEntered.await(10, TimeUnit.SECONDS)).isTrue();
                peer.send(AGENT, "fast").join();
                await().atMost(TIMEOUT).until(() -> listeners.fast.contains("fast"));
                // a connection event while the slow listener still blocks
                EmbeddedAetherGateway gateway = context.getBean(EmbeddedAetherGateway.class);
                String session =
                    context.getBean(AgentClient.class).connectionInfo().orElseThrow().sessionId();
                assertThat(gateway.disconnect(session)).isTrue();
                await().atMost(TIMEOUT).until(() -> !listeners.events.isEmpty());
                assertThat(listeners.slowDone).hasValue(0);
              } finally {
                listeners.release.countDown();
              }
            });
  }

  @Test
  void aFullBacklogHoldsTheInboundWindowUntilTheListenerCatchesUp() {
    this.runner
        .withPropertyValues("aether.listener.max-backlog=4")
        .withUserConfiguration(SlowAndControlListeners.class)
        .run(
            (context) -> {
              SlowAndControlListeners listeners = context.getBean(SlowAndControlListeners.class);
              AgentClient agent = context.getBean(AgentClient.class);
              try (AgentClient peer = peer(context, "p1")) {
                for (int i = 0; i < 20; i++) {
                  peer.send(AGENT, "slow").join();
                }
                await().atMost(TIMEOUT).until(agent::isInboundPaused);
                listeners.release.countDown();
                await().atMost(TIMEOUT).until(() -> listeners.slowDone.get() == 20);
                await().atMost(TIMEOUT).until(() -> !agent.isInboundPaused());
              } finally {
                listeners.release.countDown();
              }
            });
  }

  @Test
  void failuresAreRetriedThenPublishedToTheDeadLetterTopic() {
    this.runner
        .withPropertyValues(
            "aether.listener.retry.max-retries=2",
            "aether.listener.retry.delay=10ms",
            "aether.listener.dead-letter-topic=ag::test::dlt::d1")
        .withUserConfiguration(FailingListener.class)
        .run(
            (context) -> {
              FailingListener listener = context.getBean(FailingListener.class);
              List<String> deadLetters = new CopyOnWriteArrayList<>();
              try (AgentClient dlt = peerNamed(context, "dlt", "d1");
                  AgentClient peer = peer(context, "p1")) {
                dlt.onMessage(
                    (m) -> deadLetters.add(new String(m.payload(), StandardCharsets.UTF_8)));
                peer.send(AGENT, "flaky".getBytes(StandardCharsets.UTF_8), MessageType.CHAT).join();
                peer.send(AGENT, "poison".getBytes(StandardCharsets.UTF_8), MessageType.CHAT)
                    .join();
                await().atMost(TIMEOUT).until(() -> deadLetters.contains("poison"));
                await().atMost(TIMEOUT).until(() -> listener.succeeded.contains("flaky"));
              }
              // flaky: failed once, then succeeded on the first retry; poison: 1 + 2 retries
              assertThat(listener.attempts.get("flaky")).hasValue(2);
              assertThat(listener.attempts.get("poison")).hasValue(3);
              assertThat(deadLetters).containsExactly("poison");
            });
  }

  @Test
  void conversionFailuresGoToTheRecovererWithoutRetries() {
    this.runner
        .withPropertyValues("aether.listener.retry.max-retries=3", "aether.listener.retry.delay=1h")
        .withUserConfiguration(TypedListener.class)
        .run(
            (context) -> {
              TypedListener listener = context.getBean(TypedListener.class);
              try (AgentClient peer = peer(context, "p1")) {
                peer.send(AGENT, "this is not json").join();
                peer.send(AGENT, "{\"id\":\"o-1\",\"quantity\":2}").join();
                await().atMost(TIMEOUT).until(() -> listener.orders.size() == 1);
                await().atMost(TIMEOUT).until(() -> listener.recovered.size() == 1);
              }
              assertThat(listener.orders).containsExactly(new Order("o-1", 2));
              assertThat(listener.recovered.get(0)).isInstanceOf(MessageConversionException.class);
            });
  }

  @Test
  void invalidPayloadsAreRejectedByValidationAndGoToTheRecoverer() {
    this.runner
        .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
        .withPropertyValues("aether.listener.retry.max-retries=3", "aether.listener.retry.delay=1h")
        .withUserConfiguration(ValidatingListener.class)
        .run(
            (context) -> {
              ValidatingListener listener = context.getBean(ValidatingListener.class);
              try (AgentClient peer = peer(context, "p1")) {
                peer.send(AGENT, "{\"id\":\"\",\"quantity\":0}").join();
                peer.send(AGENT, "{\"id\":\"o-1\",\"quantity\":2}").join();
                await().atMost(TIMEOUT).until(() -> listener.orders.size() == 1);
                await().atMost(TIMEOUT).until(() -> listener.recovered.size() == 1);
              }
              assertThat(listener.orders).containsExactly(new CheckedOrder("o-1", 2));
              assertThat(listener.recovered.get(0))
                  .isInstanceOf(MethodArgumentNotValidException.class)
                  .hasMessageContaining("quantity")
                  .hasMessageContaining("id");
            });
  }

  private static AgentClient peer(AssertableApplicationContext context, String specifier) {
    return peerNamed(context, "peer", specifier);
  }

  private static AgentClient peerNamed(
      AssertableApplicationContext context, String implementation, String specifier) {
    String address = context.getBean(EmbeddedAetherGateway.class).address();
    AgentClient peer =
        AgentClient.builder(AetherClientOptions.builder().address(address).build())
            .workspace("test")
            .implementation(implementation)
            .specifier(specifier)
            .build();
    peer.connectBlocking();
    return peer;
  }

  record Order(String id, int quantity) {}

  @Configuration(proxyBeanMethods = false)
  static class ParallelListener {

    final CountDownLatch allInside = new CountDownLatch(4);

    final Map<String, List<Integer>> bySource = new ConcurrentHashMap<>();

    final AtomicInteger total = new AtomicInteger();

    @AetherListener(id = "parallel", concurrency = "4")
    void onMessage(String payload, @Header(AetherHeaders.SOURCE_TOPIC) String source)
        throws InterruptedException {
      int n = Integer.parseInt(payload);
      if (n == 0) {
        this.allInside.countDown();
        this.allInside.await(10, TimeUnit.SECONDS);
      }
      if (ThreadLocalRandom.current().nextInt(8) == 0) {
        Thread.yield();
      }
      this.bySource.computeIfAbsent(source, (key) -> new CopyOnWriteArrayList<>()).add(n);
      this.total.incrementAndGet();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class SlowAndControlListeners {

    final CountDownLatch slowEntered = new CountDownLatch(1);

    final CountDownLatch release = new CountDownLatch(1);

    final AtomicInteger slowDone = new AtomicInteger();

    final List<String> fast = new CopyOnWriteArrayList<>();

    final List<AetherConnectionEvent> events = new CopyOnWriteArrayList<>();

    @AetherListener(id = "slow", messageType = MessageType.OPAQUE, sourceTopic = ".*")
    void slow(String payload) throws InterruptedException {
      if (!payload.equals("slow")) {
        return;
      }
      this.slowEntered.countDown();
      if (this.release.await(30, TimeUnit.SECONDS)) {
        this.slowDone.incrementAndGet();
      }
    }

    @AetherListener(id = "fast")
    void fast(String payload) {
      if (payload.equals("fast")) {
        this.fast.add(payload);
      }
    }

    @OnConnectionEvent(AetherConnectionEvent.Type.DISCONNECTED)
    void onDisconnect(AetherConnectionEvent event) {
      this.events.add(event);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class FailingListener {

    final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    final List<String> succeeded = new CopyOnWriteArrayList<>();

    @AetherListener(id = "failing")
    void onMessage(String payload) {
      int attempt =
          this.attempts.computeIfAbsent(payload, (key) -> new AtomicInteger()).incrementAndGet();
      if (payload.equals("poison") || attempt == 1) {
        throw new IllegalStateException("cannot handle " + payload + " (attempt " + attempt + ")");
      }
      this.succeeded.add(payload);
    }
  }

  record CheckedOrder(@NotBlank String id, @Min(1) int quantity) {}

  @Configuration(proxyBeanMethods = false)
  static class ValidatingListener {

    final List<CheckedOrder> orders = new CopyOnWriteArrayList<>();

    final List<Throwable> recovered = new CopyOnWriteArrayList<>();

    @Bean
    AetherListenerRecoverer recorder() {
      return (message, exception) -> this.recovered.add(exception.getCause());
    }

    @AetherListener(id = "checked")
    void onOrder(@Valid CheckedOrder order) {
      this.orders.add(order);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class TypedListener {

    final List<Order> orders = new CopyOnWriteArrayList<>();

    final List<Throwable> recovered = new CopyOnWriteArrayList<>();

    @Bean
    AetherListenerRecoverer recorder() {
      return (message, exception) -> this.recovered.add(exception.getCause());
    }

    @AetherListener(id = "orders")
    void onOrder(Order order) {
      this.orders.add(order);
    }
  }
}
