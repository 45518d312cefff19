/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Hand-offs to an executor that refuses work are never lost and never run on the caller. */
class HandoffTest {

  @Test
  void everyTaskRunsExactlyOnceOffTheCallingThreadWhateverTheExecutorRefuses() throws Exception {
    ThreadPoolExecutor tiny =
        new ThreadPoolExecutor(
            1,
            2,
            1,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(4),
            new ThreadPoolExecutor.AbortPolicy());
    AtomicLong reported = new AtomicLong();
    Handoff handoff = new Handoff(tiny, () -> "stress", e -> reported.incrementAndGet());
    int producers = 8;
    int perProducer = 2_000;
    ConcurrentHashMap<Integer, Integer> runs = new ConcurrentHashMap<>();
    AtomicInteger onCaller = new AtomicInteger();
    ExecutorService callers = Executors.newFixedThreadPool(producers);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    try {
      for (int p = 0; p < producers; p++) {
        int base = p * perProducer;
        done.add(
            callers.submit(
                () -> {
                  go.await();
                  Thread caller = Thread.currentThread();
                  for (int i = 0; i < perProducer; i++) {
                    int id = base + i;
                    handoff.execute(
                        () -> {
                          if (Thread.currentThread() == caller) {
                            onCaller.incrementAndGet();
                          }
                          runs.merge(id, 1, Integer::sum);
                        });
                  }
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get(30, TimeUnit.SECONDS);
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> runs.size() == producers * perProducer);
      assertThat(runs.values()).allMatch(n -> n == 1);
      assertThat(onCaller.get()).isZero();
      assertThat(handoff.rejections()).isPositive().isEqualTo(reported.get());
    } finally {
      callers.shutdownNow();
      tiny.shutdownNow();
    }
  }

  @Test
  void aShutDownExecutorHandsEverythingToTheRescueThreadInOrder() {
    ExecutorService shut = Executors.newSingleThreadExecutor();
    shut.shutdown();
    Handoff handoff = new Handoff(shut, () -> "shut", e -> {});
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      int n = i;
      handoff.execute(
          () -> {
            synchronized (order) {
              order.add(n);
            }
          });
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              synchronized (order) {
                return order.size() == 1000;
              }
            });
    synchronized (order) {
      assertThat(order).isSorted();
    }
    assertThat(handoff.rejections()).isEqualTo(1000);
  }

  @Test
  void anExecutorThatThrowsSomethingElseIsTreatedAsARefusal() {
    List<RejectedExecutionException> reported = new java.util.concurrent.CopyOnWriteArrayList<>();
    Handoff handoff =
        new Handoff(
            r -> {
              throw new IllegalStateException("broken executor");
            },
            () -> "broken",
            reported::add);
    AtomicInteger ran = new AtomicInteger();
    handoff.execute(ran::incrementAndGet);
    await().atMost(Duration.ofSeconds(10)).until(() -> ran.get() == 1 && !reported.isEmpty());
    assertThat(reported)
        .singleElement()
        .satisfies(e -> assertThat(e).hasCauseInstanceOf(IllegalStateException.class));
  }
}
