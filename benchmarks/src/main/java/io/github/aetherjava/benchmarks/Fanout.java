/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One broadcast to {@code ga::<workspace>} with N agents subscribed; the time until the last of
 * them has run its handler. One round at a time; the sender sits in another workspace so it does
 * not receive its own broadcast.
 */
final class Fanout {

  private Fanout() {}

  static Latency.Samples run(
      Fabric fabric, Side side, int receivers, Duration warmup, Duration measure) {
    String ws = Fabric.unique("fan");
    AtomicInteger arrived = new AtomicInteger();
    Thread waiter = Thread.currentThread();
    AtomicLong current = new AtomicLong();
    try {
      fabric.connectMany(
          side,
          ws,
          "rx",
          receivers,
          (src, h) -> {
            // Only the current round counts; the sender waits for all of them before the next
            // round.
            if (h == current.get() && arrived.incrementAndGet() == receivers) {
              LockSupport.unpark(waiter);
            }
          });
      Peer sender = fabric.connect(side, Fabric.unique("fansrc"), "tx", "a", Sink.NONE);
      String topic = "ga::" + ws;
      byte[] payload = new byte[64];
      long[] samples = new long[100_000];
      int n = 0;
      long round = 0;
      long warmEnd = System.nanoTime() + warmup.toNanos();
      long end = warmEnd + measure.toNanos();
      while (n < samples.length) {
        long t0 = System.nanoTime();
        if (t0 >= end) {
          break;
        }
        round++;
        arrived.set(0);
        current.set(round);
        Peer.putHeader(payload, round);
        sender.send(topic, payload);
        long deadline = t0 + TimeUnit.SECONDS.toNanos(10);
        while (arrived.get() < receivers) {
          LockSupport.parkNanos(1_000_000L);
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException(
                "broadcast "
                    + round
                    + " reached "
                    + arrived.get()
                    + " of "
                    + receivers
                    + " receivers in 10 s");
          }
        }
        long dt = System.nanoTime() - t0;
        if (t0 >= warmEnd) {
          samples[n++] = dt;
        }
      }
      Arrays.sort(samples, 0, n);
      return new Latency.Samples(samples, n, Double.NaN);
    } finally {
      fabric.closePeers();
    }
  }
}
