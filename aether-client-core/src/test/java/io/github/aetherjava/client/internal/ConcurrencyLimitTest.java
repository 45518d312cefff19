/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class ConcurrencyLimitTest {

  private static CallbackPool shared(String prefix) {
    return new CallbackPool(prefix, Integer.MAX_VALUE, CallbackPool.KEEP_ALIVE, Duration.ZERO);
  }

  @Test
  void runsEveryTaskOfManyProducersAndNeverMoreThanTheLimitAtOnce() throws Exception {
    CallbackPool pool = shared("limit-pool-");
    ConcurrencyLimit limit = new ConcurrencyLimit(pool, 3);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    LongAdder ran = new LongAdder();
    int producers = 4;
    int perProducer = 10_000;
    Thread[] threads = new Thread[producers];
    for (int p = 0; p < producers; p++) {
      threads[p] =
          new Thread(
              () -> {
                for (int i = 0; i < perProducer; i++) {
                  limit.execute(
                      () -> {
                        int now = running.incrementAndGet();
                        peak.accumulateAndGet(now, Math::max);
                        // hold the slot a moment: instant tasks never overlap, so a limit
                        // that let too many run would not show in the peak
                        LockSupport.parkNanos(20_000);
                        running.decrementAndGet();
                        ran.increment();
                      });
                  if (i % 500 == 0) {
                    // let the drains finish now and then, so the restart path runs too
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
    await().atMost(Duration.ofSeconds(20)).until(() -> ran.sum() == producers * perProducer);
    assertThat(peak.get()).isBetween(1, 3);
    await().atMost(Duration.ofSeconds(5)).until(() -> limit.running() == 0);
    pool.retireIdleThreads();
  }

  @Test
  void aClientWhoseTasksBlockHoldsAtMostItsLimitAndAnotherClientStillRuns() throws Exception {
    CallbackPool pool = shared("limit-iso-");
    ConcurrencyLimit blocked = new ConcurrencyLimit(pool, 2);
    ConcurrencyLimit healthy = new ConcurrencyLimit(pool, 2);
    CountDownLatch never = new CountDownLatch(1);
    AtomicInteger started = new AtomicInteger();
    try {
      for (int i = 0; i < 10; i++) {
        blocked.execute(
            () -> {
              started.incrementAndGet();
              try {
                never.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
      }
      await().atMost(Duration.ofSeconds(5)).until(() -> started.get() == 2);
      CountDownLatch done = new CountDownLatch(100);
      for (int i = 0; i < 100; i++) {
        healthy.execute(done::countDown);
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> done.getCount() == 0);
      assertThat(started.get()).isEqualTo(2);
      assertThat(blocked.running()).isEqualTo(2);
    } finally {
      never.countDown();
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> started.get() == 10);
    pool.retireIdleThreads();
    await().atMost(Duration.ofSeconds(10)).until(() -> pool.threadCount() == 0);
  }

  @Test
  void aThrowingTaskDoesNotStopTheOthers() {
    CallbackPool pool = shared("limit-throw-");
    ConcurrencyLimit limit = new ConcurrencyLimit(pool, 1);
    AtomicInteger ran = new AtomicInteger();
    limit.execute(
        () -> {
          throw new IllegalStateException("task");
        });
    limit.execute(ran::incrementAndGet);
    await().atMost(Duration.ofSeconds(5)).until(() -> ran.get() == 1);
    pool.retireIdleThreads();
  }

  @Test
  void isReleasedOnce() {
    ConcurrencyLimit limit = new ConcurrencyLimit(Runnable::run, 1);
    assertThat(limit.release()).isTrue();
    assertThat(limit.release()).isFalse();
  }

  @Test
  void rejectsALimitBelowOne() {
    assertThatThrownBy(() -> new ConcurrencyLimit(Runnable::run, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxConcurrent");
  }
}
