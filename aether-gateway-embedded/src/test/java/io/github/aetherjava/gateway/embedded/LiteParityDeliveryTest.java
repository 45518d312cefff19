/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded;

import static io.github.aetherjava.gateway.embedded.TestClient.agent;
import static io.github.aetherjava.gateway.embedded.TestClient.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.ErrorResponse;
import io.github.aetherjava.proto.v1.InitConnection;
import io.github.aetherjava.proto.v1.MessageType;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * {@link PolicyMode#LITE_PARITY} delivery as AetherLite shows it to clients: a receiver that does
 * not keep up loses live messages beyond the 64-frame staging buffer (one BACKPRESSURE error), and
 * {@code ga::} broadcasts are replayed to agents that subscribe later.
 */
class LiteParityDeliveryTest extends GatewayTestBase {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  @Override
  protected EmbeddedAetherGateway.Builder configure(EmbeddedAetherGateway.Builder builder) {
    return builder.policyMode(PolicyMode.LITE_PARITY).clock(clock);
  }

  private TestClient tcp(InitConnection init, boolean neverReading) {
    var ch = NettyChannelBuilder.forTarget(gateway.address()).usePlaintext().build();
    track(() -> ch.shutdownNow());
    TestClient c = track(neverReading ? TestClient.openNeverReading(ch) : TestClient.open(ch));
    if (neverReading) {
      c.send(UpstreamMessage.newBuilder().setInit(init).build());
    } else {
      c.connect(init);
    }
    return c;
  }

  @Test
  void aReceiverThatDoesNotKeepUpLosesWhatOverflowsTheStagingBuffer() {
    TestClient slow = tcp(agent("prod", "impl", "slow"), true);
    Awaitility.await().until(() -> gateway.connectedIdentities().size() == 1);
    TestClient sender = tcp(agent("prod", "impl", "fast"), false);
    byte[] pad = new byte[32 * 1024];
    int total = 0;
    for (int round = 0; round < 6; round++) {
      for (int i = 0; i < 100; i++) {
        byte[] p = pad.clone();
        p[0] = (byte) total++;
        sender.sendMessage("ag::prod::impl::slow", p, MessageType.OPAQUE);
      }
      // Frames are handled in order: once the probe is answered the round is routed.
      sender.sendMessage("bogus", "probe");
      assertThat(sender.nextError().getCode()).isEqualTo("ERR_INVALID_TOPIC");
      clock.advance(Duration.ofSeconds(2)); // next quota window, full bucket
    }
    int sent = total;
    Awaitility.await()
        .until(
            () ->
                gateway.sessions().stream()
                    .filter(s -> s.identity().endsWith("slow"))
                    .mapToLong(SessionInfo::backpressureDrops)
                    .sum(),
            d -> d > 0);
    // Nothing is kept for later and the sender is never slowed down.
    assertThat(gateway.topicBacklog("ag::prod::impl::slow")).isZero();
    assertThat(gateway.sessions()).noneMatch(SessionInfo::inboundPaused);
    assertThat(gateway.sessions())
        .allSatisfy(s -> assertThat(s.queuedFrames()).isLessThanOrEqualTo(64 + 1));

    slow.request(Integer.MAX_VALUE);
    AtomicInteger messages = new AtomicInteger();
    List<ErrorResponse> notices = new ArrayList<>();
    Awaitility.await()
        .until(
            () -> {
              DownstreamMessage f;
              while ((f = slow.received.poll()) != null) {
                if (f.hasMsg()) {
                  messages.incrementAndGet();
                } else if (f.hasError()) {
                  notices.add(f.getError());
                }
              }
              return messages.get() + gateway.droppedMessages("ag::prod::impl::slow") == sent;
            });
    assertThat(notices).isNotEmpty().allMatch(e -> e.getCode().equals("BACKPRESSURE"));
    assertThat(notices.get(0).getMessage())
        .isEqualTo(
            "delivery buffer full \u2014 messages are being dropped; consider reducing send rate"
                + " or processing messages faster");
    assertThat(notices.get(0).getRequestId()).isEmpty();
  }

  @Test
  void agentsThatJoinLaterReceiveTheRetainedBroadcasts() {
    TestClient early = connected(agent("prod", "impl", "early"));
    early.next(); // snapshot
    early.sendMessage("ga::prod", "one");
    early.sendMessage("ga::prod", "two");
    assertThat(utf8(early.nextMessage().getPayload())).isEqualTo("one");
    assertThat(utf8(early.nextMessage().getPayload())).isEqualTo("two");

    TestClient late = connected(agent("prod", "impl", "late"));
    assertThat(utf8(late.nextMessage().getPayload())).isEqualTo("one");
    assertThat(utf8(late.nextMessage().getPayload())).isEqualTo("two");
    early.sendMessage("ga::prod", "three");
    assertThat(utf8(late.nextMessage().getPayload())).isEqualTo("three");

    // Another workspace's lane is separate, and the log ages out with the retention.
    TestClient other = connected(agent("dev", "impl", "x"));
    other.sendMessage("ag::dev::impl::x", "self");
    assertThat(utf8(other.nextMessage().getPayload())).isEqualTo("self");
    clock.advance(Duration.ofHours(25));
    late.close();
    TestClient afterRetention = connected(agent("prod", "impl", "late2"));
    afterRetention.sendMessage("ag::prod::impl::late2", "marker");
    assertThat(utf8(afterRetention.nextMessage().getPayload())).isEqualTo("marker");
  }
}
