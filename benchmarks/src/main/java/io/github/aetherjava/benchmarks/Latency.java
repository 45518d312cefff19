/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Closed-loop round trips, one outstanding at a time: agent-to-agent request/reply (A sends to B,
 * B's handler answers A) and KV get. The waiting thread parks and the reply handler unparks it,
 * identically for both sides.
 */
final class Latency {

  /**
   * Round-trip times in nanoseconds, sorted, and the process CPU per round trip.
   *
   * @param sorted samples
   * @param n how many
   * @param cpuMicrosPerOp process CPU microseconds per round trip (NaN if unknown)
   */
  record Samples(long[] sorted, int n, double cpuMicrosPerOp) {
    double p(double pct) {
      return Stats.percentile(sorted, n, pct) / 1000.0;
    }
  }

  private static final int MAX_SAMPLES = 500_000;
  private static final long REPLY_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

  /**
   * Most round trips per second of the request/reply loop, 0 for no limit: a stock AetherLite
   * allows 100 messages per second per connection ({@code --rr-rate}).
   */
  static volatile int maxRoundTripsPerSecond;

  private Latency() {}

  /** A waiter the reply sink wakes up. */
  private static final class Rendezvous {
    private final Thread waiter = Thread.currentThread();
    private volatile long reply = -1;

    void deliver(long header) {
      reply = header;
      LockSupport.unpark(waiter);
    }

    void await(long expected) {
      long deadline = System.nanoTime() + REPLY_TIMEOUT_NANOS;
      while (reply != expected) {
        LockSupport.parkNanos(this, 1_000_000L);
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("no reply to request " + expected + " within 10 s");
        }
      }
    }
  }

  /**
   * Agent-to-agent request/reply with {@code payloadBytes} (at least 8) each way.
   *
   * @return sorted round-trip samples of the measured period
   */
  static Samples requestReply(
      Fabric fabric, Side side, int payloadBytes, Duration warmup, Duration measure) {
    String ws = Fabric.unique("rr");
    Rendezvous rv = new Rendezvous();
    Peer[] responder = new Peer[1];
    byte[] reply = new byte[payloadBytes];
    try {
      // The responder answers from its handler: the SDK runs it on the callback executor, the
      // baseline on the
      // gRPC thread. Replies reuse one buffer: each reply is written before the next request can
      // exist.
      responder[0] =
          fabric.connect(
              side,
              ws,
              "responder",
              "b",
              (src, h) -> {
                Peer.putHeader(reply, h);
                responder[0].send(src, reply);
              });
      Peer requester = fabric.connect(side, ws, "requester", "a", (src, h) -> rv.deliver(h));
      byte[] request = new byte[payloadBytes];
      String target = responder[0].topic();
      return loop(
          warmup,
          measure,
          maxRoundTripsPerSecond,
          seq -> {
            Peer.putHeader(request, seq);
            requester.send(target, request);
            rv.await(seq);
          });
    } finally {
      fabric.closePeers();
    }
  }

  /**
   * KV get round trips of a 64-byte value.
   *
   * @return sorted samples, or null if the gateway does not implement KV
   */
  static Samples kvGet(Fabric fabric, Side side, Duration warmup, Duration measure) {
    String ws = Fabric.unique("kv");
    try {
      Peer p = fabric.connect(side, ws, "kv", "a", Sink.NONE);
      String key = "bench-" + ws;
      p.kvPut(key, new byte[64]);
      return loop(warmup, measure, 0, seq -> p.kvGet(key));
    } finally {
      fabric.closePeers();
    }
  }

  @FunctionalInterface
  private interface Op {
    void run(long seq);
  }

  private static Samples loop(Duration warmup, Duration measure, int perSecond, Op op) {
    long gap = perSecond > 0 ? 1_000_000_000L / perSecond : 0;
    long seq = 1;
    long warmEnd = System.nanoTime() + warmup.toNanos();
    while (System.nanoTime() < warmEnd) {
      if (gap > 0) {
        LockSupport.parkNanos(gap);
      }
      op.run(seq++);
    }
    long[] samples = new long[MAX_SAMPLES];
    int n = 0;
    long cpu0 = Cpu.processNanos();
    long end = System.nanoTime() + measure.toNanos();
    while (n < MAX_SAMPLES) {
      if (gap > 0) {
        // paced (outside the measured time): the gateway's rate limit would drop requests
        LockSupport.parkNanos(gap);
      }
      long t0 = System.nanoTime();
      if (t0 >= end) {
        break;
      }
      op.run(seq++);
      samples[n++] = System.nanoTime() - t0;
    }
    long cpu1 = Cpu.processNanos();
    Arrays.sort(samples, 0, n);
    return new Samples(samples, n, Cpu.microsPer(cpu0, cpu1, n));
  }
}
