/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.benchmarks.jmh;

import io.github.aetherjava.benchmarks.Fabric;
import io.github.aetherjava.benchmarks.Peer;
import io.github.aetherjava.benchmarks.Side;
import io.github.aetherjava.benchmarks.Sink;
import io.github.aetherjava.benchmarks.Transport;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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
 * One-way agent-to-agent messages through the embedded gateway; one operation is one message sent
 * and (within a bounded window) delivered to the receiver's handler. With {@code -prof gc}, {@code
 * gc.alloc.rate.norm} is the bytes the whole JVM (sender, gateway, receiver) allocates per message;
 * the gateway's share is the same for every {@code path}, so {@code sdkSend - raw} is the SDK send
 * path and {@code sdkReceive - raw} the SDK receive path.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class MessagingBenchmark {

  /** Sender side and receiver side: raw/raw, sdk/sdk, sdk/raw, raw/sdk. */
  @Param({"raw", "sdk", "sdkSend", "sdkReceive"})
  public String path;

  /** Payload bytes. */
  @Param({"64", "1024", "65536"})
  public int size;

  /** {@code inproc} or {@code tcp}. */
  @Param({"inproc"})
  public String transport;

  private Fabric fabric;
  private Peer sender;
  private String target;
  private byte[] payload;
  private Semaphore credits;
  private int window;

  /** Starts the gateway and connects the two agents. */
  @Setup(Level.Trial)
  public void setUp() {
    fabric = Fabric.start(Transport.valueOf(transport.toUpperCase(Locale.ROOT)));
    Side tx = path.equals("sdk") || path.equals("sdkSend") ? Side.SDK : Side.RAW;
    Side rx = path.equals("sdk") || path.equals("sdkReceive") ? Side.SDK : Side.RAW;
    window = Math.max(16, Math.min(1000, (4 * 1024 * 1024) / size));
    Semaphore c = new Semaphore(window);
    credits = c;
    Peer receiver = fabric.connect(rx, "jmh", "rx", Fabric.unique("r"), (src, h) -> c.release());
    sender = fabric.connect(tx, "jmh", "tx", Fabric.unique("s"), Sink.NONE);
    target = receiver.topic();
    payload = new byte[size];
  }

  /** Lets the window drain, then stops everything. */
  @TearDown(Level.Trial)
  public void tearDown() throws InterruptedException {
    credits.tryAcquire(window, 10, TimeUnit.SECONDS);
    fabric.close();
  }

  /**
   * Sends one message once the window has room.
   *
   * @throws InterruptedException if interrupted
   */
  @Benchmark
  public void oneWay() throws InterruptedException {
    if (!credits.tryAcquire(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("no delivery for 10 s");
    }
    sender.send(target, payload);
  }
}
