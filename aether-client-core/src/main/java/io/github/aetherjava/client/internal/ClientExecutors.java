/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Process-wide executors shared by all clients: the default callback executor (virtual threads when
 * the JVM has them, detected reflectively since we compile for Java 17; otherwise a {@link
 * CallbackPool}) and one small scheduler for timers. Timers only do cheap work (fail a future,
 * start an attempt).
 */
public final class ClientExecutors {

  private static final Executor CALLBACKS = createCallbackExecutor();
  private static final ScheduledExecutorService SCHEDULER = createScheduler();

  private ClientExecutors() {}

  /**
   * @return the default callback executor
   */
  public static Executor defaultCallbackExecutor() {
    return CALLBACKS;
  }

  /**
   * @return the shared timer
   */
  public static ScheduledExecutorService scheduler() {
    return SCHEDULER;
  }

  /**
   * @return thread limit of the default callback pool: {@code max(4, 2 x cores)}
   */
  public static int defaultCallbackThreads() {
    return Math.max(4, Runtime.getRuntime().availableProcessors() * 2);
  }

  /**
   * @return true if the default callback executor uses virtual threads
   */
  public static boolean usesVirtualThreads() {
    return !(CALLBACKS instanceof CallbackPool);
  }

  private static Executor createCallbackExecutor() {
    ExecutorService virtual = virtualThreadExecutor();
    if (virtual != null) {
      return virtual;
    }
    return new CallbackPool(
        "aether-callback-", defaultCallbackThreads(), CallbackPool.KEEP_ALIVE, Duration.ZERO);
  }

  private static @Nullable ExecutorService virtualThreadExecutor() {
    try {
      Method m = java.util.concurrent.Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
      return (ExecutorService) m.invoke(null);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null; // Java 17-20: no virtual threads
    }
  }

  private static ScheduledExecutorService createScheduler() {
    ScheduledThreadPoolExecutor s =
        new ScheduledThreadPoolExecutor(1, daemonFactory("aether-timer-"));
    s.setRemoveOnCancelPolicy(true);
    return s;
  }

  private static ThreadFactory daemonFactory(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
