/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.ConnectionState;
import io.github.aetherjava.client.IncomingMessage;
import io.github.aetherjava.client.Topics;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.github.aetherjava.spring.annotation.AetherListener;
import io.github.aetherjava.spring.core.AetherTemplate;
import io.github.aetherjava.spring.listener.AetherListenerEndpointRegistry;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * The new-application scenario end to end: a web application with a typed listener and a REST
 * endpoint that sends through the template, a gateway restart, and a graceful shutdown with
 * messages in flight that loses none of them.
 */
class NewApplicationScenarioTests {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static final String APP_TOPIC = Topics.agent("prod", "orders", "1");

  record Order(String id, int quantity) {}

  @Test
  void typedListenerRestSendGatewayRestartAndGracefulShutdown() throws Exception {
    int port = freePort();
    EmbeddedAetherGateway gateway = EmbeddedAetherGateway.builder().port(port).start();
    ConfigurableApplicationContext app = null;
    AgentClient peer = null;
    try {
      app =
          new SpringApplication(OrdersApplication.class)
              .run(
                  "--server.port=0",
                  "--aether.address=" + gateway.address(),
                  "--aether.agent.workspace=prod",
                  "--aether.agent.implementation=orders",
                  "--aether.agent.specifier=1",
                  "--aether.fail-fast=true",
                  "--aether.reconnect.initial-delay=50ms",
                  "--aether.reconnect.max-delay=200ms",
                  "--aether.listener.shutdown-timeout=30s");
      OrdersApplication orders = app.getBean(OrdersApplication.class);
      AgentClient agent = app.getBean(AgentClient.class);
      // READY before the web server took traffic: the context is started only now
      assertThat(agent.state()).isEqualTo(ConnectionState.READY);
      int httpPort = ((WebServerApplicationContext) app).getWebServer().getPort();
      RestClient http = RestClient.create("http://localhost:" + httpPort);

      List<IncomingMessage> atPeer = new CopyOnWriteArrayList<>();
      peer = peer(gateway.address(), atPeer);
      // typed listener, reply routed to the sender
      peer.send(APP_TOPIC, "{\"id\":\"o-1\",\"quantity\":3}").join();
      await().atMost(TIMEOUT).until(() -> atPeer.size() == 1);
      assertThat(text(atPeer.get(0))).isEqualTo("{\"id\":\"o-1\",\"quantity\":3}");
      // REST -> template -> peer
      http.post()
          .uri("/orders/{target}", Topics.agent("test", "peer", "p1"))
          .body(new Order("o-2", 5))
          .retrieve()
          .toBodilessEntity();
      await().atMost(TIMEOUT).until(() -> atPeer.size() == 2);
      assertThat(text(atPeer.get(1))).isEqualTo("{\"id\":\"o-2\",\"quantity\":5}");

      // gateway restart on the same port: the application reconnects by itself
      gateway.close();
      await().atMost(TIMEOUT).until(() -> agent.state() != ConnectionState.READY);
      gateway = EmbeddedAetherGateway.builder().port(port).start();
      await().atMost(TIMEOUT).until(() -> agent.state() == ConnectionState.READY);
      peer.close();
      atPeer.clear();
      peer = peer(gateway.address(), atPeer);
      http.post()
          .uri("/orders/{target}", Topics.agent("test", "peer", "p1"))
          .body(new Order("o-3", 1))
          .retrieve()
          .toBodilessEntity();
      await().atMost(TIMEOUT).until(() -> atPeer.size() == 1);

      // graceful shutdown with four messages in flight: all four handled and answered
      orders.blocking = true;
      for (int i = 10; i < 14; i++) {
        peer.send(APP_TOPIC, "{\"id\":\"o-" + i + "\",\"quantity\":1}").join();
      }
      assertThat(orders.entered.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      AetherListenerEndpointRegistry registry = app.getBean(AetherListenerEndpointRegistry.class);
      await().atMost(TIMEOUT).until(() -> registry.inFlight() == 4);
      ConfigurableApplicationContext closing = app;
      Thread closer = new Thread(closing::close, "closer");
      closer.start();
      await().atMost(TIMEOUT).until(agent::isInboundPaused);
      orders.release.countDown();
      closer.join(TIMEOUT.toMillis());
      assertThat(closer.isAlive()).isFalse();
      app = null;
      assertThat(orders.handled).containsSubsequence("o-10", "o-11", "o-12", "o-13");
      await().atMost(TIMEOUT).until(() -> atPeer.size() == 5);
    } finally {
      if (app != null) {
        app.close();
      }
      if (peer != null) {
        peer.close();
      }
      gateway.close();
    }
  }

  private static AgentClient peer(String address, List<IncomingMessage> received) {
    AgentClient peer =
        AgentClient.builder(AetherClientOptions.builder().address(address).build())
            .workspace("test")
            .implementation("peer")
            .specifier("p1")
            .build();
    peer.onMessage(received::add);
    peer.connectBlocking();
    return peer;
  }

  private static String text(IncomingMessage message) {
    return new String(message.payload(), StandardCharsets.UTF_8);
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class OrdersApplication {

    final List<String> handled = new CopyOnWriteArrayList<>();

    final CountDownLatch entered = new CountDownLatch(1);

    final CountDownLatch release = new CountDownLatch(1);

    volatile boolean blocking;

    @AetherListener(id = "orders")
    Order onOrder(Order order) throws InterruptedException {
      if (this.blocking) {
        this.entered.countDown();
        this.release.await(30, TimeUnit.SECONDS);
      }
      this.handled.add(order.id());
      return order;
    }

    @Bean
    OrdersController ordersController(AetherTemplate template) {
      return new OrdersController(template);
    }
  }

  @RestController
  static class OrdersController {

    private final AetherTemplate template;

    OrdersController(AetherTemplate template) {
      this.template = template;
    }

    @PostMapping("/orders/{target}")
    void send(@PathVariable String target, @RequestBody Order order) {
      this.template.convertAndSendBlocking(target, order);
    }
  }
}
