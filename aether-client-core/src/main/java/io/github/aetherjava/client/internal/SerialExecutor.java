/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in submission order, on a (possibly multi-threaded) executor. This is
 * the dispatcher: every handler and listener of one client goes through one instance, so they never
 * run concurrently with each other and never on a gRPC thread.
 */
public final class SerialExecutor implements Executor {

  private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

  private final Handoff delegate;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();

  /**
   * @param delegate hand-off to the executor that provides the threads
   */
  public SerialExecutor(Handoff delegate) {
    this.delegate = delegate;
  }

  @Override
  public void execute(Runnable task) {
    tasks.add(task);
    schedule();
  }

  /**
   * Queues a task without handing anything to the executor yet, so it can be called under a lock
   * (its order relative to other queued tasks is fixed here); {@link #flush()} after the lock.
   *
   * @param task the task
   */
  public void queue(Runnable task) {
    tasks.add(task);
  }

  /** Makes sure queued tasks run. */
  public void flush() {
    if (!tasks.isEmpty()) {
      schedule();
    }
  }

  /**
   * @return tasks waiting to run
   */
  public int queued() {
    return tasks.size();
  }

  private void schedule() {
    if (scheduled.compareAndSet(false, true)) {
      // a Handoff never throws and never runs the task on this thread
      delegate.execute(this::drain);
    }
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
      scheduled.set(false);
      // also after an Error escaped a task: the remaining callbacks must still run
      if (!tasks.isEmpty()) {
        schedule();
      }
    }
  }
}
