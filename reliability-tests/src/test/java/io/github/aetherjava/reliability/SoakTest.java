/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.reliability;

import static io.github.aetherjava.reliability.Fixtures.agent;
import static io.github.aetherjava.reliability.Fixtures.agentTopic;
import static io.github.aetherjava.reliability.Fixtures.options;
import static io.github.aetherjava.reliability.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.ConnectionState;
import io.github.aetherjava.client.kv.KvTarget;
import io.github.aetherjava.reliability.Fixtures.RestartableGateway;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Long-running soak, excluded from the default run ({@code @Tag("soak")}). 30 minutes of mixed
 * traffic (messages between agents, KV writes and reads, checkpoints) with a gateway restart every
 * 2 minutes; prints memory, threads and message accounting every 30 s. Run it with:
 *
 * <pre>
 * ./mvnw -pl reliability-tests -am verify -Dsurefire.excludedGroups= -Dgroups=soak -Dtest=SoakTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Dsoak.minutes=30] [-Dsoak.restartSeconds=120]
 * </pre>
 */
@Tag("soak")
@Order(5000)
class SoakTest {

  static final int AGENTS = 4;

  @TempDir Path dataDir;

  @Test
  @Timeout(value = 4, unit = TimeUnit.HOURS)
  void mixedTrafficWithPeriodicRestarts() throws Exception {
    Duration duration =
        Duration.ofSeconds(
            (long) (Double.parseDouble(System.getProperty("soak.minutes", "30")) * 60));
    Duration restartEvery = Duration.ofSeconds(Long.getLong("soak.restartSeconds", 120));
    Duration reportEvery = Duration.ofSeconds(Long.getLong("soak.reportSeconds", 30));
    int ratePerAgent = Integer.getInteger("soak.messagesPerSecond", 50);

    AtomicLong sent = new AtomicLong();
    AtomicLong completed = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicLong received = new AtomicLong();
    AtomicLong duplicates = new AtomicLong();
    AtomicLong outOfOrder = new AtomicLong();
    AtomicLong kvOk = new AtomicLong();
    AtomicLong kvFailed = new AtomicLong();
    AtomicLong restarts = new AtomicLong();
    // per receiver, per sender: the highest sequence seen; received keys for duplicate detection
    ConcurrentHashMap<String, Long> lastSeq = new ConcurrentHashMap<>();
    Set<String> seen = ConcurrentHashMap.newKeySet();
    List<String> report = new ArrayList<>();
    report.add(
        "| t (s) | heap used MiB | threads | sent | completed | failed | received | in flight or lost | "
            + "duplicated | out of order | kv ok | kv failed | restarts |");
    report.add("|---|---|---|---|---|---|---|---|---|---|---|---|---|");

    try (RestartableGateway gw =
        new RestartableGateway(b -> b.dataDirectory(dataDir).offlineQueueCapacity(200_000))) {
      List<AgentClient> agents = new ArrayList<>();
      ScheduledExecutorService load = Executors.newScheduledThreadPool(2);
      try {
        for (int i = 0; i < AGENTS; i++) {
          AgentClient a = agent(options(gw.address()).build(), "soak-" + i);
          String me = "soak-" + i;
          a.onMessage(
              m -> {
                String[] p = m.payloadAsString().split(":");
                String key = me + "<" + p[0] + ":" + p[1];
                if (!seen.add(key)) {
                  duplicates.incrementAndGet();
                  return;
                }
                received.incrementAndGet();
                long seq = Long.parseLong(p[1]);
                Long prev = lastSeq.put(me + "<" + p[0], seq);
                if (prev != null && seq < prev) {
                  outOfOrder.incrementAndGet();
                }
              });
          a.connectBlocking();
          agents.add(a);
        }
        long[] seqs = new long[AGENTS];
        long periodMicros = 1_000_000L / ratePerAgent;
        for (int i = 0; i < AGENTS; i++) {
          int from = i;
          load.scheduleAtFixedRate(
              () -> {
                AgentClient a = agents.get(from);
                String to = agentTopic("soak-" + ((from + 1) % AGENTS));
                long seq = seqs[from]++;
                sent.incrementAndGet();
                a.send(to, utf8(from + ":" + seq))
                    .whenComplete((v, e) -> (e == null ? completed : failed).incrementAndGet());
                if (seq % 10 == 0) {
                  a.kv()
                      .put(KvTarget.workspaceExclusive(), "counter", utf8(Long.toString(seq)))
                      .thenCompose(v -> a.kv().get(KvTarget.workspaceExclusive(), "counter"))
                      .whenComplete((v, e) -> (e == null ? kvOk : kvFailed).incrementAndGet());
                }
                if (seq % 100 == 0) {
                  a.checkpoint()
                      .save(utf8("state-" + seq))
                      .whenComplete((v, e) -> (e == null ? kvOk : kvFailed).incrementAndGet());
                }
              },
              0,
              periodMicros,
              TimeUnit.MICROSECONDS);
        }
        load.scheduleAtFixedRate(
            () -> {
              gw.restart();
              restarts.incrementAndGet();
            },
            restartEvery.toMillis(),
            restartEvery.toMillis(),
            TimeUnit.MILLISECONDS);

        long start = System.nanoTime();
        int threadsAtStart = ManagementFactory.getThreadMXBean().getThreadCount();
        long[] nextReport = {0};
        await()
            .atMost(duration.plusMinutes(5))
            .pollInterval(Duration.ofSeconds(1))
            .until(
                () -> {
                  long t = (System.nanoTime() - start) / 1_000_000_000L;
                  if (t >= nextReport[0]) {
                    nextReport[0] += reportEvery.getSeconds();
                    String line =
                        line(
                            t,
                            sent,
                            completed,
                            failed,
                            received,
                            duplicates,
                            outOfOrder,
                            kvOk,
                            kvFailed,
                            restarts);
                    report.add(line);
                    System.out.println(line);
                  }
                  return t >= duration.getSeconds();
                });
        load.shutdown();
        assertThat(load.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        gw.start();
        await()
            .atMost(Duration.ofMinutes(2))
            .until(() -> agents.stream().allMatch(a -> a.state() == ConnectionState.READY));
        // settle: everything that will arrive has arrived when the count stops moving for 5 s
        long[] last = {-1};
        long[] stableSince = {System.nanoTime()};
        await()
            .atMost(Duration.ofMinutes(5))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () -> {
                  long r = received.get();
                  if (r != last[0]) {
                    last[0] = r;
                    stableSince[0] = System.nanoTime();
                  }
                  return System.nanoTime() - stableSince[0] > 5_000_000_000L;
                });
        report.add(
            line(
                (System.nanoTime() - start) / 1_000_000_000L,
                sent,
                completed,
                failed,
                received,
                duplicates,
                outOfOrder,
                kvOk,
                kvFailed,
                restarts));
        int threadsAtEnd = ManagementFactory.getThreadMXBean().getThreadCount();
        report.add("threads at start " + threadsAtStart + ", at end " + threadsAtEnd);
        Fixtures.report(
            "soak",
            "SoakTest ("
                + duration.toMinutes()
                + " min, restart every "
                + restartEvery.getSeconds()
                + " s, "
                + AGENTS
                + " agents x "
                + ratePerAgent
                + " msg/s)\n"
                + String.join("\n", report));

        assertThat(duplicates.get()).isZero();
        assertThat(outOfOrder.get()).isZero();
        assertThat(threadsAtEnd)
            .as("no thread leak across restarts")
            .isLessThan(threadsAtStart + 50);
        assertThat(received.get()).isPositive();
      } finally {
        load.shutdownNow();
        agents.forEach(AgentClient::close);
      }
    }
  }

  private static String line(
      long t,
      AtomicLong sent,
      AtomicLong completed,
      AtomicLong failed,
      AtomicLong received,
      AtomicLong duplicates,
      AtomicLong outOfOrder,
      AtomicLong kvOk,
      AtomicLong kvFailed,
      AtomicLong restarts) {
    Runtime rt = Runtime.getRuntime();
    long heap = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
    int threads = ManagementFactory.getThreadMXBean().getThreadCount();
    return String.format(
        "| %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d |",
        t,
        heap,
        threads,
        sent.get(),
        completed.get(),
        failed.get(),
        received.get(),
        completed.get() - received.get(),
        duplicates.get(),
        outOfOrder.get(),
        kvOk.get(),
        kvFailed.get(),
        restarts.get());
  }
}
