/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import io.github.aetherjava.client.testing.FakeGateway;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pausing, resuming and draining the inbound flow (the graceful-shutdown hooks). */
class InboundFlowTest {

  private static final int WINDOW = 8;

  private FakeGateway gw;
  private final List<AetherClient> clients = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() {
    gw = FakeGateway.inProcess();
  }

  @AfterEach
  void tearDown() {
    clients.forEach(AetherClient::close);
    gw.close();
  }

  private AgentClient agent() {
    AgentClient a =
        AgentClient.builder(
                AetherClientOptions.builder()
                    .address(gw.address())
                    .inboundWindow(WINDOW)
                    .reconnect(ReconnectPolicy.builder().enabled(false).build())
                    .build())
            .workspace("prod")
            .implementation("worker")
            .specifier("1")
            .build();
    clients.add(a);
    return a;
  }

  private static DownstreamMessage msg(int i) {
    return DownstreamMessage.newBuilder()
        .setMsg(
            io.github.aetherjava.proto.v1.IncomingMessage.newBuilder()
                .setSourceTopic("ag::prod::other::1")
                .setPayload(ByteString.copyFromUtf8("m" + i)))
        .build();
  }

  /** Sends up to {@code total} messages, as far as the client's window lets the gateway. */
  private static AtomicInteger pump(FakeGateway.Conn c, int total) {
    AtomicInteger sent = new AtomicInteger();
    Runnable pump =
        () -> {
          synchronized (sent) {
            while (c.out.isReady() && sent.get() < total) {
              c.send(msg(sent.incrementAndGet()));
            }
          }
        };
    c.onReady = pump;
    pump.run();
    return sent;
  }

  @Test
  void pausedClientTakesNoNewFramesAndResumeDeliversTheRest() throws Exception {
    AgentClient a = agent();
    AtomicInteger handled = new AtomicInteger();
    a.onMessage(m -> handled.incrementAndGet());
    a.connect().get(10, TimeUnit.SECONDS);
    FakeGateway.Conn c = gw.nextConnection();
    a.pauseInbound();
    assertThat(a.isInboundPaused()).isTrue();
    int total = 200;
    AtomicInteger sent = pump(c, total);
    // only the window already granted can arrive; everything that arrived is handled
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(5))
        .until(() -> sent.get() <= WINDOW && handled.get() == sent.get());
    a.drainInbound().get(5, TimeUnit.SECONDS);
    assertThat(handled.get()).isEqualTo(sent.get()).isLessThan(total);
    a.resumeInbound();
    assertThat(a.isInboundPaused()).isFalse();
    await().atMost(Duration.ofSeconds(20)).until(() -> handled.get() == total);
  }

  @Test
  void drainCompletesOnlyAfterTheHandlersOfEverythingReceivedReturned() throws Exception {
    AgentClient a = agent();
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger handled = new AtomicInteger();
    a.onMessage(
        m -> {
          release.await();
          handled.incrementAndGet();
        });
    a.connect().get(10, TimeUnit.SECONDS);
    FakeGateway.Conn c = gw.nextConnection();
    c.send(msg(1));
    c.send(msg(2));
    c.send(msg(3));
    await().until(() -> a.inboundBacklog() >= 2);
    CompletableFuture<Integer> seenAtDrain = a.drainInbound().thenApply(ignored -> handled.get());
    assertThat(seenAtDrain).isNotDone();
    release.countDown();
    assertThat(seenAtDrain.get(5, TimeUnit.SECONDS)).isEqualTo(3);
    assertThat(a.inboundBacklog()).isZero();
  }

  @Test
  void disconnectWhilePausedStillDeliversWhatTheGatewaySentAndCloses() throws Exception {
    AgentClient a = agent();
    AtomicInteger handled = new AtomicInteger();
    a.onMessage(m -> handled.incrementAndGet());
    a.connect().get(10, TimeUnit.SECONDS);
    FakeGateway.Conn c = gw.nextConnection();
    a.pauseInbound();
    AtomicInteger sent = pump(c, 50);
    await().until(() -> handled.get() == sent.get() && sent.get() > 0);
    CompletableFuture<Void> closed = a.disconnect();
    await().until(() -> c.halfClosed);
    c.close(io.grpc.Status.OK);
    closed.get(5, TimeUnit.SECONDS);
    assertThat(a.state()).isEqualTo(ConnectionState.CLOSED);
    assertThat(handled.get()).isEqualTo(sent.get());
  }
}
