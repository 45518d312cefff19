/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Gateway-wide bounds on undelivered messages: topic count, bytes and age. */
class StorageBoundsTest extends GatewayTestBase {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  @Override
  protected EmbeddedAetherGateway.Builder configure(EmbeddedAetherGateway.Builder builder) {
    return builder.clock(clock).maxStoredTopics(100).messageRetention(Duration.ofHours(1));
  }

  private static String agent(int i) {
    return "ag::prod::impl::a" + i;
  }

  @Test
  void topicBoundRemovesTheOldestStoredMessagesFirst() {
    TestClient sender = connected(TestClient.user("alice", "t1"));
    for (int i = 0; i < 150; i++) {
      sender.sendMessage(agent(i), "m" + i);
    }
    Awaitility.await()
        .until(
            () -> gateway.storageStats().droppedByTotalBound() + gateway.backlogs().size(),
            n -> n == 150);
    StorageStats stats = gateway.storageStats();
    assertThat(stats.storedTopics()).isEqualTo(100);
    assertThat(stats.storedMessages()).isEqualTo(100);
    assertThat(stats.droppedByTotalBound()).isEqualTo(50);
    assertThat(gateway.topicBacklog(agent(49))).isZero();
    assertThat(gateway.topicBacklog(agent(50))).isEqualTo(1);
    assertThat(gateway.topicBacklog(agent(149))).isEqualTo(1);

    TestClient late = connected(TestClient.agent("prod", "impl", "a149"));
    assertThat(TestClient.utf8(late.nextMessage().getPayload())).isEqualTo("m149");
  }

  @Test
  void messagesOlderThanTheRetentionAgeAreRemoved() {
    TestClient sender = connected(TestClient.user("alice", "t1"));
    sender.sendMessage(agent(1), "old");
    Awaitility.await().until(() -> gateway.topicBacklog(agent(1)) == 1);
    clock.advance(Duration.ofMinutes(30));
    sender.sendMessage(agent(2), "young");
    Awaitility.await().until(() -> gateway.topicBacklog(agent(2)) == 1);
    clock.advance(Duration.ofMinutes(31));

    Awaitility.await().until(() -> gateway.storageStats().expiredMessages() == 1);
    assertThat(gateway.topicBacklog(agent(1))).isZero();
    assertThat(gateway.topicBacklog(agent(2))).isEqualTo(1);
    assertThat(gateway.storageStats().storedTopics()).isEqualTo(1);
  }

  @Test
  void byteBoundCountsHeapNotJustPayload() {
    gateway.close();
    gateway =
        EmbeddedAetherGateway.builder()
            .inProcessName("bytes-" + System.nanoTime())
            .tcp(false)
            .maxStoredBytes(64 * 1024)
            .start();
    channel =
        io.grpc.inprocess.InProcessChannelBuilder.forName(gateway.inProcessName())
            .directExecutor()
            .build();
    TestClient sender = connected(TestClient.user("alice", "t1"));
    for (int i = 0; i < 200; i++) {
      sender.sendMessage(agent(i), "x");
    }
    Awaitility.await()
        .until(
            () -> gateway.storageStats().droppedByTotalBound() + gateway.backlogs().size(),
            n -> n == 200);
    StorageStats stats = gateway.storageStats();
    assertThat(stats.storedBytes()).isLessThanOrEqualTo(64 * 1024);
    // Each one-byte message is charged its topic and entry overhead, so far fewer than 200 fit.
    assertThat(stats.storedMessages())
        .isLessThanOrEqualTo(
            64L
                * 1024
                / (EmbeddedAetherGateway.STORED_MESSAGE_OVERHEAD_BYTES
                    + EmbeddedAetherGateway.STORED_TOPIC_OVERHEAD_BYTES));
    assertThat(stats.droppedByTotalBound()).isEqualTo(200 - stats.storedMessages());
  }

  @Test
  void badBoundsNameTheArgument() {
    var b = EmbeddedAetherGateway.builder();
    assertThatThrownBy(() -> b.maxStoredTopics(0)).hasMessageContaining("maxStoredTopics");
    assertThatThrownBy(() -> b.maxStoredBytes(0)).hasMessageContaining("maxStoredBytes");
    assertThatThrownBy(() -> b.messageRetention(Duration.ZERO))
        .hasMessageContaining("messageRetention");
    assertThatThrownBy(() -> b.commitInterval(Duration.ZERO))
        .hasMessageContaining("commitInterval");
    assertThatThrownBy(() -> b.kvSweepInterval(Duration.ofSeconds(-1)))
        .hasMessageContaining("kvSweepInterval");
    assertThatThrownBy(() -> b.rateLimit(-1)).hasMessageContaining("rateLimit");
    assertThatThrownBy(() -> b.rateLimit(Double.NaN)).hasMessageContaining("rateLimit");
  }
}
