/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.task.CreateTaskRequest;
import io.github.aetherjava.client.task.TaskQuery;
import io.github.aetherjava.client.task.TaskStatus;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Pool tasks at volume over loopback TCP: creators on several threads (fire-and-forget and
 * awaited), workers joining while tasks are created, every worker completing what it gets. Every
 * task is delivered exactly once and ends completed. {@code -Daether.reliability.tasks=N} sets the
 * count (default 1000).
 */
class TaskPoolContentionTest {

  private static final int TASKS = Integer.getInteger("aether.reliability.tasks", 1000);
  private static final int CREATORS = 4;
  private static final int WORKERS = 8;

  @Test
  void everyTaskIsDeliveredOnceAndCompleted() throws Exception {
    try (EmbeddedAetherGateway gw = EmbeddedAetherGateway.builder().port(0).start()) {
      AetherClientOptions options = Fixtures.options(gw.address()).build();
      Map<String, List<String>> deliveries = new ConcurrentHashMap<>();
      List<AgentClient> clients = new CopyOnWriteArrayList<>();
      ExecutorService pool = Executors.newFixedThreadPool(CREATORS + 1);
      try {
        for (int i = 0; i < WORKERS / 2; i++) {
          clients.add(worker(options, i, deliveries));
        }
        AgentClient observer =
            AgentClient.builder(options)
                .workspace("rel")
                .implementation("boss")
                .specifier("o")
                .build();
        clients.add(observer);
        observer.connect().get(10, TimeUnit.SECONDS);
        Set<String> awaited = ConcurrentHashMap.newKeySet();
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < CREATORS; c++) {
          int creator = c;
          work.add(
              pool.submit(
                  () -> {
                    AgentClient boss =
                        AgentClient.builder(options)
                            .workspace("rel")
                            .implementation("boss")
                            .specifier("b" + creator)
                            .build();
                    clients.add(boss);
                    boss.connect().join();
                    for (int i = 0; i < TASKS / CREATORS; i++) {
                      CreateTaskRequest req =
                          CreateTaskRequest.builder("job")
                              .targetImplementation("worker")
                              .correlationId("c" + creator)
                              .build();
                      if (i % 2 == 0) {
                        boss.tasks().createTask(req).join();
                      } else {
                        awaited.add(boss.tasks().createTaskAndAwait(req).join().taskId());
                      }
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
          f.get(120, TimeUnit.SECONDS);
        }
        int total = (TASKS / CREATORS) * CREATORS;
        await()
            .atMost(Duration.ofSeconds(120))
            .until(() -> deliveries.values().stream().mapToInt(List::size).sum() >= total);
        List<String> all = deliveries.values().stream().flatMap(List::stream).toList();
        assertThat(all).hasSize(total).doesNotHaveDuplicates().containsAll(awaited);
        await()
            .atMost(Duration.ofSeconds(120))
            .until(
                () ->
                    observer
                            .tasks()
                            .queryTasks(
                                TaskQuery.builder()
                                    .status(TaskStatus.COMPLETED)
                                    .limit(TaskQuery.MAX_LIMIT)
                                    .build())
                            .join()
                            .tasks()
                            .size()
                        == Math.min(total, TaskQuery.MAX_LIMIT));
        Fixtures.report(
            "task-pool-contention",
            total + " tasks, " + deliveries.size() + " workers used, each task delivered once");
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
            .workspace("rel")
            .implementation("worker")
            .specifier("w" + i)
            .build();
    w.onTaskAssignment(
        t -> {
          deliveries
              .computeIfAbsent(w.identity(), k -> new CopyOnWriteArrayList<>())
              .add(t.taskId());
          w.tasks().completeTask(t.taskId());
        });
    w.connect().join();
    return w;
  }
}
