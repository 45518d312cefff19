/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.coord.AetherMutex;
import io.github.aetherjava.client.coord.Coordination;
import io.github.aetherjava.client.coord.CoordinationOptions;
import io.github.aetherjava.client.coord.CoordinationRefusedException;
import io.github.aetherjava.client.coord.LeaderElection;
import io.github.aetherjava.client.coord.Once;
import io.github.aetherjava.client.coord.OnceResult;
import io.github.aetherjava.client.kv.KvClient;
import io.github.aetherjava.client.kv.KvTarget;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Coordination over KV, written once and run against the embedded gateway ({@link
 * EmbeddedCoordinationConformanceTest}) and a real one ({@link RealCoordinationInteropTest}).
 *
 * <p>The participants are agents with the same implementation and specifier in two workspaces: they
 * share the {@code global-exclusive} scope (exclusive scopes are keyed by implementation +
 * specifier), which AetherLite in dev mode allows without an ACL grant, unlike the shared scopes.
 */
abstract class CoordinationConformanceTests {

  private static final Duration WAIT = Duration.ofSeconds(20);

  // Unique names per run: the real gateway persists KV across runs.
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final AetherClientOptions options =
      AetherClientOptions.builder().address(gatewayAddress()).build();
  private final List<AetherClient> clients = new ArrayList<>();

  /** Address of the gateway under test. */
  abstract String gatewayAddress();

  /** Whether the gateway denies the shared KV scopes (AetherLite in dev mode does). */
  abstract boolean sharedScopesDenied();

  @AfterEach
  void closeAll() {
    clients.forEach(AetherClient::close);
  }

  /** An agent of implementation {@code coord-<run>}, specifier 1, in its own workspace. */
  private AgentClient participant(String workspace) throws Exception {
    AgentClient a =
        AgentClient.builder(options)
            .workspace(workspace + "-" + run)
            .implementation("coord-" + run)
            .specifier("1")
            .build();
    clients.add(a);
    a.connect().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    return a;
  }

  private static CoordinationOptions exclusive() {
    return CoordinationOptions.builder()
        .target(KvTarget.globalExclusive())
        .leaseTime(Duration.ofSeconds(2))
        .renewInterval(Duration.ofMillis(400))
        .retryInterval(Duration.ofMillis(100))
        .build();
  }

  private static <T> T get(CompletableFuture<T> f) throws Exception {
    return f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void compareAndSetWithATtlExtendsTheKeysLife() throws Exception {
    KvClient kv = participant("ttl").kv();
    KvTarget t = KvTarget.globalExclusive();
    String key = "lease-" + run;
    Duration timeout = Duration.ofSeconds(5);
    long start = System.nanoTime();
    assertThat(get(kv.setNx(t, key, utf8("me"), Duration.ofSeconds(2), timeout))).isTrue();
    await().atMost(WAIT).until(() -> System.nanoTime() - start > 1_000_000_000L);
    assertThat(
            get(kv.compareAndSet(t, key, utf8("me"), utf8("me"), Duration.ofSeconds(4), timeout)))
        .isTrue();
    // past the first TTL, inside the renewed one
    await().atMost(WAIT).until(() -> System.nanoTime() - start > 2_500_000_000L);
    assertThat(get(kv.get(t, key)).asString()).isEqualTo("me");
    // and gone after the renewed TTL (within the gateway's expiry granularity)
    await().atMost(WAIT).until(() -> get(kv.get(t, key)).isEmpty());
    assertThat(System.nanoTime() - start).isGreaterThan(4_000_000_000L);
  }

  @Test
  void mutexExcludesAcrossProcessesAndHandsOverWithGrowingFencingTokens() throws Exception {
    AetherMutex a = Coordination.create(participant("a"), exclusive()).mutex("job-" + run);
    AetherMutex b = Coordination.create(participant("b"), exclusive()).mutex("job-" + run);
    assertThat(get(a.tryLock())).isTrue();
    long first = a.fencingToken().orElseThrow();
    assertThat(get(b.tryLock())).isFalse();
    // held across several renewals
    long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
    while (System.nanoTime() < until) {
      assertThat(a.isHeld()).isTrue();
      assertThat(get(b.tryLock())).isFalse();
    }
    get(a.unlock());
    assertThat(get(b.tryLock(Duration.ofSeconds(5)))).isTrue();
    assertThat(b.fencingToken().orElseThrow()).isGreaterThan(first);
    get(b.unlock());
  }

  @Test
  void aKilledHoldersLockIsTakenOverAfterItsLease() throws Exception {
    AgentClient dying = participant("dying");
    AetherMutex a = Coordination.create(dying, exclusive()).mutex("takeover-" + run);
    AetherMutex b = Coordination.create(participant("next"), exclusive()).mutex("takeover-" + run);
    assertThat(get(a.tryLock())).isTrue();
    long killed = System.nanoTime();
    dying.close();
    assertThat(get(b.tryLock(Duration.ofSeconds(15)))).isTrue();
    assertThat(System.nanoTime() - killed).isGreaterThan(Duration.ofMillis(1000).toNanos());
    get(b.unlock());
  }

  @Test
  void oneLeaderAtATime() throws Exception {
    LeaderElection a =
        Coordination.create(participant("la"), exclusive())
            .leaderElection("leader-" + run, "a")
            .start();
    await().atMost(WAIT).until(a::isLeader);
    LeaderElection b =
        Coordination.create(participant("lb"), exclusive())
            .leaderElection("leader-" + run, "b")
            .start();
    await().atMost(WAIT).until(() -> b.observedLeader().filter("a"::equals).isPresent());
    assertThat(b.isLeader()).isFalse();
    assertThat(get(b.currentLeader())).contains("a");
    a.close();
    await().atMost(WAIT).until(b::isLeader);
    assertThat(a.isLeader()).isFalse();
    b.close();
  }

  @Test
  void onceRunsOnceAndTheOtherSeesTheResult() throws Exception {
    Once a = Coordination.create(participant("oa"), exclusive()).once("once-" + run);
    Once b = Coordination.create(participant("ob"), exclusive()).once("once-" + run);
    OnceResult first = get(a.run(() -> "built"));
    assertThat(first.status()).isEqualTo(OnceResult.Status.EXECUTED);
    assertThat(first.recorded()).isTrue();
    OnceResult second = get(b.run(() -> "again"));
    assertThat(second.status()).isEqualTo(OnceResult.Status.ALREADY_COMPLETED);
    assertThat(second.result()).isEqualTo("built");
  }

  @Test
  void sharedScopesWorkOrAreRefusedWithAnExplanation() throws Exception {
    AetherMutex m =
        Coordination.create(
                participant("shared"),
                exclusive().toBuilder().target(KvTarget.workspaceScope()).build())
            .mutex("shared-" + run);
    if (sharedScopesDenied()) {
      assertThatThrownBy(() -> get(m.tryLock()))
          .hasCauseInstanceOf(CoordinationRefusedException.class)
          .cause()
          .hasMessageContaining("AetherLite in dev mode denies the shared scopes");
    } else {
      assertThat(get(m.tryLock())).isTrue();
      get(m.unlock());
    }
  }
}
