/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.ConnectionStatus;
import io.github.aetherjava.client.GatewayError;
import io.github.aetherjava.client.delivery.DeliveryMode;
import io.github.aetherjava.client.delivery.DeliveryStats;
import io.github.aetherjava.client.delivery.PressureEvent;
import io.github.aetherjava.client.delivery.PressureKind;
import io.github.aetherjava.client.delivery.SendPacing;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Delivery guarantees against a gateway with AetherLite's limits (100 messages/s per connection,
 * burst 200; 100 per identity per second; 64-frame staging buffer per receiver): {@code flush()}
 * barriers, refusals surfaced as pressure events, confirmed sends through the limits, pacing that
 * is never refused, and what a receiver that does not keep up loses and is told.
 */
abstract class DeliveryConformanceTests {

  private static final Duration WAIT = Duration.ofSeconds(60);

  // Unique names per run: the real gateway persists messages across runs.
  private final String workspace = "dlv-" + UUID.randomUUID().toString().substring(0, 8);

  private final List<AetherClient> clients = new ArrayList<>();

  /** Address of the gateway under test. */
  abstract String gatewayAddress();

  /**
   * Whether a receiver that lost frames is always told. AetherLite queues its BACKPRESSURE notice
   * in the same full buffer, so a receiver far behind usually never sees it.
   */
  boolean alwaysAnnouncesDrops() {
    return true;
  }

  @AfterEach
  void closeAll() {
    clients.forEach(AetherClient::close);
  }

  private AgentClient agent(AetherClientOptions.Builder options, String specifier)
      throws Exception {
    AgentClient agent =
        AgentClient.builder(options.address(gatewayAddress()).build())
            .workspace(workspace)
            .implementation("dlv")
            .specifier(specifier)
            .build();
    clients.add(agent);
    return agent;
  }

  private Map<String, Integer> receiver(String specifier) throws Exception {
    AgentClient r = agent(AetherClientOptions.builder(), specifier);
    Map<String, Integer> received = new ConcurrentHashMap<>();
    r.onMessage(m -> received.merge(m.payloadAsString(), 1, Integer::sum));
    r.connect().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    return received;
  }

  private AgentClient sender(AetherClientOptions.Builder options) throws Exception {
    AgentClient s = agent(options, "tx");
    s.connect().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    return s;
  }

  private CompletableFuture<Void> send(AgentClient sender, String to, String text) {
    return sender.sendToAgent(workspace, "dlv", to, text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void flushCompletesOnceTheGatewayProcessedEverySendBeforeIt() throws Exception {
    Map<String, Integer> received = receiver("rx");
    AgentClient sender = sender(AetherClientOptions.builder());
    for (int i = 0; i < 20; i++) {
      send(sender, "rx", "m" + i);
    }
    sender.flush().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    await().atMost(WAIT).until(() -> received.size() == 20);
    // the client's own status requests still get their answers beside the barriers
    ConnectionStatus status =
        sender.connectionStatus("agent", sender.identity()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(status.connected()).isTrue();
    sender.flush().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  void aFastUnpacedBurstIsPartlyRefusedAndEveryRefusalIsSurfacedBeforeTheFlush() throws Exception {
    Map<String, Integer> received = receiver("rx");
    AgentClient sender = sender(AetherClientOptions.builder());
    List<PressureEvent> events = new CopyOnWriteArrayList<>();
    List<GatewayError> errors = new CopyOnWriteArrayList<>();
    sender.onPressure(events::add);
    sender.onError(errors::add);
    int n = 300;
    for (int i = 0; i < n; i++) {
      send(sender, "rx", "m" + i);
    }
    sender.flush().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    DeliveryStats stats = sender.deliveryStats();
    long refused = stats.rateLimited() + stats.quotaExceeded();
    assertThat(refused).isPositive();
    await().atMost(WAIT).until(() -> events.size() == refused && errors.size() == refused);
    assertThat(events)
        .allMatch(
            e -> e.kind() == PressureKind.RATE_LIMITED || e.kind() == PressureKind.QUOTA_EXCEEDED);
    await().atMost(WAIT).until(() -> received.size() == n - refused);
  }

  @Test
  void confirmedSendsAllArriveThroughTheRateLimits() throws Exception {
    Map<String, Integer> received = receiver("rx");
    AgentClient sender = sender(AetherClientOptions.builder().deliveryMode(DeliveryMode.CONFIRMED));
    int n = 300;
    List<CompletableFuture<Void>> sends = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      sends.add(send(sender, "rx", "m" + i));
    }
    CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
        .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    await().atMost(WAIT).until(() -> received.size() == n);
    DeliveryStats stats = sender.deliveryStats();
    assertThat(stats.confirmed()).isEqualTo(n);
    assertThat(stats.retried()).isPositive();
    assertThat(received.values()).as("no stream ended: no duplicates").allMatch(c -> c == 1);
  }

  @Test
  void pacedSendsAreNeverRefused() throws Exception {
    Map<String, Integer> received = receiver("rx");
    AgentClient sender = sender(AetherClientOptions.builder().sendPacing(SendPacing.aetherLite()));
    int n = 300;
    for (int i = 0; i < n; i++) {
      send(sender, "rx", "m" + i);
    }
    sender.flush(WAIT).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    // after the flush every refusal has arrived
    assertThat(sender.deliveryStats().rateLimited()).isZero();
    assertThat(sender.deliveryStats().quotaExceeded()).isZero();
    await().atMost(WAIT).until(() -> received.size() == n);
  }

  @Test
  void aReceiverThatDoesNotKeepUpLosesLiveMessagesAndCountsTheNotices() throws Exception {
    AgentClient slow = agent(AetherClientOptions.builder().inboundWindow(1), "slow");
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger big = new AtomicInteger();
    AtomicInteger markers = new AtomicInteger();
    slow.onMessage(
        m -> {
          release.await();
          if (m.payload().length > 100) {
            big.incrementAndGet();
          } else {
            markers.incrementAndGet();
          }
        });
    List<PressureEvent> events = new CopyOnWriteArrayList<>();
    slow.onPressure(events::add);
    slow.connect().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    AgentClient sender = sender(AetherClientOptions.builder().sendPacing(SendPacing.aetherLite()));
    // far more than the 64 staged frames plus what the transport buffers
    byte[] payload = new byte[100_000];
    int n = 100;
    for (int i = 0; i < n; i++) {
      sender.sendToAgent(workspace, "dlv", "slow", payload);
    }
    sender.flush(WAIT).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    release.countDown();
    // a small marker behind the backlog; sent again until one finds room
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              send(sender, "slow", "marker");
              return markers.get() > 0;
            });
    assertThat(big.get()).as("the gateway dropped frames to the slow receiver").isLessThan(n);
    assertThat(events).allMatch(e -> e.kind() == PressureKind.BACKPRESSURE);
    assertThat(slow.deliveryStats().backpressure()).isEqualTo(events.size());
    if (alwaysAnnouncesDrops()) {
      assertThat(events).isNotEmpty();
    }
    System.out.printf(
        "slow receiver: sent %d, handled %d, BACKPRESSURE notices %d%n",
        n, big.get(), events.size());
  }
}
