/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
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

  private final Executor delegate;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();

  /**
   * @param delegate executor that provides the threads
   */
  public SerialExecutor(Executor delegate) {
    this.delegate = delegate;
  }

  @Override
  public void execute(Runnable task) {
    tasks.add(task);
    schedule();
  }

  /**
   * @return tasks waiting to run
   */
  public int queued() {
    return tasks.size();
  }

  private void schedule() {
    if (scheduled.compareAndSet(false, true)) {
      try {
        delegate.execute(this::drain);
      } catch (RejectedExecutionException e) {
        // the user's executor was shut down: run inline rather than lose callbacks
        LOG.warn("callback executor rejected a task; running handlers inline", e);
        drain();
      }
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
