/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.task.CreateTaskRequest;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Pool tasks created from several threads while workers connect and disconnect: every task is
 * delivered to exactly one worker, whatever the interleaving. {@code -Daether.stress.tasks=N} runs
 * more tasks per repetition (default 120).
 */
class TaskPoolStressTest {

  private static final int TASKS = Integer.getInteger("aether.stress.tasks", 120);
  private static final int CREATORS = 4;
  private static final int WORKERS = 6;

  @RepeatedTest(3)
  void everyPoolTaskIsDeliveredExactlyOnce() throws Exception {
    try (EmbeddedAetherGateway gw =
        EmbeddedAetherGateway.builder()
            .tcp(false)
            .inProcessName("stress-" + UUID.randomUUID())
            .start()) {
      AetherClientOptions options =
          AetherClientOptions.builder().address(gw.inProcessAddress()).build();
      Map<String, List<String>> deliveries = new ConcurrentHashMap<>();
      List<AgentClient> clients = new CopyOnWriteArrayList<>();
      ExecutorService pool = Executors.newFixedThreadPool(CREATORS + 1);
      try {
        // half the workers are there from the start, the others join while tasks are created
        for (int i = 0; i < WORKERS / 2; i++) {
          clients.add(worker(options, i, deliveries));
        }
        Set<String> created = ConcurrentHashMap.newKeySet();
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < CREATORS; c++) {
          int creator = c;
          work.add(
              pool.submit(
                  () -> {
                    AgentClient boss =
                        AgentClient.builder(options)
                            .workspace("ws")
                            .implementation("boss")
                            .specifier("b" + creator)
                            .build();
                    clients.add(boss);
                    boss.connect().join();
                    for (int i = 0; i < TASKS / CREATORS; i++) {
                      if (ThreadLocalRandom.current().nextInt(8) == 0) {
                        Thread.yield();
                      }
                      created.add(
                          boss.tasks()
                              .createTaskAndAwait(
                                  CreateTaskRequest.builder("job")
                                      .targetImplementation("worker")
                                      .build())
                              .join()
                              .taskId());
                    }
                    return null;
                  }));
        }
        work.add(
            pool.submit(
                () -> {
                  for (int i = WORKERS / 2; i < WORKERS; i++) {
                    clients.add(worker(options, i, deliveries));
                  }
                  return null;
                }));
        for (Future<?> f : work) {
          f.get(60, TimeUnit.SECONDS);
        }
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    deliveries.values().stream().mapToInt(List::size).sum() >= created.size()
                        && created.size() == (TASKS / CREATORS) * CREATORS);
        List<String> all = deliveries.values().stream().flatMap(List::stream).toList();
        assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
      } finally {
        pool.shutdownNow();
        clients.forEach(AgentClient::close);
      }
    }
  }

  private static AgentClient worker(
      AetherClientOptions options, int i, Map<String, List<String>> deliveries) {
    AgentClient w =
        AgentClient.builder(options)
            .workspace("ws")
            .implementation("worker")
            .specifier("w" + i)
            .build();
    w.onTaskAssignment(
        t ->
            deliveries
                .computeIfAbsent(w.identity(), k -> new CopyOnWriteArrayList<>())
                .add(t.taskId()));
    w.connect().join();
    return w;
  }
}
