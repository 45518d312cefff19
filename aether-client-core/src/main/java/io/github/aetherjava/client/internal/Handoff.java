/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands work from SDK threads (gRPC, timers) to the callback executor of one client, and never
 * loses it: when the executor refuses a task (it throws, typically {@link
 * RejectedExecutionException} from a bounded or shut-down executor), the task runs on this client's
 * rescue thread instead, and the refusal is reported. Work is never run inline on the handing
 * thread, so a refusal can neither run user code on a transport thread nor break the stream.
 */
public final class Handoff implements Executor {

  private static final Logger LOG = LoggerFactory.getLogger(Handoff.class);

  /** Idle time after which the rescue thread ends. */
  static final Duration RESCUE_KEEP_ALIVE = Duration.ofSeconds(1);

  private final Executor delegate;
  private final Supplier<String> name;
  private final Consumer<RejectedExecutionException> onRejected;
  private final AtomicLong rejections = new AtomicLong();
  private volatile @Nullable ThreadPoolExecutor rescue;

  /**
   * @param delegate the callback executor
   * @param name names the client in logs and in the rescue thread's name (asked when needed)
   * @param onRejected told of every refusal
   */
  public Handoff(
      Executor delegate, Supplier<String> name, Consumer<RejectedExecutionException> onRejected) {
    this.delegate = delegate;
    this.name = name;
    this.onRejected = onRejected;
  }

  @Override
  public void execute(Runnable task) {
    try {
      delegate.execute(task);
    } catch (RuntimeException e) {
      RejectedExecutionException rejected =
          e instanceof RejectedExecutionException ree
              ? ree
              : new RejectedExecutionException("callback executor threw", e);
      long n = rejections.incrementAndGet();
      if (n == 1 || n % 1000 == 0) {
        LOG.warn(
            "{}: the callback executor refused a task ({} so far); it runs on the SDK's rescue"
                + " thread instead",
            name.get(),
            n,
            e);
      }
      rescue().execute(task);
      try {
        onRejected.accept(rejected);
      } catch (RuntimeException ignored) {
        // reporting must not undo the hand-off
      }
    }
  }

  /**
   * Runs a task on this client's SDK thread, never on the callback executor: for completions that
   * must not wait for it (a handler of this client may be holding its only thread).
   *
   * @return an executor of SDK threads
   */
  public Executor sdkThread() {
    return task -> rescue().execute(task);
  }

  /**
   * @return tasks the callback executor refused so far
   */
  public long rejections() {
    return rejections.get();
  }

  /**
   * @return the executor behind this hand-off
   */
  public Executor delegate() {
    return delegate;
  }

  private ThreadPoolExecutor rescue() {
    ThreadPoolExecutor r = rescue;
    if (r == null) {
      synchronized (this) {
        r = rescue;
        if (r == null) {
          // one thread, unbounded queue (order kept), ends when idle: nothing lingers after close
          r =
              new ThreadPoolExecutor(
                  0,
                  1,
                  RESCUE_KEEP_ALIVE.toNanos(),
                  TimeUnit.NANOSECONDS,
                  new LinkedBlockingQueue<>(),
                  ClientExecutors.daemonFactory("aether-rescue-" + name.get() + "-"));
          rescue = r;
        }
      }
    }
    return r;
  }
}
