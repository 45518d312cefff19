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

/**
 * One-way agent-to-agent throughput: senders write as fast as a window of unacknowledged messages
 * allows; the receivers' handlers count and hand a credit back. The window keeps every queue on the
 * path (SDK buffer, gRPC, the gateway's per-topic log) bounded, so the number measured is sustained
 * delivery, not buffering.
 */
final class OneWay {

  private OneWay() {}

  /** Window of in-flight messages per pair: about 1,000 messages, at most 4 MiB. */
  static int window(int payloadBytes) {
    return (int) Math.max(16, Math.min(1000, (4L * 1024 * 1024) / Math.max(1, payloadBytes)));
  }

  /**
   * @param fabric gateway and transport
   * @param tx side of the senders
   * @param rx side of the receivers
   * @param pairs independent sender/receiver pairs
   * @param payloadBytes payload size
   * @param warmup warm-up time (not counted)
   * @param measure measured time
   * @return delivered messages per second over all pairs
   */
  static double run(
      Fabric fabric,
      Side tx,
      Side rx,
      int pairs,
      int payloadBytes,
      Duration warmup,
      Duration measure)
      throws InterruptedException {
    int window = window(payloadBytes);
    AtomicLong received = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    List<Semaphore> credits = new ArrayList<>();
    List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    String ws = Fabric.unique("tp");
    long start = System.nanoTime();
    long measureFrom = start + warmup.toNanos();
    long end = measureFrom + measure.toNanos();
    long[] marks = new long[2];
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
                  try {
                    while (System.nanoTime() < mEnd) {
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
      long m0 = System.nanoTime();
      sleepUntil(mEnd);
      marks[1] = received.get();
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
      return (marks[1] - marks[0]) * 1e9 / (m1 - m0);
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
