/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded;

import static io.github.aetherjava.gateway.embedded.TestClient.agent;
import static io.github.aetherjava.gateway.embedded.TestClient.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.github.aetherjava.proto.v1.CheckpointOperation;
import io.github.aetherjava.proto.v1.CheckpointOperation.OpType;
import io.github.aetherjava.proto.v1.CheckpointResponse;
import io.github.aetherjava.proto.v1.KVOperation;
import io.github.aetherjava.proto.v1.KVOperation.Scope;
import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointAndPersistenceTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final List<AutoCloseable> open = new ArrayList<>();
  @TempDir Path dir;

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  private EmbeddedAetherGateway start(EmbeddedAetherGateway.Builder b) {
    EmbeddedAetherGateway gw =
        b.clock(clock)
            .tcp(false)
            .inProcessName("cp-" + UUID.randomUUID())
            .shutdownDrainTimeout(Duration.ofMillis(200))
            .start();
    open.add(gw);
    return gw;
  }

  private TestClient connect(
      EmbeddedAetherGateway gw, io.github.aetherjava.proto.v1.InitConnection init) {
    ManagedChannel ch = InProcessChannelBuilder.forName(gw.inProcessName()).build();
    TestClient c = TestClient.openOwning(ch);
    open.add(c);
    c.connect(init);
    return c;
  }

  private static CheckpointOperation.Builder cp(OpType op, String key) {
    return CheckpointOperation.newBuilder().setOp(op).setKey(key);
  }

  @Test
  void checkpointRoundTrips() {
    EmbeddedAetherGateway gw = start(EmbeddedAetherGateway.builder());
    TestClient a = connect(gw, agent("prod", "impl", "a"));
    CheckpointResponse saved =
        a.checkpoint(cp(OpType.SAVE, "").setData(ByteString.copyFromUtf8("state-1")).setTtl(-1));
    assertThat(saved.getSuccess()).isTrue();
    assertThat(saved.getSavedAt()).isEqualTo(clock.instant().getEpochSecond());
    assertThat(saved.getRequestId()).isNotEmpty();

    CheckpointResponse loaded = a.checkpoint(cp(OpType.LOAD, "default"));
    assertThat(loaded.getSuccess()).isTrue();
    assertThat(utf8(loaded.getData())).isEqualTo("state-1");
    assertThat(loaded.getSavedAt()).isEqualTo(saved.getSavedAt());

    a.checkpoint(cp(OpType.SAVE, "b").setData(ByteString.copyFromUtf8("x")));
    a.checkpoint(cp(OpType.SAVE, "a").setData(ByteString.copyFromUtf8("y")));
    assertThat(a.checkpoint(cp(OpType.LIST, "")).getKeysList())
        .containsExactly("a", "b", "default");

    assertThat(a.checkpoint(cp(OpType.DELETE, "b")).getSuccess()).isTrue();
    assertThat(a.checkpoint(cp(OpType.DELETE, "b")).getSuccess()).isTrue();
    CheckpointResponse missing = a.checkpoint(cp(OpType.LOAD, "b"));
    assertThat(missing.getSuccess()).isTrue();
    assertThat(missing.getData()).isEmpty();
    assertThat(missing.getSavedAt()).isZero();

    CheckpointResponse unknown = a.checkpoint(CheckpointOperation.newBuilder().setOpValue(42));
    assertThat(unknown.getSuccess()).isFalse();
    assertThat(unknown.getError()).isEqualTo("unknown checkpoint operation");
  }

  @Test
  void checkpointsAreNamespacedByFullIdentity() {
    EmbeddedAetherGateway gw = start(EmbeddedAetherGateway.builder());
    TestClient w1 = connect(gw, TestClient.user("alice", "w1"));
    TestClient w2 = connect(gw, TestClient.user("alice", "w2"));
    w1.checkpoint(cp(OpType.SAVE, "k").setData(ByteString.copyFromUtf8("one")));
    assertThat(w2.checkpoint(cp(OpType.LOAD, "k")).getData()).isEmpty();
    assertThat(w2.checkpoint(cp(OpType.LIST, "")).getKeysCount()).isZero();
  }

  @Test
  void checkpointTtl() {
    EmbeddedAetherGateway gw =
        start(EmbeddedAetherGateway.builder().checkpointDefaultTtl(Duration.ofHours(1)));
    TestClient a = connect(gw, agent("prod", "impl", "a"));
    a.checkpoint(cp(OpType.SAVE, "default-ttl").setTtl(-1).setData(ByteString.copyFromUtf8("x")));
    a.checkpoint(cp(OpType.SAVE, "never").setTtl(0).setData(ByteString.copyFromUtf8("x")));
    a.checkpoint(cp(OpType.SAVE, "ten").setTtl(10).setData(ByteString.copyFromUtf8("x")));
    clock.advance(Duration.ofSeconds(11));
    assertThat(a.checkpoint(cp(OpType.LIST, "")).getKeysList())
        .containsExactly("default-ttl", "never");
    clock.advance(Duration.ofHours(1));
    assertThat(a.checkpoint(cp(OpType.LIST, "")).getKeysList()).containsExactly("never");
  }

  @Test
  void kvCheckpointsAndOfflineQueuesSurviveARestart() {
    EmbeddedAetherGateway first = start(EmbeddedAetherGateway.builder().dataDirectory(dir));
    TestClient a = connect(first, agent("prod", "impl", "a"));
    a.next(); // snapshot
    a.kv(KvTest.put(Scope.WORKSPACE_EXCLUSIVE, "model", "m1"));
    a.kv(KvTest.put(Scope.GLOBAL, "ttl", "gone-later").setTtl(60));
    a.kv(KvTest.op(KVOperation.OpType.INCREMENT, Scope.GLOBAL, "count"));
    a.kv(KvTest.put(Scope.GLOBAL, "deleted", "x"));
    a.kv(KvTest.op(KVOperation.OpType.DELETE, Scope.GLOBAL, "deleted"));
    a.checkpoint(cp(OpType.SAVE, "").setData(ByteString.copyFromUtf8("ckpt")));
    for (int i = 0; i < 5; i++) {
      a.sendMessage("ag::prod::impl::offline", "m" + i);
    }
    // Delivered messages must not come back after the restart.
    TestClient b = connect(first, agent("prod", "impl", "b"));
    a.sendMessage("ag::prod::impl::b", "delivered");
    assertThat(utf8(b.nextMessage().getPayload())).isEqualTo("delivered");
    org.awaitility.Awaitility.await()
        .until(() -> first.topicBacklog("ag::prod::impl::offline") == 5);
    first.close();

    EmbeddedAetherGateway second = start(EmbeddedAetherGateway.builder().dataDirectory(dir));
    assertThat(second.topicBacklog("ag::prod::impl::offline")).isEqualTo(5);
    assertThat(second.topicBacklog("ag::prod::impl::b")).isZero();
    TestClient again = connect(second, agent("prod", "impl", "a"));
    assertThat(utf8(again.next().getConfig().getWorkspaceExclusiveKvMap().get("model")))
        .isEqualTo("m1");
    assertThat(utf8(again.kv(KvTest.op(KVOperation.OpType.GET, Scope.GLOBAL, "ttl")).getValue()))
        .isEqualTo("gone-later");
    assertThat(
            again
                .kv(KvTest.op(KVOperation.OpType.INCREMENT, Scope.GLOBAL, "count"))
                .getCounterValue())
        .isEqualTo(2);
    assertThat(again.kv(KvTest.op(KVOperation.OpType.GET, Scope.GLOBAL, "deleted")).getValue())
        .isEmpty();
    assertThat(utf8(again.checkpoint(cp(OpType.LOAD, "")).getData())).isEqualTo("ckpt");

    TestClient offline = connect(second, agent("prod", "impl", "offline"));
    offline.next(); // snapshot
    for (int i = 0; i < 5; i++) {
      var m = offline.next().getMsg();
      assertThat(utf8(m.getPayload())).isEqualTo("m" + i);
      assertThat(m.getSourceTopic()).isEqualTo("ag::prod::impl::a");
    }
    clock.advance(Duration.ofSeconds(61));
    assertThat(again.kv(KvTest.op(KVOperation.OpType.GET, Scope.GLOBAL, "ttl")).getValue())
        .isEmpty();
    org.awaitility.Awaitility.await()
        .until(() -> second.topicBacklog("ag::prod::impl::offline") == 0);
    second.close();

    // A third start after full delivery has nothing left to replay.
    EmbeddedAetherGateway third = start(EmbeddedAetherGateway.builder().dataDirectory(dir));
    assertThat(third.backlogs()).isEmpty();
  }

  @Test
  void aGracefulRestartKeepsEveryFrameTheClientWroteBeforeHalfClosing() throws Exception {
    EmbeddedAetherGateway first =
        EmbeddedAetherGateway.builder()
            .clock(clock)
            .inProcessName("gr-" + UUID.randomUUID())
            .dataDirectory(dir)
            .start();
    open.add(first);
    ManagedChannel ch =
        io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder.forTarget(first.address())
            .usePlaintext()
            .build();
    TestClient sender = TestClient.openOwning(ch);
    open.add(sender);
    sender.connect(agent("prod", "impl", "sender"));
    int total = 2000;
    for (int i = 0; i < total; i++) {
      sender.sendMessage("ag::prod::impl::offline", "m" + i);
    }
    var closing = java.util.concurrent.CompletableFuture.runAsync(first::close);
    sender.next(io.github.aetherjava.proto.v1.DownstreamMessage::hasSignal);
    sender.halfClose(); // what a client does on GRACEFUL_DISCONNECT
    assertThat(sender.awaitClosed().isOk()).isTrue();
    closing.get(30, java.util.concurrent.TimeUnit.SECONDS);

    EmbeddedAetherGateway second = start(EmbeddedAetherGateway.builder().dataDirectory(dir));
    assertThat(second.topicBacklog("ag::prod::impl::offline")).isEqualTo(total);
  }
}
