/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's share of a shared pool: at most {@code maxConcurrent} of its tasks run at once, the
 * rest wait in its own queue. An idle client holds no thread, and a client whose tasks block holds
 * at most {@code maxConcurrent} threads, so it cannot take the threads other clients need (the pool
 * behind it grows when every thread is busy).
 */
final class ConcurrencyLimit implements Executor {

  private static final Logger LOG = LoggerFactory.getLogger(ConcurrencyLimit.class);

  private final Executor pool;
  private final int maxConcurrent;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicBoolean released = new AtomicBoolean();

  /**
   * @param pool the shared threads
   * @param maxConcurrent most tasks of this client running at once (at least 1)
   */
  ConcurrencyLimit(Executor pool, int maxConcurrent) {
    if (maxConcurrent < 1) {
      throw new IllegalArgumentException("maxConcurrent must be >= 1, was " + maxConcurrent);
    }
    this.pool = pool;
    this.maxConcurrent = maxConcurrent;
  }

  @Override
  public void execute(Runnable task) {
    tasks.add(task);
    startDrain();
  }

  /**
   * @return true the first time only: the owning client has closed (tasks still run afterwards)
   */
  boolean release() {
    return released.compareAndSet(false, true);
  }

  /**
   * @return tasks of this client running now
   */
  int running() {
    return running.get();
  }

  private void startDrain() {
    int n;
    while ((n = running.get()) < maxConcurrent) {
      if (running.compareAndSet(n, n + 1)) {
        try {
          pool.execute(this::drain);
        } catch (RuntimeException e) {
          running.decrementAndGet();
          throw e;
        }
        return;
      }
    }
    // the limit is reached: a running drain takes the task when it is done with its current one
  }

  private void drain() {
    try {
      Runnable r;
      while ((r = tasks.poll()) != null) {
        try {
          r.run();
        } catch (RuntimeException e) {
          LOG.warn("callback task failed", e);
        }
      }
    } finally {
      running.decrementAndGet();
      // a task added after the last poll found the limit reached and started nothing
      if (!tasks.isEmpty()) {
        startDrain();
      }
    }
  }
}
