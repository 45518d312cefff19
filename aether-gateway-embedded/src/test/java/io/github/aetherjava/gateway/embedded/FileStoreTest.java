/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded;

import static io.github.aetherjava.gateway.embedded.TestClient.agent;
import static io.github.aetherjava.gateway.embedded.TestClient.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.github.aetherjava.proto.v1.KVOperation;
import io.github.aetherjava.proto.v1.KVOperation.OpType;
import io.github.aetherjava.proto.v1.KVOperation.Scope;
import io.grpc.inprocess.InProcessChannelBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MVStore file store: what its durability policies promise, and active KV expiry. A copy of the
 * data file taken while the gateway runs is what a crash at that moment would leave behind.
 */
class FileStoreTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final List<AutoCloseable> open = new ArrayList<>();
  @TempDir Path dir;
  @TempDir Path crashCopy;

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
            .inProcessName("fs-" + UUID.randomUUID())
            .shutdownDrainTimeout(Duration.ofMillis(200))
            .start();
    open.add(gw);
    return gw;
  }

  private TestClient connect(EmbeddedAetherGateway gw) {
    TestClient c =
        TestClient.openOwning(InProcessChannelBuilder.forName(gw.inProcessName()).build());
    open.add(c);
    c.connect(agent("prod", "impl", "a"));
    return c;
  }

  private static KVOperation.Builder put(String key, String value) {
    return KvTest.op(OpType.PUT, Scope.GLOBAL, key).setValue(ByteString.copyFromUtf8(value));
  }

  /** What a crash right now would leave: a copy of the data file, opened by a new gateway. */
  private EmbeddedAetherGateway afterCrash() throws Exception {
    Files.copy(dir.resolve("gateway.mv.db"), crashCopy.resolve("gateway.mv.db"));
    return start(EmbeddedAetherGateway.builder().dataDirectory(crashCopy));
  }

  @Test
  void alwaysAcknowledgesOnlyWhatIsOnDiskIncludingEarlierMessages() throws Exception {
    EmbeddedAetherGateway gw =
        start(
            EmbeddedAetherGateway.builder()
                .dataDirectory(dir)
                .durability(DurabilityPolicy.ALWAYS)
                .commitInterval(Duration.ofHours(1)));
    TestClient c = connect(gw);
    c.next(); // snapshot
    for (int i = 0; i < 20; i++) {
      c.sendMessage("ag::prod::impl::offline", "m" + i);
    }
    assertThat(c.kv(put("k", "v1")).getSuccess()).isTrue();

    EmbeddedAetherGateway recovered = afterCrash();
    assertThat(recovered.topicBacklog("ag::prod::impl::offline")).isEqualTo(20);
    TestClient r = connect(recovered);
    assertThat(utf8(r.kv(KvTest.op(OpType.GET, Scope.GLOBAL, "k")).getValue())).isEqualTo("v1");
  }

  @Test
  void batchedAcknowledgesAtOnceAndCommitsLater() throws Exception {
    EmbeddedAetherGateway gw =
        start(
            EmbeddedAetherGateway.builder()
                .dataDirectory(dir)
                .durability(DurabilityPolicy.BATCHED)
                .commitInterval(Duration.ofHours(1)));
    TestClient c = connect(gw);
    assertThat(c.kv(put("k", "v1")).getSuccess()).isTrue();

    // Nothing has been committed yet: a crash now loses the acknowledged write.
    EmbeddedAetherGateway recovered = afterCrash();
    TestClient r = connect(recovered);
    assertThat(r.kv(KvTest.op(OpType.GET, Scope.GLOBAL, "k")).getValue()).isEmpty();
  }

  @Test
  void expiredKeysNobodyReadsAreSweptAndStayGoneAfterARestart() {
    EmbeddedAetherGateway gw =
        start(
            EmbeddedAetherGateway.builder()
                .dataDirectory(dir)
                .kvSweepInterval(Duration.ofMillis(20)));
    TestClient c = connect(gw);
    for (int i = 0; i < 50; i++) {
      assertThat(c.kv(put("short" + i, "x").setTtl(10)).getSuccess()).isTrue();
    }
    assertThat(c.kv(put("long", "y").setTtl(3600)).getSuccess()).isTrue();
    assertThat(c.kv(put("forever", "z")).getSuccess()).isTrue();
    clock.advance(Duration.ofSeconds(11));

    Awaitility.await().until(() -> gw.storageStats().expiredKvEntries() == 50);
    gw.close();

    EmbeddedAetherGateway again = start(EmbeddedAetherGateway.builder().dataDirectory(dir));
    TestClient r = connect(again);
    KVOperation.Builder list = KvTest.op(OpType.LIST, Scope.GLOBAL, "");
    assertThat(r.kv(list).getKeysList()).containsExactly("forever", "long");
  }
}
