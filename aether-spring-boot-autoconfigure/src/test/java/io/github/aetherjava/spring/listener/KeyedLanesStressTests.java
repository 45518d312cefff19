/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Many producers, random delays: each key keeps its order, no task is lost or runs twice. */
class KeyedLanesStressTests {

  private static final int PRODUCERS = 8;

  private static final int KEYS = 13;

  private static final int PER_PRODUCER = 2_000;

  @RepeatedTest(5)
  void orderPerKeyIsKeptAndEveryTaskRunsOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(6);
    ExecutorService producers = Executors.newFixedThreadPool(PRODUCERS);
    try {
      KeyedLanes lanes = new KeyedLanes(pool, 4);
      Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
      Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
      AtomicInteger overlaps = new AtomicInteger();
      AtomicInteger done = new AtomicInteger();
      for (int p = 0; p < PRODUCERS; p++) {
        int producer = p;
        producers.execute(
            () -> {
              for (int n = 0; n < PER_PRODUCER; n++) {
                // one key per producer and bucket, so the order of each key is defined
                String key = "p" + producer + "-k" + (n % KEYS);
                int sequence = n;
                lanes.execute(
                    key,
                    () -> {
                      AtomicInteger active =
                          running.computeIfAbsent(key, (k) -> new AtomicInteger());
                      if (active.incrementAndGet() > 1) {
                        overlaps.incrementAndGet();
                      }
                      if (ThreadLocalRandom.current().nextInt(50) == 0) {
                        Thread.yield();
                      }
                      seen.computeIfAbsent(key, (k) -> new CopyOnWriteArrayList<>()).add(sequence);
                      active.decrementAndGet();
                      done.incrementAndGet();
                    });
              }
            });
      }
      await().atMost(Duration.ofSeconds(60)).until(() -> done.get() == PRODUCERS * PER_PRODUCER);
      assertThat(overlaps).hasValue(0);
      seen.forEach(
          (key, sequence) -> {
            List<Integer> sorted = new ArrayList<>(sequence);
            sorted.sort(null);
            assertThat(sequence).as(key).isEqualTo(sorted).doesNotHaveDuplicates();
          });
    } finally {
      producers.shutdownNow();
      pool.shutdownNow();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void rejectedWorkRunsOnTheCallerInsteadOfBeingLost() {
    KeyedLanes lanes =
        new KeyedLanes(
            (task) -> {
              throw new java.util.concurrent.RejectedExecutionException("full");
            },
            2);
    List<Integer> ran = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 10; i++) {
      int n = i;
      lanes.execute("k" + (i % 3), () -> ran.add(n));
    }
    assertThat(ran).hasSize(10);
  }

  @Test
  void concurrencyBelowOneIsRefusedNamingTheArgument() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new KeyedLanes(Runnable::run, 0))
        .withMessageContaining("concurrency");
  }
}
