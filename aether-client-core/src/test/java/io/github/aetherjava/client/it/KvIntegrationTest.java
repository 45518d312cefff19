/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.ConfigSnapshot;
import io.github.aetherjava.client.GatewayErrorException;
import io.github.aetherjava.client.ServiceClient;
import io.github.aetherjava.client.TaskClient;
import io.github.aetherjava.client.checkpoint.Checkpoint;
import io.github.aetherjava.client.checkpoint.CheckpointTtl;
import io.github.aetherjava.client.kv.KvClient;
import io.github.aetherjava.client.kv.KvCounterResult;
import io.github.aetherjava.client.kv.KvPage;
import io.github.aetherjava.client.kv.KvSetAddResult;
import io.github.aetherjava.client.kv.KvTarget;
import io.github.aetherjava.client.testing.MutableClock;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.github.aetherjava.gateway.embedded.PolicyMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** KV and checkpoint round trips against the embedded gateway (in-process). */
class KvIntegrationTest {

  static {
    // poll at once and often: Awaitility's default 100 ms first delay adds up over many small waits
    org.awaitility.Awaitility.setDefaultPollDelay(java.time.Duration.ZERO);
    org.awaitility.Awaitility.setDefaultPollInterval(java.time.Duration.ofMillis(5));
  }

  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private static EmbeddedAetherGateway gw;
  private static AetherClientOptions options;
  private final List<AetherClient> clients = new ArrayList<>();

  @BeforeAll
  static void start() {
    gw =
        EmbeddedAetherGateway.builder()
            .tcp(false)
            .inProcessName("kv-it-" + UUID.randomUUID())
            .clock(CLOCK)
            .start();
    options = AetherClientOptions.builder().address(gw.inProcessAddress()).build();
  }

  @AfterAll
  static void stop() {
    gw.close();
  }

  @AfterEach
  void closeClients() {
    clients.forEach(AetherClient::close);
  }

  private AgentClient agent(String ws, String spec) throws Exception {
    AgentClient a =
        AgentClient.builder(options)
            .workspace(ws)
            .implementation("kv-worker")
            .specifier(spec)
            .build();
    clients.add(a);
    a.connect().get(10, TimeUnit.SECONDS);
    return a;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static <T> T get(CompletableFuture<T> f) throws Exception {
    return f.get(10, TimeUnit.SECONDS);
  }

  @Test
  void roundTripsInEveryScope() throws Exception {
    String ws = "ws-" + UUID.randomUUID().toString().substring(0, 6);
    KvClient kv = agent(ws, "rt").kv();
    for (KvTarget t :
        List.of(
            KvTarget.global(),
            KvTarget.workspaceScope(),
            KvTarget.globalExclusive(),
            KvTarget.workspaceExclusive(),
            KvTarget.user("alice"),
            KvTarget.userWorkspace("alice"),
            KvTarget.userShared("alice"),
            KvTarget.userWorkspaceShared("alice"))) {
      String key = "k-" + t.scope();
      get(kv.put(t, key, "v-" + t.scope()));
      assertThat(get(kv.get(t, key)).asString()).as(t.toString()).isEqualTo("v-" + t.scope());
      get(kv.delete(t, key));
      assertThat(get(kv.get(t, key)).isEmpty()).isTrue();
    }
    // scopes are separate namespaces
    get(kv.put(KvTarget.global(), "same", "global"));
    get(kv.put(KvTarget.globalExclusive(), "same", "mine"));
    assertThat(get(kv.get(KvTarget.global(), "same")).asString()).isEqualTo("global");
    assertThat(get(kv.get(KvTarget.globalExclusive(), "same")).asString()).isEqualTo("mine");
  }

  @Test
  void countersConditionalOpsAndSets() throws Exception {
    KvClient kv = agent("ops", "1").kv();
    KvTarget t = KvTarget.globalExclusive();
    String p = UUID.randomUUID() + "/";
    assertThat(get(kv.increment(t, p + "n"))).isEqualTo(1L);
    assertThat(get(kv.increment(t, p + "n"))).isEqualTo(2L);
    assertThat(get(kv.decrement(t, p + "n"))).isEqualTo(1L);
    assertThat(get(kv.get(t, p + "n")).asLong()).isEqualTo(1L);
    assertThat(get(kv.incrementIf(t, p + "n", 2, 3))).isEqualTo(new KvCounterResult(3, true));
    assertThat(get(kv.incrementIf(t, p + "n", 1, 3))).isEqualTo(new KvCounterResult(3, false));
    assertThat(get(kv.decrementIf(t, p + "n", 3, 0))).isEqualTo(new KvCounterResult(0, true));
    assertThat(get(kv.decrementIf(t, p + "n", 1, 0)).applied()).isFalse();
    assertThat(get(kv.setNx(t, p + "lock", utf8("me")))).isTrue();
    assertThat(get(kv.setNx(t, p + "lock", utf8("you")))).isFalse();
    assertThat(get(kv.compareAndSet(t, p + "lock", utf8("you"), utf8("x")))).isFalse();
    assertThat(get(kv.compareAndSet(t, p + "lock", utf8("me"), utf8("x")))).isTrue();
    assertThat(get(kv.compareAndDelete(t, p + "lock", utf8("me")))).isFalse();
    assertThat(get(kv.compareAndDelete(t, p + "lock", utf8("x")))).isTrue();
    assertThat(get(kv.setAdd(t, p + "set", utf8("a")))).isEqualTo(new KvSetAddResult(true, 1));
    assertThat(get(kv.setAdd(t, p + "set", utf8("a")))).isEqualTo(new KvSetAddResult(false, 1));
    assertThat(get(kv.setAdd(t, p + "set", utf8("b")))).isEqualTo(new KvSetAddResult(true, 2));
    assertThat(get(kv.setCard(t, p + "set"))).isEqualTo(2L);
    assertThat(get(kv.setCard(t, p + "none"))).isZero();
  }

  @Test
  void pagingVisitsEveryKeyExactlyOnce() throws Exception {
    KvClient kv = agent("paging", "1").kv();
    KvTarget t = KvTarget.workspaceExclusive();
    String p = "page-" + UUID.randomUUID() + "/";
    List<CompletableFuture<Void>> puts = new ArrayList<>();
    for (int i = 0; i < 47; i++) {
      puts.add(kv.put(t, p + String.format("%03d", i), "v" + i));
    }
    CompletableFuture.allOf(puts.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
    get(kv.put(t, "other-prefix", "x"));
    Set<String> seen = new HashSet<>();
    List<String> order = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      KvPage page = get(kv.list(t, p, 10, cursor));
      pages++;
      order.addAll(page.keys());
      seen.addAll(page.keys());
      cursor = page.hasMore() ? page.nextCursor() : null;
    } while (cursor != null);
    assertThat(pages).isGreaterThanOrEqualTo(5);
    assertThat(order).hasSize(47).doesNotHaveDuplicates();
    assertThat(seen).allMatch(k -> k.startsWith(p));
  }

  @Test
  void concurrentIncrementsFromManyClientsSumExactly() throws Exception {
    String key = "shared-counter-" + UUID.randomUUID();
    List<ServiceClient> services = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      ServiceClient s =
          ServiceClient.builder(options).implementation("counter").specifier("s" + i).build();
      clients.add(s);
      services.add(s);
    }
    CompletableFuture.allOf(
            services.stream().map(AetherClient::connect).toArray(CompletableFuture[]::new))
        .get(10, TimeUnit.SECONDS);
    List<CompletableFuture<Long>> all = new ArrayList<>();
    for (int round = 0; round < 25; round++) {
      for (ServiceClient s : services) {
        all.add(s.kv().increment(KvTarget.global(), key));
      }
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
    assertThat(all.stream().map(CompletableFuture::join).distinct().count()).isEqualTo(200);
    assertThat(get(services.get(0).kv().get(KvTarget.global(), key)).asLong()).isEqualTo(200L);
  }

  @Test
  void ttlExpiresWithTheGatewayClock() throws Exception {
    KvClient kv = agent("ttl", "1").kv();
    String key = "lease-" + UUID.randomUUID();
    get(kv.put(KvTarget.globalExclusive(), key, utf8("held"), Duration.ofSeconds(30)));
    assertThat(get(kv.get(KvTarget.globalExclusive(), key)).asString()).isEqualTo("held");
    CLOCK.advance(Duration.ofSeconds(31));
    assertThat(get(kv.get(KvTarget.globalExclusive(), key)).isEmpty()).isTrue();
  }

  @Test
  void exclusiveEntriesArriveInTheConfigSnapshotAtConnect() throws Exception {
    String ws = "cfg-" + UUID.randomUUID().toString().substring(0, 6);
    AgentClient first = agent(ws, "cfg");
    get(first.kv().put(KvTarget.workspaceExclusive(), "mode", "fast"));
    get(first.kv().put(KvTarget.globalExclusive(), "region", "eu"));
    first.close();
    clients.remove(first);
    AgentClient again =
        AgentClient.builder(options)
            .workspace(ws)
            .implementation("kv-worker")
            .specifier("cfg")
            .build();
    clients.add(again);
    List<ConfigSnapshot> configs = new CopyOnWriteArrayList<>();
    again.onConfig(configs::add);
    again.connect().get(10, TimeUnit.SECONDS);
    await().until(() -> !configs.isEmpty());
    assertThat(configs.get(0).workspaceExclusiveString("mode")).contains("fast");
    assertThat(configs.get(0).globalExclusiveString("region")).contains("eu");
    assertThat(again.latestConfig()).isPresent();
  }

  @Test
  void checkpointRoundTrip() throws Exception {
    AgentClient a = agent("ckpt", UUID.randomUUID().toString().substring(0, 8));
    assertThat(get(a.checkpoint().list())).isEmpty();
    assertThat(
            get(a.checkpoint()
                    .save("my-state", utf8("{\"step\":5}"), CheckpointTtl.of(Duration.ofHours(1))))
                .savedAt())
        .isNotNull();
    get(a.checkpoint().save(utf8("default-data")));
    Checkpoint c = get(a.checkpoint().load("my-state"));
    assertThat(c.asString()).isEqualTo("{\"step\":5}");
    assertThat(c.isPresent()).isTrue();
    assertThat(get(a.checkpoint().load()).asString()).isEqualTo("default-data");
    assertThat(get(a.checkpoint().list())).containsExactlyInAnyOrder("default", "my-state");
    get(a.checkpoint().delete("my-state"));
    assertThat(get(a.checkpoint().load("my-state")).isPresent()).isFalse();
    get(a.checkpoint().save("forever", utf8("x"), CheckpointTtl.never()));
    assertThat(get(a.checkpoint().load("forever")).asString()).isEqualTo("x");
  }

  @Test
  void liteParityRefusalsFailAtOnceNotByTimeout() throws Exception {
    try (EmbeddedAetherGateway lite =
        EmbeddedAetherGateway.builder()
            .tcp(false)
            .inProcessName("kv-lite-" + UUID.randomUUID())
            .policyMode(PolicyMode.LITE_PARITY)
            .start()) {
      AgentClient a =
          AgentClient.builder(
                  options.toBuilder()
                      .address(lite.inProcessAddress())
                      .requestTimeout(Duration.ofMinutes(2))
                      .build())
              .workspace("prod")
              .implementation("w")
              .specifier("1")
              .build();
      clients.add(a);
      a.connect().get(10, TimeUnit.SECONDS);
      long start = System.nanoTime();
      Throwable t = failure(a.kv().put(KvTarget.global(), "k", "v"));
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
      assertThat(t)
          .isInstanceOf(GatewayErrorException.class)
          .hasMessageContaining("kv.put 'k' (global)");
      // exclusive scopes work for their owner
      get(a.kv().put(KvTarget.workspaceExclusive(), "k", "v"));
      Throwable quota =
          failure(a.kv().put(KvTarget.workspaceExclusive(), "big", new byte[1024 * 1024 + 1]));
      assertThat(quota).isInstanceOf(GatewayErrorException.class);
      assertThat(((GatewayErrorException) quota).code()).isEqualTo("ERR_QUOTA_001");
    }
  }

  @Test
  void poolWorkersCanUseSharedScopes() throws Exception {
    TaskClient worker = TaskClient.builder(options).workspace("pool").implementation("w").build();
    clients.add(worker);
    worker.connect().get(10, TimeUnit.SECONDS);
    get(worker.kv().put(KvTarget.workspaceScope(), "job", "queued"));
    assertThat(get(worker.kv().get(KvTarget.workspaceScope(), "job")).asString())
        .isEqualTo("queued");
  }

  private static Throwable failure(CompletableFuture<?> f) throws Exception {
    try {
      f.get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("future succeeded");
  }
}
