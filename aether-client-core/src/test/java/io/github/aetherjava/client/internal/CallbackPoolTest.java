/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallbackPoolTest {

  private static final Duration POLL = Duration.ofNanos(100_000);

  private static CallbackPool pool(String prefix, int maxThreads, Duration maxPoll) {
    return new CallbackPool(prefix, maxThreads, CallbackPool.KEEP_ALIVE, maxPoll);
  }

  @ParameterizedTest(name = "poll {0}")
  @ValueSource(longs = {0, 100_000})
  void runsEveryTaskFromManyProducersOnPoolThreads(long pollNanos) throws Exception {
    CallbackPool pool = pool("test-pool-", 3, Duration.ofNanos(pollNanos));
    LongAdder ran = new LongAdder();
    Set<String> threadNames = ConcurrentHashMap.newKeySet();
    int producers = 4;
    int perProducer = 20_000;
    Thread[] threads = new Thread[producers];
    for (int p = 0; p < producers; p++) {
      threads[p] =
          new Thread(
              () -> {
                for (int i = 0; i < perProducer; i++) {
                  pool.execute(
                      () -> {
                        threadNames.add(Thread.currentThread().getName());
                        ran.increment();
                      });
                  if (i % 1_000 == 0) {
                    // let the pool drain and go idle now and then, so the park/wake path runs too
                    Thread.yield();
                  }
                }
              },
              "producer-" + p);
      threads[p].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> ran.sum() == (long) producers * perProducer);
    assertThat(threadNames).allMatch(n -> n.startsWith("test-pool-"));
    assertThat(pool.threadCount()).isBetween(1, 3);
  }

  @ParameterizedTest(name = "poll {0}")
  @ValueSource(longs = {0, 100_000})
  void tasksArrivingOneAtATimeAfterIdleGapsAllRun(long pollNanos) {
    // the lost-wake-up windows: each task arrives while the only worker is polling, about to park
    // or parked
    CallbackPool pool = pool("gap-pool-", 1, Duration.ofNanos(pollNanos));
    AtomicInteger ran = new AtomicInteger();
    long[] gapsNanos = {0, 1_000, 20_000, 45_000, 55_000, 200_000, 2_000_000};
    for (int i = 0; i < 3_000; i++) {
      pool.execute(ran::incrementAndGet);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (ran.get() != i + 1) {
        assertThat(System.nanoTime() - deadline).as("task %d ran within 5 s", i + 1).isNegative();
        Thread.onSpinWait();
      }
      long gapEnd = System.nanoTime() + gapsNanos[i % gapsNanos.length];
      while (System.nanoTime() - gapEnd < 0) {
        Thread.onSpinWait();
      }
    }
    assertThat(pool.threadCount()).isEqualTo(1);
  }

  @Test
  void blockedTasksDoNotStopOthersUpToTheThreadLimit() throws Exception {
    CallbackPool pool = pool("block-pool-", 3, POLL);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch blocked = new CountDownLatch(2);
    for (int i = 0; i < 2; i++) {
      pool.execute(blockUntil(blocked, release));
    }
    assertThat(blocked.await(5, TimeUnit.SECONDS)).isTrue();
    CountDownLatch third = new CountDownLatch(1);
    pool.execute(third::countDown);
    assertThat(third.await(5, TimeUnit.SECONDS)).as("the third thread runs it").isTrue();
    assertThat(pool.threadCount()).isEqualTo(3);

    // all three busy: a fourth task waits in the queue and runs when one frees up
    CountDownLatch thirdBlocked = new CountDownLatch(1);
    pool.execute(blockUntil(thirdBlocked, release));
    assertThat(thirdBlocked.await(5, TimeUnit.SECONDS)).isTrue();
    CountDownLatch queued = new CountDownLatch(1);
    pool.execute(queued::countDown);
    await()
        .during(Duration.ofMillis(200))
        .atMost(Duration.ofSeconds(2))
        .until(() -> queued.getCount() == 1);
    assertThat(pool.threadCount()).isEqualTo(3);
    release.countDown();
    assertThat(queued.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aFailingTaskIsLoggedAndTheWorkerCarriesOn() {
    CallbackPool pool = pool("fail-pool-", 1, Duration.ZERO);
    AtomicInteger ran = new AtomicInteger();
    pool.execute(
        () -> {
          throw new IllegalStateException("boom");
        });
    pool.execute(ran::incrementAndGet);
    await().atMost(Duration.ofSeconds(5)).until(() -> ran.get() == 1);
    assertThat(pool.threadCount()).isEqualTo(1);
  }

  @Test
  void idleThreadsRetireAndNewWorkStartsAThreadAgain() {
    CallbackPool pool = new CallbackPool("retire-pool-", 2, Duration.ofMillis(100), POLL);
    AtomicInteger ran = new AtomicInteger();
    pool.execute(ran::incrementAndGet);
    await().atMost(Duration.ofSeconds(5)).until(() -> ran.get() == 1);
    await().atMost(Duration.ofSeconds(5)).until(() -> pool.threadCount() == 0);
    pool.execute(ran::incrementAndGet);
    await().atMost(Duration.ofSeconds(5)).until(() -> ran.get() == 2);
  }

  @Test
  void rejectsBadSettings() {
    assertThatThrownBy(() -> pool("x", 0, POLL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxThreads");
    assertThatThrownBy(() -> new CallbackPool("x", 1, Duration.ZERO, POLL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("keepAlive");
    assertThatThrownBy(() -> pool("x", 1, Duration.ofNanos(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxPoll");
  }

  /** A task that counts {@code started} down, then waits for {@code release}. */
  private static Runnable blockUntil(CountDownLatch started, CountDownLatch release) {
    return () -> {
      started.countDown();
      awaitQuietly(release);
    };
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
