/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded pool of daemon threads, created on demand, that retire after a keep-alive time without
 * work. It is the default callback executor on JVMs without virtual threads, and, with polling
 * switched on, the low-latency executor of {@link
 * io.github.aetherjava.client.CallbackExecutors#polling()}.
 *
 * <p>A producer hands a parked worker its task with one {@code unpark} (no queue lock, no
 * condition). That wake-up still costs about 10 µs, which request/reply traffic pays on every
 * hand-off. With a poll limit, one idle worker at a time keeps polling the queue for up to that
 * long before it parks, yielding its core between polls, so a task that arrives soon after the
 * previous one finished starts at once. Polling adapts: it stops early when a yield comes back late
 * (other threads needed the core) and halves, down to {@link #MIN_POLL}, each time it was wasted.
 * It is off by default because it costs throughput: measured on 2 cores, a polling worker takes
 * every message as it comes instead of in batches, and one-way throughput of small messages halves.
 */
public final class CallbackPool implements Executor {

  /** Shortest poll once polling has stopped paying off. */
  public static final Duration MIN_POLL = Duration.ofNanos(1_000);

  /** Idle time after which a worker thread ends. */
  public static final Duration KEEP_ALIVE = Duration.ofSeconds(60);

  private static final Logger LOG = LoggerFactory.getLogger(CallbackPool.class);
  private static final long MIN_POLL_NANOS = MIN_POLL.toNanos();

  /**
   * A yield that takes longer than this means another thread ran on this core: the machine is busy.
   */
  private static final long CONTENDED_YIELD_NANOS = 20_000;

  private final String namePrefix;
  private final int maxThreads;
  private final long keepAliveNanos;
  private final long maxPollNanos;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final Queue<Thread> parked = new ConcurrentLinkedQueue<>();
  private final AtomicInteger threads = new AtomicInteger();
  private final AtomicInteger spinning = new AtomicInteger();
  private final AtomicInteger names = new AtomicInteger();
  private volatile boolean retiring;

  /**
   * @param namePrefix thread name prefix
   * @param maxThreads most threads at once
   * @param keepAlive idle time after which a worker thread ends
   * @param maxPoll longest an idle worker polls for new work before it parks; zero parks at once
   */
  public CallbackPool(String namePrefix, int maxThreads, Duration keepAlive, Duration maxPoll) {
    if (maxThreads < 1) {
      throw new IllegalArgumentException("maxThreads must be >= 1, was " + maxThreads);
    }
    if (keepAlive.isNegative() || keepAlive.isZero()) {
      throw new IllegalArgumentException("keepAlive must be positive, was " + keepAlive);
    }
    if (maxPoll.isNegative()) {
      throw new IllegalArgumentException("maxPoll must not be negative, was " + maxPoll);
    }
    this.namePrefix = namePrefix;
    this.maxThreads = maxThreads;
    this.keepAliveNanos = keepAlive.toNanos();
    this.maxPollNanos = maxPoll.toNanos();
  }

  @Override
  public void execute(Runnable task) {
    tasks.add(task);
    // a polling worker will see the task; only otherwise does it need a thread woken or started
    if (spinning.get() == 0) {
      wakeOrStart();
    }
  }

  /**
   * Lets every worker end as soon as it finds no work (instead of after the keep-alive time). Tasks
   * submitted later still run, on a thread started for them that ends once it is idle again.
   */
  public void retireIdleThreads() {
    retiring = true;
    Thread t;
    while ((t = parked.poll()) != null) {
      LockSupport.unpark(t);
    }
  }

  /**
   * Undoes {@link #retireIdleThreads()}: idle workers wait for work for the keep-alive time again.
   */
  public void keepIdleThreads() {
    retiring = false;
  }

  /**
   * @return live worker threads
   */
  public int threadCount() {
    return threads.get();
  }

  private void wakeOrStart() {
    Thread idle = parked.poll();
    if (idle != null) {
      LockSupport.unpark(idle);
      return;
    }
    int n;
    while ((n = threads.get()) < maxThreads) {
      if (threads.compareAndSet(n, n + 1)) {
        Thread t = new Thread(this::work, namePrefix + names.incrementAndGet());
        t.setDaemon(true);
        t.start();
        return;
      }
    }
    // every thread is busy: the first to finish takes the task from the queue
  }

  private void work() {
    Worker me = new Worker();
    try {
      me.run();
    } finally {
      threads.decrementAndGet();
      if (!tasks.isEmpty()) {
        // retired or died of an Error while a producer found no thread to wake: hand the queue on
        wakeOrStart();
      }
    }
  }

  /** One worker thread's loop and its adaptive poll limit. */
  private final class Worker {
    private long spin = maxPollNanos;
    private boolean contended;

    void run() {
      while (true) {
        Runnable task = tasks.poll();
        if (task == null) {
          long idleSince = System.nanoTime();
          task = spin > 0 ? poll(spin) : null;
          if (task == null) {
            task = park();
            if (task == null) {
              return; // kept alive long enough without work
            }
          }
          adapt(System.nanoTime() - idleSince);
        }
        CallbackPool.run(task);
      }
    }

    /**
     * Polling pays off when the task came within the poll limit and the core had nothing else to
     * do.
     */
    private void adapt(long idleNanos) {
      if (maxPollNanos > 0) {
        spin =
            !contended && idleNanos <= maxPollNanos
                ? maxPollNanos
                : Math.min(maxPollNanos, Math.max(MIN_POLL_NANOS, spin / 2));
      }
    }

    /**
     * Polls the queue for up to {@code nanos}, yielding between polls. Gives up early when a yield
     * came back late: other threads were waiting for this core, and polling would slow down the
     * very threads that produce the work.
     */
    private @Nullable Runnable poll(long nanos) {
      contended = false;
      // one poller is enough to catch the next task; more would only burn CPU
      if (!spinning.compareAndSet(0, 1)) {
        return null;
      }
      Runnable task;
      try {
        long now = System.nanoTime();
        long deadline = now + nanos;
        while ((task = tasks.poll()) == null && now - deadline < 0) {
          Thread.yield();
          long after = System.nanoTime();
          if (after - now > CONTENDED_YIELD_NANOS) {
            contended = true;
            break;
          }
          now = after;
        }
      } finally {
        spinning.decrementAndGet();
      }
      if (task != null && !tasks.isEmpty()) {
        // tasks that arrived while we polled woke nobody: pass the rest on
        wakeOrStart();
      }
      return task;
    }
  }

  /**
   * @return the next task, or null if none came within the keep-alive time (the thread then ends)
   */
  private @Nullable Runnable park() {
    Thread me = Thread.currentThread();
    long deadline = System.nanoTime() + keepAliveNanos;
    while (true) {
      if (retiring) {
        return tasks.poll();
      }
      parked.add(me);
      // a task added after our last poll, by a producer that saw us polling, woke nobody: look
      // again
      Runnable task = tasks.poll();
      if (task != null || retiring) {
        parked.remove(me);
        return task;
      }
      LockSupport.parkNanos(this, deadline - System.nanoTime());
      boolean claimed = !parked.remove(me); // a producer took us off the list: it has work for us
      task = tasks.poll();
      if (task != null) {
        return task;
      }
      if (!claimed && System.nanoTime() - deadline >= 0) {
        return null;
      }
    }
  }

  private static void run(Runnable task) {
    try {
      task.run();
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      LOG.warn("callback task failed", e);
    }
  }

  @Override
  public String toString() {
    return "CallbackPool[" + namePrefix + ", threads=" + threads.get() + "/" + maxThreads + "]";
  }
}
