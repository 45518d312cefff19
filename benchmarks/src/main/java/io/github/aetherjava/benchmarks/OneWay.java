/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One-way agent-to-agent throughput: senders write as fast as a window of unacknowledged messages
 * allows; the receivers' handlers count and hand a credit back. The window keeps every queue on the
 * path (SDK buffer, gRPC, the gateway's per-topic log) bounded, so the number measured is sustained
 * delivery, not buffering.
 */
final class OneWay {

  private OneWay() {}

  /**
   * Delivered messages per second and the process CPU they cost.
   *
   * @param perSecond delivered messages per second over all pairs
   * @param cpuMicrosPerMessage process CPU microseconds per delivered message (sender, receiver
   *     and, when it runs in this JVM, the gateway)
   */
  record Result(double perSecond, double cpuMicrosPerMessage) {}

  /** Window of in-flight messages per pair: about 1,000 messages, at most 4 MiB. */
  static int window(int payloadBytes) {
    return (int) Math.max(16, Math.min(1000, (4L * 1024 * 1024) / Math.max(1, payloadBytes)));
  }

  /**
   * @param payloadBytes payload size
   * @param maxInFlight cap per receiver (0: none); AetherLite drops beyond its 64-frame buffer
   * @return the window for this run
   */
  static int window(int payloadBytes, int maxInFlight) {
    int w = window(payloadBytes);
    return maxInFlight > 0 ? Math.min(w, maxInFlight) : w;
  }

  /** Unpaced, with the default window. */
  static Result run(
      Fabric fabric,
      Side tx,
      Side rx,
      int pairs,
      int payloadBytes,
      Duration warmup,
      Duration measure)
      throws InterruptedException {
    return run(fabric, tx, rx, pairs, payloadBytes, warmup, measure, 0, 0);
  }

  /**
   * @param fabric gateway and transport
   * @param tx side of the senders
   * @param rx side of the receivers
   * @param pairs independent sender/receiver pairs
   * @param payloadBytes payload size
   * @param warmup warm-up time (not counted)
   * @param measure measured time
   * @param maxInFlight most messages in flight per receiver (0: the default window)
   * @param ratePerSecond messages per second per sender (0: as fast as the window allows)
   * @return delivered messages per second over all pairs, and their CPU cost
   */
  static Result run(
      Fabric fabric,
      Side tx,
      Side rx,
      int pairs,
      int payloadBytes,
      Duration warmup,
      Duration measure,
      int maxInFlight,
      int ratePerSecond)
      throws InterruptedException {
    int window = window(payloadBytes, maxInFlight);
    long period = ratePerSecond > 0 ? 1_000_000_000L / ratePerSecond : 0;
    AtomicLong received = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    List<Semaphore> credits = new ArrayList<>();
    List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    String ws = Fabric.unique("tp");
    long start = System.nanoTime();
    long measureFrom = start + warmup.toNanos();
    long end = measureFrom + measure.toNanos();
    long[] marks = new long[2];
    long[] cpu = new long[2];
    try {
      List<Peer[]> peers = new ArrayList<>();
      for (int p = 0; p < pairs; p++) {
        Semaphore c = new Semaphore(window);
        credits.add(c);
        Peer receiver =
            fabric.connect(
                rx,
                ws,
                "rx",
                "p" + p,
                (src, h) -> {
                  received.incrementAndGet();
                  c.release();
                });
        Peer sender = fabric.connect(tx, ws, "tx", "p" + p, Sink.NONE);
        peers.add(new Peer[] {sender, receiver});
      }
      long t0 = System.nanoTime();
      long shift = t0 - start;
      long mFrom = measureFrom + shift;
      long mEnd = end + shift;
      for (int p = 0; p < pairs; p++) {
        Peer sender = peers.get(p)[0];
        String target = peers.get(p)[1].topic();
        Semaphore c = credits.get(p);
        Thread t =
            new Thread(
                () -> {
                  byte[] payload = new byte[payloadBytes];
                  long next = System.nanoTime();
                  try {
                    while (System.nanoTime() < mEnd) {
                      if (period > 0) {
                        // paced: sleep until the next slot; a late sender catches up at once
                        next += period;
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                          LockSupport.parkNanos(wait);
                        }
                      }
                      if (!c.tryAcquire(10, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("no delivery for 10 s: messages were lost");
                      }
                      sender.send(target, payload);
                    }
                  } catch (Throwable e) {
                    failures.add(e);
                  }
                },
                "bench-sender-" + p);
        t.setDaemon(true);
        threads.add(t);
      }
      threads.forEach(Thread::start);
      sleepUntil(mFrom);
      marks[0] = received.get();
      cpu[0] = Cpu.processNanos();
      long m0 = System.nanoTime();
      sleepUntil(mEnd);
      marks[1] = received.get();
      cpu[1] = Cpu.processNanos();
      long m1 = System.nanoTime();
      for (Thread t : threads) {
        t.join(15_000);
      }
      if (!failures.isEmpty()) {
        throw new IllegalStateException("one-way run failed", failures.get(0));
      }
      // let the in-flight window land before the peers close, so the next run starts from an idle
      // gateway
      for (Semaphore c : credits) {
        if (c.tryAcquire(window, 10, TimeUnit.SECONDS)) {
          c.release(window);
        }
      }
      long delivered = marks[1] - marks[0];
      return new Result(delivered * 1e9 / (m1 - m0), Cpu.microsPer(cpu[0], cpu[1], delivered));
    } finally {
      fabric.closePeers();
    }
  }

  static void sleepUntil(long nanoTime) throws InterruptedException {
    long left;
    while ((left = nanoTime - System.nanoTime()) > 0) {
      TimeUnit.NANOSECONDS.sleep(Math.min(left, 50_000_000L));
    }
  }
}
