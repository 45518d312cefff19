/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AetherTimeoutException;
import io.github.aetherjava.client.ConnectionState;
import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.ReconnectPolicy;
import io.github.aetherjava.client.ServiceClient;
import io.github.aetherjava.client.UserClient;
import io.github.aetherjava.client.coord.AetherMutex;
import io.github.aetherjava.client.coord.AetherSemaphore;
import io.github.aetherjava.client.coord.Coordination;
import io.github.aetherjava.client.coord.CoordinationOptions;
import io.github.aetherjava.client.coord.CoordinationRefusedException;
import io.github.aetherjava.client.coord.LeaderElection;
import io.github.aetherjava.client.coord.LeadershipListener;
import io.github.aetherjava.client.coord.LeaseLost;
import io.github.aetherjava.client.coord.LockNotHeldException;
import io.github.aetherjava.client.coord.Once;
import io.github.aetherjava.client.coord.OnceResult;
import io.github.aetherjava.client.coord.SemaphorePermit;
import io.github.aetherjava.client.kv.KvTarget;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.github.aetherjava.gateway.embedded.PolicyMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Mutex, leader election, semaphore and once against the embedded gateway (in-process). */
class CoordinationIntegrationTest {

  static {
    org.awaitility.Awaitility.setDefaultPollDelay(Duration.ZERO);
    org.awaitility.Awaitility.setDefaultPollInterval(Duration.ofMillis(5));
  }

  /** Stress size: small here, overridden by the reliability suite's system property. */
  private static final int ROUNDS = Integer.getInteger("aether.coord.rounds", 30);

  private static final KvTarget SCOPE = KvTarget.workspaceScope("coord");

  private final List<AutoCloseable> resources = new ArrayList<>();
  private String gatewayName;
  private EmbeddedAetherGateway gw;

  @BeforeEach
  void start() {
    gatewayName = "coord-it-" + UUID.randomUUID();
    gw = EmbeddedAetherGateway.builder().tcp(false).inProcessName(gatewayName).start();
  }

  @AfterEach
  void stop() throws Exception {
    for (int i = resources.size() - 1; i >= 0; i--) {
      resources.get(i).close();
    }
    gw.close();
  }

  private <T extends AutoCloseable> T track(T r) {
    resources.add(r);
    return r;
  }

  private ServiceClient service(String impl) throws Exception {
    AetherClientOptions o =
        AetherClientOptions.builder()
            .address(gw.inProcessAddress())
            .reconnect(
                ReconnectPolicy.builder()
                    .initialDelay(Duration.ofMillis(20))
                    .maxDelay(Duration.ofMillis(100))
                    .build())
            .build();
    ServiceClient s = track(ServiceClient.builder(o).implementation(impl).specifier("1").build());
    s.connect().get(10, TimeUnit.SECONDS);
    return s;
  }

  private static CoordinationOptions fast() {
    return CoordinationOptions.builder()
        .target(SCOPE)
        .leaseTime(Duration.ofSeconds(2))
        .renewInterval(Duration.ofMillis(300))
        .retryInterval(Duration.ofMillis(40))
        .build();
  }

  private Coordination coord(String impl) throws Exception {
    return Coordination.create(service(impl), fast());
  }

  private static <T> T get(CompletableFuture<T> f) throws Exception {
    return f.get(20, TimeUnit.SECONDS);
  }

  // ------------------------------------------------------------------ mutex

  @Test
  void mutexExcludesOthersAndHandsOverWithGrowingFencingTokens() throws Exception {
    AetherMutex a = track(coord("a").mutex("job"));
    AetherMutex b = track(coord("b").mutex("job"));
    assertThat(get(a.tryLock())).isTrue();
    assertThat(a.isHeld()).isTrue();
    assertThat(get(a.tryLock())).as("re-entering the same instance").isTrue();
    long first = a.fencingToken().orElseThrow();
    assertThat(get(b.tryLock())).isFalse();
    assertThat(b.isHeld()).isFalse();
    assertThat(b.fencingToken()).isEmpty();
    assertThatThrownBy(() -> get(b.lock(Duration.ofMillis(200))))
        .hasCauseInstanceOf(AetherTimeoutException.class);
    get(a.unlock());
    assertThat(a.isHeld()).isFalse();
    assertThat(get(b.tryLock(Duration.ofSeconds(5)))).isTrue();
    assertThat(b.fencingToken().orElseThrow()).isGreaterThan(first);
    assertThatThrownBy(() -> get(a.unlock())).hasCauseInstanceOf(LockNotHeldException.class);
  }

  @Test
  void mutexRenewsBeyondItsLease() throws Exception {
    AetherMutex a = track(coord("a").mutex("long"));
    AetherMutex b = track(coord("b").mutex("long"));
    assertThat(get(a.tryLock())).isTrue();
    long until = System.nanoTime() + Duration.ofSeconds(5).toNanos(); // 2.5 leases
    while (System.nanoTime() < until) {
      assertThat(a.isHeld()).isTrue();
      assertThat(get(b.tryLock())).isFalse();
    }
  }

  @Test
  void mutualExclusionHoldsUnderContention() throws Exception {
    int contenders = 4;
    List<AetherMutex> mutexes = new ArrayList<>();
    for (int i = 0; i < contenders; i++) {
      mutexes.add(track(coord("c" + i).mutex("contended")));
    }
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger maxInside = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    List<Long> tokens = Collections.synchronizedList(new ArrayList<>());
    List<Thread> threads = new ArrayList<>();
    List<Throwable> errors = new CopyOnWriteArrayList<>();
    for (AetherMutex m : mutexes) {
      Thread t =
          new Thread(
              () -> {
                try {
                  for (int r = 0; r < ROUNDS; r++) {
                    get(m.lock(Duration.ofSeconds(60)));
                    int now = inside.incrementAndGet();
                    maxInside.accumulateAndGet(now, Math::max);
                    tokens.add(m.fencingToken().orElseThrow());
                    if (ThreadLocalRandom.current().nextBoolean()) {
                      Thread.onSpinWait();
                    }
                    assertThat(m.isHeld()).isTrue();
                    inside.decrementAndGet();
                    get(m.unlock());
                    done.incrementAndGet();
                  }
                } catch (Throwable e) {
                  errors.add(e);
                }
              });
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join(Duration.ofMinutes(5).toMillis());
    }
    assertThat(errors).isEmpty();
    assertThat(done.get()).isEqualTo(contenders * ROUNDS);
    assertThat(maxInside.get()).isEqualTo(1);
    assertThat(tokens).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void aKilledHoldersLockIsTakenOverAfterItsLease() throws Exception {
    ServiceClient holderClient = service("killed");
    AetherMutex holder = Coordination.create(holderClient, fast()).mutex("takeover");
    List<LeaseLost> lost = new CopyOnWriteArrayList<>();
    holder.onLost(lost::add);
    AetherMutex next = track(coord("next").mutex("takeover"));
    assertThat(get(holder.tryLock())).isTrue();
    long killedAt = System.nanoTime();
    holderClient.close(); // dies without unlocking: renewals now fail
    assertThat(get(next.tryLock())).isFalse();
    assertThat(get(next.tryLock(Duration.ofSeconds(10)))).isTrue();
    assertThat(System.nanoTime() - killedAt).isGreaterThan(Duration.ofMillis(1500).toNanos());
    await().atMost(Duration.ofSeconds(5)).until(() -> lost.size() == 1);
    assertThat(holder.isHeld()).isFalse();
    assertThat(lost.get(0).reason()).contains("no renewal was confirmed");
  }

  @Test
  void aTakenOverLockIsReportedLostAtTheNextRenewal() throws Exception {
    ServiceClient client = service("victim");
    AetherMutex m = Coordination.create(client, fast()).mutex("stolen");
    List<LeaseLost> lost = new CopyOnWriteArrayList<>();
    m.onLost(lost::add);
    assertThat(get(m.tryLock())).isTrue();
    ServiceClient thief = service("thief");
    get(thief.kv().put(SCOPE, "stolen", "someone-else"));
    await().atMost(Duration.ofSeconds(5)).until(() -> lost.size() == 1);
    assertThat(m.isHeld()).isFalse();
    assertThat(lost.get(0).reason()).contains("no longer holds");
    assertThat(get(thief.kv().get(SCOPE, "stolen")).asString()).isEqualTo("someone-else");
  }

  @Test
  void aLeaseThatMayHaveExpiredDuringADisconnectIsLostAndNotResumed() throws Exception {
    Path dir = Files.createTempDirectory("coord-restart");
    gw.close();
    gw =
        EmbeddedAetherGateway.builder()
            .tcp(false)
            .inProcessName(gatewayName)
            .dataDirectory(dir)
            .start();
    ServiceClient client = service("restart");
    AetherMutex m = Coordination.create(client, fast()).mutex("across-restart");
    List<LeaseLost> lost = new CopyOnWriteArrayList<>();
    m.onLost(lost::add);
    assertThat(get(m.tryLock())).isTrue();
    gw.close();
    await().until(() -> client.state() == ConnectionState.RECONNECTING);
    await().atMost(Duration.ofSeconds(5)).until(() -> !m.isHeld());
    await().atMost(Duration.ofSeconds(5)).until(() -> lost.size() == 1);
    gw =
        EmbeddedAetherGateway.builder()
            .tcp(false)
            .inProcessName(gatewayName)
            .dataDirectory(dir)
            .start();
    await().atMost(Duration.ofSeconds(10)).until(() -> client.state() == ConnectionState.READY);
    assertThat(m.isHeld()).isFalse();
    AetherMutex other = track(coord("other").mutex("across-restart"));
    assertThat(get(other.tryLock(Duration.ofSeconds(10)))).isTrue();
    assertThat(m.isHeld()).isFalse();
  }

  @Test
  void aRestartedGatewayWithoutTheKeyEndsTheHoldAtTheNextRenewal() throws Exception {
    ServiceClient client = service("volatile");
    AetherMutex m = Coordination.create(client, fast()).mutex("in-memory");
    List<LeaseLost> lost = new CopyOnWriteArrayList<>();
    m.onLost(lost::add);
    assertThat(get(m.tryLock())).isTrue();
    gw.close();
    gw = EmbeddedAetherGateway.builder().tcp(false).inProcessName(gatewayName).start();
    await().atMost(Duration.ofSeconds(5)).until(() -> lost.size() == 1);
    assertThat(m.isHeld()).isFalse();
  }

  // ------------------------------------------------------------------ leader election

  @Test
  void exactlyOneLeaderAndOrderlyHandOver() throws Exception {
    int candidates = 3;
    List<LeaderElection> elections = new ArrayList<>();
    AtomicInteger leaders = new AtomicInteger();
    AtomicInteger maxLeaders = new AtomicInteger();
    AtomicInteger grants = new AtomicInteger();
    List<String> events = new CopyOnWriteArrayList<>();
    for (int i = 0; i < candidates; i++) {
      LeaderElection e = track(coord("cand" + i).leaderElection("leader", "cand-" + i));
      e.addListener(
          new LeadershipListener() {
            @Override
            public void onGranted(LeaderElection election) {
              maxLeaders.accumulateAndGet(leaders.incrementAndGet(), Math::max);
              grants.incrementAndGet();
              events.add("+" + election.candidateId());
            }

            @Override
            public void onRevoked(LeaderElection election, Optional<LeaseLost> lost) {
              leaders.decrementAndGet();
              events.add("-" + election.candidateId());
            }
          });
      elections.add(e);
    }
    elections.forEach(LeaderElection::start);
    for (int round = 0; round < Math.max(3, ROUNDS / 5); round++) {
      await().atMost(Duration.ofSeconds(10)).until(() -> leaders.get() == 1);
      LeaderElection leader =
          elections.stream().filter(LeaderElection::isLeader).findFirst().orElseThrow();
      assertThat(elections.stream().filter(LeaderElection::isLeader)).hasSize(1);
      assertThat(get(elections.get(0).currentLeader())).contains(leader.candidateId());
      get(leader.resign());
      await().atMost(Duration.ofSeconds(10)).until(() -> grants.get() > 0 && leaders.get() == 1);
    }
    assertThat(maxLeaders.get()).isEqualTo(1);
    // grants and revocations alternate per candidate
    for (int i = 0; i < candidates; i++) {
      String id = "cand-" + i;
      List<String> mine = events.stream().filter(e -> e.substring(1).equals(id)).toList();
      for (int k = 0; k < mine.size(); k++) {
        assertThat(mine.get(k)).startsWith(k % 2 == 0 ? "+" : "-");
      }
    }
  }

  @Test
  void followersObserveTheLeaderAndTakeOverWhenItDies() throws Exception {
    ServiceClient leaderClient = service("first");
    LeaderElection first =
        Coordination.create(leaderClient, fast()).leaderElection("observed", "first").start();
    await().atMost(Duration.ofSeconds(5)).until(first::isLeader);
    LeaderElection second = track(coord("second").leaderElection("observed", "second"));
    List<Optional<String>> seen = new CopyOnWriteArrayList<>();
    second.addListener(
        new LeadershipListener() {
          @Override
          public void onLeaderChanged(Optional<String> leaderId) {
            seen.add(leaderId);
          }
        });
    second.start();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> second.observedLeader().equals(Optional.of("first")));
    leaderClient.close(); // the leader dies
    await().atMost(Duration.ofSeconds(10)).until(second::isLeader);
    assertThat(seen).startsWith(Optional.of("first")).endsWith(Optional.of("second"));
    assertThat(first.isLeader()).isFalse();
  }

  // ------------------------------------------------------------------ semaphore

  @Test
  void semaphoreAdmitsAtMostItsPermitsAndLosesNone() throws Exception {
    int permits = 2;
    int holders = 4;
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger maxInside = new AtomicInteger();
    List<Throwable> errors = new CopyOnWriteArrayList<>();
    List<Thread> threads = new ArrayList<>();
    AetherSemaphore observer = coord("observer").semaphore("pool", permits);
    for (int h = 0; h < holders; h++) {
      AetherSemaphore s = coord("h" + h).semaphore("pool", permits);
      Thread t =
          new Thread(
              () -> {
                try {
                  for (int r = 0; r < ROUNDS; r++) {
                    SemaphorePermit p = get(s.acquire(Duration.ofSeconds(60)));
                    maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    assertThat(p.isValid()).isTrue();
                    inside.decrementAndGet();
                    get(p.release());
                  }
                } catch (Throwable e) {
                  errors.add(e);
                }
              });
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join(Duration.ofMinutes(5).toMillis());
    }
    assertThat(errors).isEmpty();
    assertThat(maxInside.get()).isBetween(1, permits);
    assertThat(get(observer.availablePermits())).isEqualTo(permits);
  }

  @Test
  void aDeadHoldersPermitsComeBackAfterTheLease() throws Exception {
    ServiceClient dying = service("dying");
    AetherSemaphore s = Coordination.create(dying, fast()).semaphore("leased", 2);
    assertThat(get(s.tryAcquire())).isPresent();
    assertThat(get(s.tryAcquire())).isPresent();
    AetherSemaphore other = coord("alive").semaphore("leased", 2);
    assertThat(get(other.tryAcquire())).isEmpty();
    assertThat(get(other.availablePermits())).isZero();
    dying.close();
    await().atMost(Duration.ofSeconds(10)).until(() -> get(other.availablePermits()) == 2);
    assertThat(get(other.tryAcquire())).isPresent();
  }

  // ------------------------------------------------------------------ once

  @Test
  void onceRunsOnceAndEveryoneSeesTheResult() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    List<CompletableFuture<OnceResult>> results = new ArrayList<>();
    List<Once> onces = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      onces.add(coord("once" + i).once("migration"));
    }
    for (Once o : onces) {
      results.add(
          o.run(
              () -> {
                runs.incrementAndGet();
                return "v" + runs.get();
              }));
    }
    List<OnceResult> outcomes = new ArrayList<>();
    for (CompletableFuture<OnceResult> f : results) {
      outcomes.add(get(f));
    }
    assertThat(runs.get()).isEqualTo(1);
    assertThat(outcomes.stream().filter(r -> r.status() == OnceResult.Status.EXECUTED)).hasSize(1);
    for (Once o : onces) {
      assertThat(get(o.awaitResult(Duration.ofSeconds(5)))).isEqualTo("v1");
    }
    OnceResult later = get(onces.get(2).run(() -> "never"));
    assertThat(later.status()).isEqualTo(OnceResult.Status.ALREADY_COMPLETED);
    assertThat(later.result()).isEqualTo("v1");
  }

  @Test
  void aFailedOnceCanBeRetried() throws Exception {
    Once a = coord("fa").once("fragile");
    Once b = coord("fb").once("fragile");
    assertThatThrownBy(
            () ->
                get(
                    a.run(
                        () -> {
                          throw new IllegalStateException("boom");
                        })))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IllegalStateException.class);
    assertThat(get(a.result())).isEmpty();
    OnceResult r = get(b.run(() -> "ok"));
    assertThat(r.status()).isEqualTo(OnceResult.Status.EXECUTED);
    assertThat(r.recorded()).isTrue();
    assertThat(get(a.result())).contains("ok");
  }

  @Test
  void aRunningOnceIsReportedAsRunningElsewhere() throws Exception {
    Once a = coord("ra").once("slow");
    Once b = coord("rb").once("slow");
    CompletableFuture<Void> release = new CompletableFuture<>();
    CompletableFuture<OnceResult> first =
        a.run(
            () -> {
              release.get(20, TimeUnit.SECONDS);
              return "slow-done";
            });
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                get(track(service("peek")).kv().get(SCOPE, "slow"))
                    .asString()
                    .startsWith("running:"));
    assertThat(get(b.run(() -> "never")).status()).isEqualTo(OnceResult.Status.RUNNING_ELSEWHERE);
    release.complete(null);
    assertThat(get(first).status()).isEqualTo(OnceResult.Status.EXECUTED);
    assertThat(get(b.awaitResult(Duration.ofSeconds(5)))).isEqualTo("slow-done");
  }

  // ------------------------------------------------------------------ errors

  @Test
  void aRefusedScopeSaysWhy() throws Exception {
    gw.close();
    gw =
        EmbeddedAetherGateway.builder()
            .tcp(false)
            .inProcessName(gatewayName)
            .policyMode(PolicyMode.LITE_PARITY)
            .start();
    AetherMutex m = Coordination.create(service("lite"), fast()).mutex("denied");
    assertThatThrownBy(() -> get(m.tryLock()))
        .hasCauseInstanceOf(CoordinationRefusedException.class)
        .cause()
        .hasMessageContaining("scope workspace")
        .hasMessageContaining("AetherLite in dev mode denies the shared scopes");
    AetherMutex exclusive =
        Coordination.create(
                service("lite-ex"), fast().toBuilder().target(KvTarget.globalExclusive()).build())
            .mutex("allowed");
    assertThat(get(exclusive.tryLock())).isTrue();
    get(exclusive.unlock());
  }

  @Test
  void badArgumentsAreNamed() throws Exception {
    assertThatThrownBy(() -> CoordinationOptions.builder().build())
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("target");
    assertThatThrownBy(
            () ->
                CoordinationOptions.builder()
                    .target(SCOPE)
                    .leaseTime(Duration.ofSeconds(3))
                    .renewInterval(Duration.ofSeconds(3))
                    .build())
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("renewInterval");
    Coordination c = coord("args");
    assertThatThrownBy(() -> c.mutex("")).hasMessageContaining("name");
    assertThatThrownBy(() -> c.mutex("x".repeat(260))).hasMessageContaining("name is too long");
    assertThatThrownBy(() -> c.semaphore("s", 0)).hasMessageContaining("permits");
    assertThatThrownBy(() -> c.leaderElection("e", "a#b")).hasMessageContaining("candidateId");
    UserClient user =
        track(
            UserClient.builder(AetherClientOptions.builder().address(gw.inProcessAddress()).build())
                .userId("u1")
                .windowId("w1")
                .build());
    assertThatThrownBy(() -> Coordination.create(user, fast()))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("client");
  }
}
