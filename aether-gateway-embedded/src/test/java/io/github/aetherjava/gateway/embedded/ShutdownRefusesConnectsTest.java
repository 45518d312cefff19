/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded;

import static io.github.aetherjava.gateway.embedded.TestClient.agent;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.Signal;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A gateway that is closing never acknowledges a new {@code Connect}: clients that reconnect at
 * once after GRACEFUL_DISCONNECT (on a stream they already had open, or on a new one) get {@code
 * UNAVAILABLE}, so no session is left behind that nobody signals and that would hold {@code
 * close()} up until the drain timeout.
 */
class ShutdownRefusesConnectsTest {

  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void cleanUp() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  @Test
  void connectsDuringShutdownAreAnsweredUnavailableAndNeverAcknowledged() throws Exception {
    // A long drain: if any session escaped the shutdown signal, close() would wait for all of it.
    EmbeddedAetherGateway gw =
        EmbeddedAetherGateway.builder()
            .inProcessName("shutdown-" + UUID.randomUUID())
            .shutdownDrainTimeout(Duration.ofSeconds(120))
            .start();
    open.add(gw);
    ManagedChannel inProcess = InProcessChannelBuilder.forName(gw.inProcessName()).build();
    open.add(inProcess::shutdownNow);
    ManagedChannel tcp = NettyChannelBuilder.forTarget(gw.address()).usePlaintext().build();
    open.add(tcp::shutdownNow);

    TestClient a = track(TestClient.open(inProcess));
    a.connect(agent("prod", "impl", "a"));
    TestClient b = track(TestClient.open(tcp));
    b.connect(agent("prod", "impl", "b"));
    // Streams already open on both connections when the shutdown starts; their InitConnection comes
    // later.
    TestClient earlyInProcess = track(TestClient.open(inProcess));
    TestClient earlyTcp = track(TestClient.open(tcp));
    // A round trip on each connection after opening them: the gateway's transport has seen both new
    // streams.
    for (TestClient c : List.of(a, b)) {
      c.sendMessage(c == a ? "ag::prod::impl::a" : "ag::prod::impl::b", "ping");
      assertThat(TestClient.utf8(c.nextMessage().getPayload())).isEqualTo("ping");
    }

    CompletableFuture<Void> closing = CompletableFuture.runAsync(gw::close);
    for (TestClient c : List.of(a, b)) {
      DownstreamMessage sig = c.next(DownstreamMessage::hasSignal);
      assertThat(sig.getSignal().getType()).isEqualTo(Signal.SignalType.GRACEFUL_DISCONNECT);
    }

    // Reconnects at once, as a client does after GRACEFUL_DISCONNECT: on the streams opened earlier
    // ...
    for (TestClient early : List.of(earlyInProcess, earlyTcp)) {
      Status status =
          early.connectExpectingFailure(agent("prod", "impl", "late-" + UUID.randomUUID()));
      assertThat(status.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
      assertThat(status.getDescription()).isEqualTo("server shutting down");
      assertNoAck(early);
    }
    // ... and on new streams.
    for (ManagedChannel ch : List.of(inProcess, tcp)) {
      TestClient late = track(TestClient.open(ch));
      assertThat(
              late.connectExpectingFailure(agent("prod", "impl", "new-" + UUID.randomUUID()))
                  .getCode())
          .isEqualTo(Status.Code.UNAVAILABLE);
      assertNoAck(late);
    }

    // The signalled clients leave; nothing else is left, so close() finishes long before the drain
    // timeout.
    a.halfClose();
    b.halfClose();
    assertThat(a.awaitClosed().isOk()).isTrue();
    assertThat(b.awaitClosed().isOk()).isTrue();
    closing.get(60, TimeUnit.SECONDS);
    assertThat(gw.sessions()).isEmpty();
  }

  private static void assertNoAck(TestClient c) {
    assertThat(c.received).noneMatch(DownstreamMessage::hasConnectionAck);
  }

  private TestClient track(TestClient c) {
    open.add(c);
    return c;
  }
}
