/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.benchmarks.jmh;

import io.github.aetherjava.benchmarks.Fabric;
import io.github.aetherjava.benchmarks.Peer;
import io.github.aetherjava.benchmarks.Side;
import io.github.aetherjava.benchmarks.Transport;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Agent-to-agent request/reply round trip (64 B each way), one outstanding request; the responder
 * answers from its message handler. Sample-time mode gives the percentiles.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RequestReplyBenchmark {

  /** {@code raw} or {@code sdk} (both agents). */
  @Param({"raw", "sdk"})
  public String side;

  /** {@code inproc} or {@code tcp}. */
  @Param({"inproc", "tcp"})
  public String transport;

  private Fabric fabric;
  private Peer requester;
  private String target;
  private final byte[] request = new byte[64];
  private final byte[] reply = new byte[64];
  private volatile long lastReply;
  private volatile Thread waiter;
  private long seq;

  /** Starts the gateway and connects the two agents. */
  @Setup(Level.Trial)
  public void setUp() {
    fabric = Fabric.start(Transport.valueOf(transport.toUpperCase(Locale.ROOT)));
    Side s = Side.valueOf(side.toUpperCase(Locale.ROOT));
    Peer[] responder = new Peer[1];
    responder[0] =
        fabric.connect(
            s,
            "jmh",
            "responder",
            Fabric.unique("b"),
            (src, h) -> {
              Peer.putHeader(reply, h);
              responder[0].send(src, reply);
            });
    requester =
        fabric.connect(
            s,
            "jmh",
            "requester",
            Fabric.unique("a"),
            (src, h) -> {
              lastReply = h;
              Thread w = waiter;
              if (w != null) {
                LockSupport.unpark(w);
              }
            });
    target = responder[0].topic();
  }

  /** Stops everything. */
  @TearDown(Level.Trial)
  public void tearDown() {
    fabric.close();
  }

  /**
   * One round trip.
   *
   * @return the reply's sequence number
   */
  @Benchmark
  public long roundTrip() {
    long s = ++seq;
    waiter = Thread.currentThread();
    Peer.putHeader(request, s);
    requester.send(target, request);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (lastReply != s) {
      LockSupport.parkNanos(1_000_000L);
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no reply within 10 s");
      }
    }
    return s;
  }
}
