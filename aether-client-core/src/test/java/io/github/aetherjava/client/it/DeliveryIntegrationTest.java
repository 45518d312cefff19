/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.ConnectionInfo;
import io.github.aetherjava.client.ConnectionState;
import io.github.aetherjava.client.GatewayError;
import io.github.aetherjava.client.GatewayErrorException;
import io.github.aetherjava.client.ServiceClient;
import io.github.aetherjava.client.delivery.DeliveryMode;
import io.github.aetherjava.client.delivery.DeliveryStats;
import io.github.aetherjava.client.delivery.PressureEvent;
import io.github.aetherjava.client.delivery.PressureKind;
import io.github.aetherjava.client.delivery.SendPacing;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.github.aetherjava.gateway.embedded.PolicyMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** flush(), confirmed delivery, pacing, pressure events and failover against embedded gateways. */
class DeliveryIntegrationTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private final List<AutoCloseable> closeables = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (int i = closeables.size() - 1; i >= 0; i--) {
      closeables.get(i).close();
    }
  }

  private EmbeddedAetherGateway liteParity() {
    EmbeddedAetherGateway gw =
        EmbeddedAetherGateway.builder()
            .tcp(false)
            .inProcessName("delivery-it-" + UUID.randomUUID())
            .policyMode(PolicyMode.LITE_PARITY)
            .start();
    closeables.add(gw);
    return gw;
  }

  /**
   * AetherLite's connection rate limit (100/s, burst 200) without its 64-frame staging buffer: a
   * receiver that lags for a moment under a loaded build slows the sender instead of losing frames,
   * so these tests see only the sender's side.
   */
  private EmbeddedAetherGateway rateLimited() {
    EmbeddedAetherGateway gw =
        EmbeddedAetherGateway.builder()
            .tcp(false)
            .inProcessName("delivery-it-" + UUID.randomUUID())
            .rateLimit(100)
            .start();
    closeables.add(gw);
    return gw;
  }

  private AgentClient agent(AetherClientOptions options, String specifier) throws Exception {
    AgentClient a =
        AgentClient.builder(options)
            .workspace("dl")
            .implementation("dl")
            .specifier(specifier)
            .build();
    closeables.add(a);
    a.connect().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    return a;
  }

  private AgentClient receiver(String address, Set<String> received) throws Exception {
    AgentClient r =
        AgentClient.builder(AetherClientOptions.forAddress(address))
            .workspace("dl")
            .implementation("dl")
            .specifier("rx")
            .build();
    r.onMessage(m -> received.add(new String(m.payload(), StandardCharsets.UTF_8)));
    closeables.add(r);
    r.connect().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    return r;
  }

  private static CompletableFuture<Void> send(AgentClient from, String text) {
    return from.sendToAgent("dl", "dl", "rx", text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void flushCompletesAfterTheGatewayProcessedEveryEarlierSendAndReportedItsRefusals()
      throws Exception {
    EmbeddedAetherGateway gw = rateLimited();
    Set<String> received = ConcurrentHashMap.newKeySet();
    receiver(gw.inProcessAddress(), received);
    AgentClient sender = agent(AetherClientOptions.forAddress(gw.inProcessAddress()), "tx");
    List<PressureEvent> events = new CopyOnWriteArrayList<>();
    List<GatewayError> onError = new CopyOnWriteArrayList<>();
    sender.onPressure(events::add);
    sender.onError(onError::add);
    int n = 300;
    for (int i = 0; i < n; i++) {
      send(sender, "m" + i);
    }
    sender.flush().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    // every refusal was written before the flush's answer, so the counts are final now
    DeliveryStats stats = sender.deliveryStats();
    long refused = stats.rateLimited() + stats.quotaExceeded();
    assertThat(refused).as("the limit refuses part of a fast burst").isPositive();
    await().atMost(WAIT).until(() -> received.size() == n - refused);
    await().atMost(WAIT).until(() -> events.size() == refused && onError.size() == refused);
    assertThat(events).allMatch(e -> !e.attributedToConfirmedSend());
    assertThat(events.get(events.size() - 1).total())
        .isEqualTo(
            events.get(events.size() - 1).kind() == PressureKind.RATE_LIMITED
                ? stats.rateLimited()
                : stats.quotaExceeded());
    assertThat(received).hasSize((int) (n - refused));
  }

  @Test
  void confirmedModeDeliversEverySendThroughTheGatewaysRateLimits() throws Exception {
    EmbeddedAetherGateway gw = rateLimited();
    Set<String> received = ConcurrentHashMap.newKeySet();
    receiver(gw.inProcessAddress(), received);
    AgentClient sender =
        agent(
            AetherClientOptions.builder()
                .address(gw.inProcessAddress())
                .deliveryMode(DeliveryMode.CONFIRMED)
                .build(),
            "tx");
    List<GatewayError> onError = new CopyOnWriteArrayList<>();
    sender.onError(onError::add);
    int n = 250;
    List<CompletableFuture<Void>> sends = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      sends.add(send(sender, "m" + i));
    }
    CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
        .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    // confirmed means processed: every message is stored at the gateway already
    await().atMost(WAIT).until(() -> received.size() == n);
    DeliveryStats stats = sender.deliveryStats();
    assertThat(stats.confirmed()).isEqualTo(n);
    assertThat(stats.retried()).as("refused sends were retried").isPositive();
    assertThat(stats.unconfirmed()).isZero();
    assertThat(onError).as("refusals of confirmed sends are the client's business").isEmpty();
  }

  @Test
  void confirmedModeFailsASendTheGatewayRefusesForGood() throws Exception {
    EmbeddedAetherGateway gw = liteParity();
    ServiceClient service =
        ServiceClient.builder(
                AetherClientOptions.builder()
                    .address(gw.inProcessAddress())
                    .deliveryMode(DeliveryMode.CONFIRMED)
                    .build())
            .implementation("dl")
            .specifier("svc")
            .build();
    closeables.add(service);
    service.connect().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    // lite-parity: services may not send to workspace-bearing topics
    CompletableFuture<Void> denied =
        service.sendToAgent("dl", "dl", "rx", "x".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> denied.get(WAIT.toSeconds(), TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(GatewayErrorException.class)
        .hasMessageContaining("ERR_PERMISSION_DENIED");
  }

  @Test
  void pacedSendsAreNeverRefusedByARateLimitedGateway() throws Exception {
    EmbeddedAetherGateway gw = rateLimited();
    Set<String> received = ConcurrentHashMap.newKeySet();
    receiver(gw.inProcessAddress(), received);
    AgentClient sender =
        agent(
            AetherClientOptions.builder()
                .address(gw.inProcessAddress())
                .sendPacing(SendPacing.aetherLite())
                .build(),
            "tx");
    int n = 150;
    for (int i = 0; i < n; i++) {
      send(sender, "m" + i);
    }
    await().atMost(WAIT).until(() -> received.size() == n);
    sender.flush().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(sender.deliveryStats().rateLimited()).isZero();
    assertThat(sender.deliveryStats().quotaExceeded()).isZero();
  }

  @Test
  void aListOfInstancesLetsTheClientMoveToALiveOneWhenItsInstanceDies() throws Exception {
    EmbeddedAetherGateway first = EmbeddedAetherGateway.builder().port(0).start();
    EmbeddedAetherGateway second = EmbeddedAetherGateway.builder().port(0).start();
    closeables.add(second);
    closeables.add(first);
    Set<String> received = ConcurrentHashMap.newKeySet();
    receiver(second.address(), received);
    AgentClient sender =
        agent(
            AetherClientOptions.builder()
                .address(first.address() + "," + second.address())
                .deliveryMode(DeliveryMode.CONFIRMED)
                .build(),
            "tx");
    ConnectionInfo before = sender.connectionInfo().orElseThrow();
    assertThat(first.connectedIdentities()).contains(sender.identity());
    first.close();
    await()
        .atMost(WAIT)
        .until(
            () ->
                sender.state() == ConnectionState.READY
                    && !sender
                        .connectionInfo()
                        .orElseThrow()
                        .sessionId()
                        .equals(before.sessionId()));
    assertThat(second.connectedIdentities()).contains(sender.identity());
    send(sender, "after").get(WAIT.toSeconds(), TimeUnit.SECONDS);
    await().atMost(WAIT).until(() -> received.contains("after"));
  }

  @Test
  void flushBeforeConnectFailsAndATimeoutIsReported() {
    AgentClient idle =
        AgentClient.builder(AetherClientOptions.forAddress("in-process:nowhere"))
            .workspace("dl")
            .implementation("dl")
            .specifier("idle")
            .build();
    closeables.add(idle);
    assertThat(idle.flush()).isCompletedExceptionally();
    assertThatThrownBy(() -> idle.flush(Duration.ZERO).join())
        .hasMessageContaining("timeout must be positive");
  }

  static boolean connected(AetherClient c) {
    return c.state() == ConnectionState.READY;
  }
}
