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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Threads of the SDK. The default callback executor is per client: virtual threads when the JVM has
 * them (detected reflectively since we compile for Java 17), otherwise the client's share of one
 * shared {@link CallbackPool}: at most {@code max(4, 2 x cores)} tasks of one client run at once,
 * and the pool starts a thread whenever none is idle, so blocked handlers of one client never take
 * the threads of another, and an idle client holds no thread at all (10,000 idle clients need no
 * thread each). Timers share one scheduler thread that ends when no timer is pending; timers only
 * do cheap SDK work (fail a future, start an attempt, cancel a call). No SDK thread outlives its
 * use: once the last client has released its executor, idle pool threads end.
 */
public final class ClientExecutors {

  /** Idle time after which the timer thread ends. */
  static final Duration TIMER_KEEP_ALIVE = Duration.ofSeconds(1);

  private static final @Nullable Method VIRTUAL = virtualThreadFactoryMethod();
  private static final ScheduledExecutorService SCHEDULER = createScheduler();
  private static final CallbackPool SHARED =
      new CallbackPool(
          "aether-callback-", Integer.MAX_VALUE, CallbackPool.KEEP_ALIVE, Duration.ZERO);
  private static final Object CLIENTS_LOCK = new Object();
  // guarded by CLIENTS_LOCK
  private static int clients;

  private ClientExecutors() {}

  /**
   * A default callback executor for one client; {@link #release(Executor)} it when the client has
   * closed.
   *
   * @return virtual threads on Java 21+, else this client's share of the shared pool
   */
  public static Executor newDefaultCallbackExecutor() {
    ExecutorService virtual = virtualThreadExecutor();
    if (virtual != null) {
      return virtual;
    }
    synchronized (CLIENTS_LOCK) {
      if (clients++ == 0) {
        SHARED.keepIdleThreads();
      }
    }
    return new ConcurrencyLimit(SHARED, defaultCallbackThreads());
  }

  /**
   * Lets the threads of a default callback executor end once idle. Work handed to it afterwards
   * still runs.
   *
   * @param executor an executor from {@link #newDefaultCallbackExecutor()}
   */
  public static void release(Executor executor) {
    if (executor instanceof ConcurrencyLimit limit && limit.release()) {
      synchronized (CLIENTS_LOCK) {
        if (--clients == 0) {
          SHARED.retireIdleThreads();
        }
      }
    }
    // a virtual-thread-per-task executor holds no threads while idle
  }

  /**
   * @return the shared timer
   */
  public static ScheduledExecutorService scheduler() {
    return SCHEDULER;
  }

  /**
   * @return most tasks of one client that its default callback executor runs at once: {@code max(4,
   *     2 x cores)}
   */
  public static int defaultCallbackThreads() {
    return Math.max(4, Runtime.getRuntime().availableProcessors() * 2);
  }

  /**
   * @return true if the default callback executor uses virtual threads
   */
  public static boolean usesVirtualThreads() {
    return VIRTUAL != null;
  }

  private static @Nullable Method virtualThreadFactoryMethod() {
    try {
      return java.util.concurrent.Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null; // Java 17-20: no virtual threads
    }
  }

  private static @Nullable ExecutorService virtualThreadExecutor() {
    Method m = VIRTUAL;
    if (m == null) {
      return null;
    }
    try {
      return (ExecutorService) m.invoke(null);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static ScheduledExecutorService createScheduler() {
    ScheduledThreadPoolExecutor s =
        new ScheduledThreadPoolExecutor(1, daemonFactory("aether-timer-"));
    s.setRemoveOnCancelPolicy(true);
    // the single thread stays while a timer is queued and ends TIMER_KEEP_ALIVE after the last one
    s.setKeepAliveTime(TIMER_KEEP_ALIVE.toNanos(), TimeUnit.NANOSECONDS);
    s.allowCoreThreadTimeOut(true);
    return s;
  }

  /**
   * @param prefix thread name prefix
   * @return a factory of daemon threads named {@code prefix + n}
   */
  static ThreadFactory daemonFactory(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
