/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AetherException;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.coord.AetherMutex;
import io.github.aetherjava.client.coord.AetherSemaphore;
import io.github.aetherjava.client.coord.Coordination;
import io.github.aetherjava.client.coord.CoordinationOptions;
import io.github.aetherjava.client.coord.LeaderElection;
import io.github.aetherjava.client.coord.SemaphorePermit;
import io.github.aetherjava.client.kv.KvTarget;
import io.github.aetherjava.reliability.Fixtures.RestartableGateway;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Coordination under contention, random delays, gateway restarts and killed holders: mutual
 * exclusion holds in every round, fencing tokens only grow, no semaphore permit is lost, and a dead
 * leader is replaced after its lease with never two leaders at once. Sizes are system properties
 * ({@code aether.coord.workers}, {@code aether.coord.rounds}, {@code aether.coord.restarts}, {@code
 * aether.coord.kills}).
 */
class CoordinationStressTest {

  static final int WORKERS = Integer.getInteger("aether.coord.workers", 6);
  static final int ROUNDS = Integer.getInteger("aether.coord.rounds", 100);
  static final int RESTARTS = Integer.getInteger("aether.coord.restarts", 3);
  static final int KILLS = Integer.getInteger("aether.coord.kills", 4);

  private static final KvTarget SCOPE = KvTarget.workspaceScope(Fixtures.WS);

  @TempDir Path dataDir;

  private static CoordinationOptions options() {
    return CoordinationOptions.builder()
        .target(SCOPE)
        .leaseTime(Duration.ofSeconds(2))
        .renewInterval(Duration.ofMillis(300))
        .retryInterval(Duration.ofMillis(30))
        .build();
  }

  /** Busy-waits up to {@code maxMicros}: a random stretch of work inside a critical section. */
  private static void work(int maxMicros) {
    long until = System.nanoTime() + ThreadLocalRandom.current().nextLong(maxMicros * 1000L + 1);
    while (System.nanoTime() < until) {
      Thread.onSpinWait();
    }
  }

  private static <T> T get(CompletableFuture<T> f) throws Exception {
    try {
      return f.get(90, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof AetherException ae) {
        throw ae;
      }
      throw e;
    }
  }

  /** Runs the restarts in the background until {@code done}. */
  private static Thread restarter(
      RestartableGateway gw, AtomicBoolean done, AtomicInteger made, AtomicInteger restarted) {
    Thread t =
        new Thread(
            () -> {
              for (int i = 0; i < RESTARTS && !done.get(); i++) {
                int before = made.get();
                // let some rounds complete between restarts
                Fixtures.awaitQuietly(
                    Duration.ofSeconds(30), () -> done.get() || made.get() > before + ROUNDS / 2);
                if (done.get()) {
                  return;
                }
                gw.restart();
                restarted.incrementAndGet();
              }
            },
            "coord-restarter");
    t.start();
    return t;
  }

  @Test
  void mutualExclusionAndGrowingFencingTokensAcrossGatewayRestarts() throws Exception {
    List<AgentClient> clients = new ArrayList<>();
    try (RestartableGateway gw = new RestartableGateway(b -> b.dataDirectory(dataDir))) {
      List<AetherMutex> mutexes = new ArrayList<>();
      for (int i = 0; i < WORKERS; i++) {
        AgentClient c = Fixtures.agent(Fixtures.options(gw.address()).build(), "mx" + i);
        clients.add(c);
        c.connectBlocking();
        mutexes.add(Coordination.create(c, options()).mutex("stress-mutex"));
      }
      AtomicInteger inside = new AtomicInteger();
      AtomicInteger maxInside = new AtomicInteger();
      AtomicInteger sections = new AtomicInteger();
      AtomicInteger transientFailures = new AtomicInteger();
      List<Long> tokens = Collections.synchronizedList(new ArrayList<>());
      List<Throwable> errors = new CopyOnWriteArrayList<>();
      AtomicBoolean done = new AtomicBoolean();
      List<Thread> workers = new ArrayList<>();
      for (AetherMutex m : mutexes) {
        Thread t =
            new Thread(
                () -> {
                  int completed = 0;
                  while (completed < ROUNDS) {
                    try {
                      get(m.lock(Duration.ofSeconds(60)));
                    } catch (AetherException e) {
                      if (!e.isRecoverable()) {
                        errors.add(e);
                        return;
                      }
                      transientFailures.incrementAndGet(); // the stream dropped mid-request
                      continue;
                    } catch (Exception e) {
                      errors.add(e);
                      return;
                    }
                    maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    tokens.add(m.fencingToken().orElse(-1));
                    work(2000);
                    inside.decrementAndGet();
                    sections.incrementAndGet();
                    completed++;
                    try {
                      get(m.unlock());
                    } catch (Exception e) {
                      transientFailures.incrementAndGet(); // the lease ends by itself
                    }
                  }
                },
                "coord-mutex-worker");
        workers.add(t);
        t.start();
      }
      AtomicInteger restarted = new AtomicInteger();
      Thread restarts = restarter(gw, done, sections, restarted);
      for (Thread t : workers) {
        t.join(Duration.ofMinutes(10).toMillis());
      }
      done.set(true);
      restarts.join();
      Fixtures.report(
          "coordination-mutex",
          "coordination mutex: "
              + sections.get()
              + " critical sections by "
              + WORKERS
              + " clients across "
              + restarted.get()
              + " gateway restarts; max holders at once "
              + maxInside.get()
              + "; transient failures retried "
              + transientFailures.get());
      assertThat(errors).isEmpty();
      assertThat(restarted.get()).isEqualTo(RESTARTS);
      assertThat(sections.get()).isEqualTo(WORKERS * ROUNDS);
      assertThat(maxInside.get()).isEqualTo(1);
      assertThat(tokens).doesNotContain(-1L).isSorted().doesNotHaveDuplicates();
    } finally {
      clients.forEach(AgentClient::close);
    }
  }

  @Test
  void semaphoreNeverOverAdmitsAndLosesNoPermitAcrossRestarts() throws Exception {
    int permits = 2;
    List<AgentClient> clients = new ArrayList<>();
    try (RestartableGateway gw = new RestartableGateway(b -> b.dataDirectory(dataDir))) {
      List<AetherSemaphore> semaphores = new ArrayList<>();
      for (int i = 0; i < WORKERS; i++) {
        AgentClient c = Fixtures.agent(Fixtures.options(gw.address()).build(), "sem" + i);
        clients.add(c);
        c.connectBlocking();
        semaphores.add(Coordination.create(c, options()).semaphore("stress-sem", permits));
      }
      AtomicInteger inside = new AtomicInteger();
      AtomicInteger maxInside = new AtomicInteger();
      AtomicInteger uses = new AtomicInteger();
      List<Throwable> errors = new CopyOnWriteArrayList<>();
      AtomicBoolean done = new AtomicBoolean();
      List<Thread> workers = new ArrayList<>();
      for (AetherSemaphore s : semaphores) {
        Thread t =
            new Thread(
                () -> {
                  int completed = 0;
                  while (completed < ROUNDS) {
                    SemaphorePermit p;
                    try {
                      p = get(s.acquire(Duration.ofSeconds(60)));
                    } catch (AetherException e) {
                      if (!e.isRecoverable()) {
                        errors.add(e);
                        return;
                      }
                      continue;
                    } catch (Exception e) {
                      errors.add(e);
                      return;
                    }
                    maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    work(2000);
                    inside.decrementAndGet();
                    uses.incrementAndGet();
                    completed++;
                    try {
                      get(p.release());
                    } catch (Exception e) {
                      // a release lost to a restart: the lease gives the permit back
                    }
                  }
                },
                "coord-sem-worker");
        workers.add(t);
        t.start();
      }
      AtomicInteger restarted = new AtomicInteger();
      Thread restarts = restarter(gw, done, uses, restarted);
      for (Thread t : workers) {
        t.join(Duration.ofMinutes(10).toMillis());
      }
      done.set(true);
      restarts.join();
      AetherSemaphore observer = semaphores.get(0);
      await()
          .atMost(Duration.ofSeconds(15))
          .ignoreExceptions()
          .until(() -> get(observer.availablePermits()) == permits);
      Fixtures.report(
          "coordination-semaphore",
          "coordination semaphore: "
              + uses.get()
              + " permit uses by "
              + WORKERS
              + " clients, "
              + permits
              + " permits, "
              + restarted.get()
              + " restarts; max holders at once "
              + maxInside.get()
              + "; all permits free at the end");
      assertThat(errors).isEmpty();
      assertThat(restarted.get()).isEqualTo(RESTARTS);
      assertThat(uses.get()).isEqualTo(WORKERS * ROUNDS);
      assertThat(maxInside.get()).isBetween(1, permits);
    } finally {
      clients.forEach(AgentClient::close);
    }
  }

  @Test
  void killedLeadersAreReplacedAfterTheirLeaseAndNeverTwoLeadAtOnce() throws Exception {
    int candidates = KILLS + 1;
    List<AgentClient> clients = new ArrayList<>();
    try (RestartableGateway gw = new RestartableGateway(b -> b)) {
      List<LeaderElection> elections = new CopyOnWriteArrayList<>();
      List<AgentClient> alive = new ArrayList<>();
      for (int i = 0; i < candidates; i++) {
        AgentClient c = Fixtures.agent(Fixtures.options(gw.address()).build(), "ld" + i);
        clients.add(c);
        alive.add(c);
        c.connectBlocking();
        elections.add(
            Coordination.create(c, options()).leaderElection("stress-leader", "ld" + i).start());
      }
      AtomicBoolean done = new AtomicBoolean();
      AtomicInteger maxLeaders = new AtomicInteger();
      Thread watcher =
          new Thread(
              () -> {
                while (!done.get()) {
                  int n = 0;
                  for (LeaderElection e : elections) {
                    n += e.isLeader() ? 1 : 0;
                  }
                  maxLeaders.accumulateAndGet(n, Math::max);
                  Thread.onSpinWait();
                }
              },
              "coord-leader-watcher");
      watcher.start();
      List<Long> takeoverMillis = new ArrayList<>();
      for (int k = 0; k < KILLS; k++) {
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> elections.stream().filter(LeaderElection::isLeader).count() == 1);
        LeaderElection leader =
            elections.stream().filter(LeaderElection::isLeader).findFirst().orElseThrow();
        int index = elections.indexOf(leader);
        long killed = System.nanoTime();
        alive.remove(index).close(); // the leader dies without resigning
        elections.remove(index);
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> elections.stream().anyMatch(LeaderElection::isLeader));
        takeoverMillis.add(Duration.ofNanos(System.nanoTime() - killed).toMillis());
        assertThat(leader.isLeader()).isFalse();
      }
      done.set(true);
      watcher.join();
      Fixtures.report(
          "coordination-leader",
          "coordination leader: "
              + KILLS
              + " killed leaders replaced after "
              + takeoverMillis
              + " ms (lease 2000 ms); max leaders at once "
              + maxLeaders.get());
      assertThat(maxLeaders.get()).isEqualTo(1);
      assertThat(takeoverMillis).allSatisfy(ms -> assertThat(ms).isBetween(1000L, 10_000L));
    } finally {
      clients.forEach(AgentClient::close);
    }
  }
}
