/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.listener;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A fixed number of serial lanes over one shared executor: tasks with the same key run one at a
 * time in submission order, tasks with different keys may run in parallel (up to the number of
 * lanes).
 */
final class KeyedLanes {

  private static final Log logger = LogFactory.getLog(KeyedLanes.class);

  private final Lane[] lanes;

  KeyedLanes(Executor executor, int concurrency) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
    }
    this.lanes = new Lane[concurrency];
    for (int i = 0; i < concurrency; i++) {
      this.lanes[i] = new Lane(executor);
    }
  }

  int concurrency() {
    return this.lanes.length;
  }

  void execute(Object key, Runnable task) {
    this.lanes[Math.floorMod(key.hashCode(), this.lanes.length)].execute(task);
  }

  private static final class Lane implements Executor {

    private final Executor executor;

    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();

    private final AtomicBoolean scheduled = new AtomicBoolean();

    Lane(Executor executor) {
      this.executor = executor;
    }

    @Override
    public void execute(Runnable task) {
      this.tasks.add(task);
      schedule();
    }

    private void schedule() {
      if (this.scheduled.compareAndSet(false, true)) {
        try {
          this.executor.execute(this::drain);
        } catch (RejectedExecutionException ex) {
          // A full or shut-down executor must not lose listener work: run it on this thread.
          logger.warn("Aether listener executor rejected a task; running it on the caller", ex);
          drain();
        }
      }
    }

    private void drain() {
      try {
        Runnable task;
        while ((task = this.tasks.poll()) != null) {
          try {
            task.run();
          } catch (RuntimeException ex) {
            logger.error("Aether listener task failed", ex);
          }
        }
      } finally {
        this.scheduled.set(false);
        if (!this.tasks.isEmpty()) {
          schedule();
        }
      }
    }
  }
}
