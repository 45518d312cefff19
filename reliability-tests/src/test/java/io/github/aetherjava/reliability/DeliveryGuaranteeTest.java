/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.reliability;

import static io.github.aetherjava.reliability.Fixtures.agent;
import static io.github.aetherjava.reliability.Fixtures.agentTopic;
import static io.github.aetherjava.reliability.Fixtures.options;
import static io.github.aetherjava.reliability.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AetherException;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.ConnectionListener;
import io.github.aetherjava.client.ConnectionState;
import io.github.aetherjava.client.DisconnectInfo;
import io.github.aetherjava.client.FailureReason;
import io.github.aetherjava.client.delivery.DeliveryMode;
import io.github.aetherjava.client.delivery.DeliveryStats;
import io.github.aetherjava.client.delivery.PressureEvent;
import io.github.aetherjava.client.delivery.PressureKind;
import io.github.aetherjava.client.delivery.SendPacing;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.github.aetherjava.gateway.embedded.PolicyMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Delivery guarantees: confirmed sends across a silently dead connection, the default mode's loss
 * window, pacing under a gateway rate limit, drops to a slow receiver surfaced, and confirmed sends
 * under random connection cuts (many interleavings).
 */
class DeliveryGuaranteeTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  /** Keepalive of the half-open cases: the gateway's minimum interval, a short timeout. */
  private static final Duration KEEPALIVE = Duration.ofSeconds(10);

  private static final Duration KEEPALIVE_TIMEOUT = Duration.ofSeconds(1);

  private static Map<String, Integer> counting(AgentClient receiver) {
    Map<String, Integer> received = new ConcurrentHashMap<>();
    receiver.onMessage(m -> received.merge(m.payloadAsString(), 1, Integer::sum));
    return received;
  }

  private static List<DisconnectInfo> disconnects(AgentClient client) {
    List<DisconnectInfo> list = new CopyOnWriteArrayList<>();
    client.addConnectionListener(
        new ConnectionListener() {
          @Override
          public void onDisconnect(DisconnectInfo info) {
            list.add(info);
          }
        });
    return list;
  }

  @Test
  void halfOpenConnectionConfirmedModeDeliversEverySend() throws Exception {
    try (EmbeddedAetherGateway gw = EmbeddedAetherGateway.builder().start();
        TcpProxy proxy = new TcpProxy(gw.port());
        AgentClient receiver = agent(options(gw.address()).build(), "ho-rx");
        AgentClient sender =
            agent(
                options(proxy.address())
                    .keepAliveTime(KEEPALIVE)
                    .keepAliveTimeout(KEEPALIVE_TIMEOUT)
                    .deliveryMode(DeliveryMode.CONFIRMED)
                    .build(),
                "ho-tx")) {
      Map<String, Integer> received = counting(receiver);
      receiver.connectBlocking();
      sender.connectBlocking();
      List<DisconnectInfo> cuts = disconnects(sender);
      List<CompletableFuture<Void>> sends = new ArrayList<>();
      for (int i = 0; i < 15; i++) {
        sends.add(sender.send(agentTopic("ho-rx"), utf8("m" + i)));
      }
      CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
          .get(WAIT.toSeconds(), TimeUnit.SECONDS);
      proxy.blackholeExisting(); // no FIN, no RST: only keepalive notices
      for (int i = 15; i < 30; i++) {
        sends.add(sender.send(agentTopic("ho-rx"), utf8("m" + i)));
      }
      assertThat(sends.subList(15, 30))
          .as("written into the dead stream, not confirmed")
          .noneMatch(CompletableFuture::isDone);
      await().atMost(WAIT).until(() -> !cuts.isEmpty());
      CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
          .get(WAIT.toSeconds(), TimeUnit.SECONDS);
      await().atMost(WAIT).until(() -> received.size() == 30);
      DeliveryStats stats = sender.deliveryStats();
      assertThat(stats.confirmed()).isEqualTo(30);
      assertThat(stats.replayed()).as("the 15 unconfirmed sends were written again").isEqualTo(15);
      long duplicates = received.values().stream().filter(c -> c > 1).count();
      Fixtures.report(
          "delivery-half-open-confirmed",
          "half-open (confirmed): sent 30, confirmed "
              + stats.confirmed()
              + ", received distinct "
              + received.size()
              + ", replayed "
              + stats.replayed()
              + ", duplicates "
              + duplicates
              + ", detected after "
              + cuts.get(0).reason());
    }
  }

  @Test
  void halfOpenConnectionDefaultModeLosesOnlyWhatWasWrittenIntoTheDeadStreamAndFlushSaysSo()
      throws Exception {
    try (EmbeddedAetherGateway gw = EmbeddedAetherGateway.builder().start();
        TcpProxy proxy = new TcpProxy(gw.port());
        AgentClient receiver = agent(options(gw.address()).build(), "hd-rx");
        AgentClient sender =
            agent(
                options(proxy.address())
                    .keepAliveTime(KEEPALIVE)
                    .keepAliveTimeout(KEEPALIVE_TIMEOUT)
                    .build(),
                "hd-tx")) {
      Map<String, Integer> received = counting(receiver);
      receiver.connectBlocking();
      sender.connectBlocking();
      List<DisconnectInfo> cuts = disconnects(sender);
      for (int i = 0; i < 15; i++) {
        sender.send(agentTopic("hd-rx"), utf8("m" + i)).join();
      }
      sender.flush().get(WAIT.toSeconds(), TimeUnit.SECONDS);
      proxy.blackholeExisting();
      List<CompletableFuture<Void>> dead = new ArrayList<>();
      for (int i = 15; i < 30; i++) {
        dead.add(sender.send(agentTopic("hd-rx"), utf8("m" + i)));
      }
      CompletableFuture<Void> flush = sender.flush(WAIT);
      CompletableFuture.allOf(dead.toArray(CompletableFuture[]::new))
          .get(WAIT.toSeconds(), TimeUnit.SECONDS);
      // the flush is how a default-mode sender learns that frames may be lost
      await().atMost(WAIT).until(flush::isDone);
      assertThat(flush).isCompletedExceptionally();
      Throwable why = flush.handle((v, e) -> e).join();
      AetherException cause =
          (AetherException) (why instanceof CompletionException ? why.getCause() : why);
      assertThat(cause.reason()).isEqualTo(FailureReason.DISCONNECTED);
      assertThat(cause.isRecoverable()).isTrue();
      assertThat(cuts).isNotEmpty();
      await().atMost(WAIT).until(() -> sender.state() == ConnectionState.READY);
      sender.send(agentTopic("hd-rx"), utf8("after")).join();
      await().atMost(WAIT).until(() -> received.containsKey("after"));
      long lost = 30 - (received.size() - 1);
      assertThat(received).containsKeys("m0", "m14");
      assertThat(lost)
          .as("exactly the sends written between the cut and its detection are lost")
          .isEqualTo(15);
      Fixtures.report(
          "delivery-half-open-default",
          "half-open (at most once): sent 30, futures completed normally 30, received "
              + (30 - lost)
              + ", lost "
              + lost
              + " (all written into the dead stream within keepAliveTime + keepAliveTimeout = "
              + KEEPALIVE.plus(KEEPALIVE_TIMEOUT).toSeconds()
              + " s), flush failed with "
              + cause.reason());
    }
  }

  @Test
  void aThousandPacedSendsToA100PerSecondGatewayAllArrive() throws Exception {
    try (EmbeddedAetherGateway gw =
            EmbeddedAetherGateway.builder().policyMode(PolicyMode.LITE_PARITY).start();
        AgentClient receiver = agent(options(gw.address()).build(), "pace-rx");
        AgentClient sender =
            agent(options(gw.address()).sendPacing(SendPacing.aetherLite()).build(), "pace-tx")) {
      Map<String, Integer> received = counting(receiver);
      receiver.connectBlocking();
      sender.connectBlocking();
      long start = System.nanoTime();
      for (int i = 0; i < 1000; i++) {
        sender.send(agentTopic("pace-rx"), utf8("m" + i));
      }
      sender.flush(WAIT).get(WAIT.toSeconds(), TimeUnit.SECONDS);
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      await().atMost(WAIT).until(() -> received.size() == 1000);
      DeliveryStats stats = sender.deliveryStats();
      assertThat(stats.rateLimited()).isZero();
      assertThat(stats.quotaExceeded()).isZero();
      Fixtures.report(
          "delivery-paced",
          "paced (80/s, burst 10) against lite-parity 100/s + 100 per identity-second: sent 1000,"
              + " received "
              + received.size()
              + ", refused 0, "
              + millis
              + " ms");
    }
  }

  @Test
  void aReceiverSlowerThanItsSenderUnderLiteParityReportsTheDropsItSuffered() throws Exception {
    try (EmbeddedAetherGateway gw =
            EmbeddedAetherGateway.builder().policyMode(PolicyMode.LITE_PARITY).start();
        AgentClient receiver = agent(options(gw.address()).inboundWindow(4).build(), "slow-rx");
        AgentClient sender =
            agent(options(gw.address()).sendPacing(SendPacing.aetherLite()).build(), "slow-tx")) {
      CountDownLatch release = new CountDownLatch(1);
      AtomicInteger handled = new AtomicInteger();
      receiver.onMessage(
          m -> {
            release.await();
            handled.incrementAndGet();
          });
      List<PressureEvent> events = new CopyOnWriteArrayList<>();
      receiver.onPressure(events::add);
      receiver.connectBlocking();
      sender.connectBlocking();
      // frames of 100 kB: the transport holds few of them, the 64-frame staging buffer fills (and
      // 12 MB stay within the sender's 16 MiB outbound buffer while the pacer holds them)
      int n = 120;
      byte[] payload = new byte[100_000];
      List<CompletableFuture<Void>> sends = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        sends.add(sender.send(agentTopic("slow-rx"), payload));
      }
      sender.flush(WAIT).get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(sends).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
      await().atMost(WAIT).until(() -> gw.backpressureDrops() > 0);
      release.countDown();
      Fixtures.awaitQuietly(
          WAIT, () -> handled.get() + gw.backpressureDrops() == n && !events.isEmpty());
      assertThat(handled.get() + gw.backpressureDrops())
          .as("handled %s, dropped %s, events %s", handled.get(), gw.backpressureDrops(), events)
          .isEqualTo(n);
      assertThat(receiver.deliveryStats().backpressure()).isPositive();
      assertThat(events).allMatch(e -> e.kind() == PressureKind.BACKPRESSURE);
      Fixtures.report(
          "delivery-slow-receiver",
          "slow receiver (lite-parity, 64-frame staging): sent "
              + n
              + ", handled "
              + handled.get()
              + ", dropped by the gateway "
              + gw.backpressureDrops()
              + ", BACKPRESSURE errors seen by the receiver "
              + receiver.deliveryStats().backpressure());
    }
  }

  /**
   * Confirmed sends from several threads while the connection is cut again and again: every send
   * completes normally and arrives at least once.
   */
  @Test
  void confirmedSendsUnderRandomConnectionCutsAllArrive() throws Exception {
    int threads = 4;
    int perThread = Integer.getInteger("delivery.stress.perThread", 1500);
    try (EmbeddedAetherGateway gw = EmbeddedAetherGateway.builder().start();
        TcpProxy proxy = new TcpProxy(gw.port());
        AgentClient receiver = agent(options(gw.address()).build(), "cut-rx");
        AgentClient sender =
            agent(
                options(proxy.address()).deliveryMode(DeliveryMode.CONFIRMED).build(), "cut-tx")) {
      Map<String, Integer> received = counting(receiver);
      receiver.connectBlocking();
      sender.connectBlocking();
      List<CompletableFuture<Void>> sends = new CopyOnWriteArrayList<>();
      List<Thread> senders = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int id = t;
        Thread thread =
            new Thread(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    sends.add(sender.send(agentTopic("cut-rx"), utf8(id + ":" + i)));
                    if (ThreadLocalRandom.current().nextInt(100) == 0) {
                      sends.add(sender.flush(WAIT));
                    }
                    if (ThreadLocalRandom.current().nextInt(50) == 0) {
                      Thread.yield();
                    }
                  }
                });
        thread.start();
        senders.add(thread);
      }
      int cuts = 0;
      while (senders.stream().anyMatch(Thread::isAlive)) {
        await()
            .pollDelay(Duration.ofMillis(50 + ThreadLocalRandom.current().nextInt(200)))
            .until(() -> true);
        proxy.severClientSides();
        cuts++;
      }
      for (Thread t : senders) {
        t.join();
      }
      CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
          .get(WAIT.toSeconds(), TimeUnit.SECONDS);
      Set<String> expected = ConcurrentHashMap.newKeySet();
      for (int t = 0; t < threads; t++) {
        for (int i = 0; i < perThread; i++) {
          expected.add(t + ":" + i);
        }
      }
      await().atMost(WAIT).until(() -> received.keySet().containsAll(expected));
      DeliveryStats stats = sender.deliveryStats();
      assertThat(stats.confirmed()).isEqualTo(threads * perThread);
      long duplicates = received.values().stream().mapToLong(c -> c - 1).sum();
      Fixtures.report(
          "delivery-cuts",
          "confirmed under "
              + cuts
              + " connection cuts: sent "
              + threads * perThread
              + ", all completed normally, received distinct "
              + received.size()
              + ", duplicates "
              + duplicates
              + ", replayed "
              + stats.replayed());
    }
  }
}
