/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aetherjava.client.tunnel.TunnelCloseReason;
import io.github.aetherjava.client.tunnel.TunnelEnd;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two tunnel ends wired back to back through one ordered lane per direction (as the gateway and the
 * reading thread deliver frames), run through many random interleavings of write sizes, credit
 * windows and reader pace: every byte arrives once and in order, and no reader ever has more frames
 * waiting than the writer's window.
 */
class TunnelStreamStressTest {

  private static final int ITERATIONS = Integer.getInteger("aether.stress.iterations", 150);

  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  /** Carries one end's frames to the other end on a single lane. */
  private static final class Wire implements TunnelStream.Owner {
    final ExecutorService lane = Executors.newSingleThreadExecutor();
    @Nullable TunnelStream peer;

    @Override
    public void send(UpstreamMessage frame) {
      lane.execute(
          () -> {
            TunnelStream p = peer;
            if (p == null) {
              return;
            }
            switch (frame.getPayloadCase()) {
              case TUNNEL_DATA -> p.onData(frame.getTunnelData());
              case TUNNEL_ACK -> p.onAck(frame.getTunnelAck());
              case TUNNEL_CLOSE -> p.onClose(frame.getTunnelClose());
              default -> throw new IllegalStateException(frame.getPayloadCase().toString());
            }
          });
    }

    @Override
    public void ended(TunnelStream stream) {}

    @Override
    public @Nullable ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
      return ClientExecutors.scheduler().schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    }
  }

  private static byte[] pump(TunnelStream from, byte[] data, Random rnd) throws IOException {
    for (int off = 0; off < data.length; ) {
      int n = Math.min(data.length - off, 1 + rnd.nextInt(300_000));
      from.output().write(data, off, n);
      off += n;
    }
    from.output().close();
    return data;
  }

  private static byte[] drain(TunnelStream to, Random rnd) throws IOException {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    byte[] buf = new byte[1 + rnd.nextInt(70_000)];
    int n;
    while ((n = to.input().read(buf, 0, 1 + rnd.nextInt(buf.length))) >= 0) {
      got.write(buf, 0, n);
      if (rnd.nextInt(8) == 0) {
        Thread.yield();
      }
    }
    return got.toByteArray();
  }

  @Test
  void everyByteArrivesOnceInOrderAndNoReaderHoldsMoreThanTheWindow() throws Exception {
    for (int i = 0; i < ITERATIONS; i++) {
      Random rnd = new Random(i);
      int creditsA = 1 + rnd.nextInt(16);
      int creditsB = 1 + rnd.nextInt(16);
      Wire toB = new Wire();
      Wire toA = new Wire();
      TunnelStream a = new TunnelStream(toB, "a", creditsA, Duration.ZERO, 0, Runnable::run);
      TunnelStream b = new TunnelStream(toA, "b", creditsB, Duration.ZERO, 0, Runnable::run);
      toB.peer = b;
      toA.peer = a;
      byte[] ab = new byte[rnd.nextInt(600_000)];
      byte[] ba = new byte[rnd.nextInt(600_000)];
      rnd.nextBytes(ab);
      rnd.nextBytes(ba);
      long seed = rnd.nextLong();

      CompletableFuture<byte[]> sentAb = run(() -> pump(a, ab, new Random(seed)));
      CompletableFuture<byte[]> sentBa = run(() -> pump(b, ba, new Random(seed + 1)));
      CompletableFuture<byte[]> gotAb = run(() -> drain(b, new Random(seed + 2)));
      CompletableFuture<byte[]> gotBa = run(() -> drain(a, new Random(seed + 3)));

      assertThat(Arrays.equals(gotAb.get(30, TimeUnit.SECONDS), ab)).as("a->b #%d", i).isTrue();
      assertThat(Arrays.equals(gotBa.get(30, TimeUnit.SECONDS), ba)).as("b->a #%d", i).isTrue();
      sentAb.get(30, TimeUnit.SECONDS);
      sentBa.get(30, TimeUnit.SECONDS);
      assertThat(b.peakQueuedFrames()).isLessThanOrEqualTo(creditsA);
      assertThat(a.peakQueuedFrames()).isLessThanOrEqualTo(creditsB);
      TunnelEnd endA = a.closed().get(30, TimeUnit.SECONDS);
      TunnelEnd endB = b.closed().get(30, TimeUnit.SECONDS);
      assertThat(endA.reason()).isEqualTo(TunnelCloseReason.NORMAL);
      assertThat(endB.reason()).isEqualTo(TunnelCloseReason.NORMAL);
      toA.lane.shutdown();
      toB.lane.shutdown();
    }
  }

  @FunctionalInterface
  private interface Io<T> {
    T call() throws IOException;
  }

  private <T> CompletableFuture<T> run(Io<T> io) {
    CompletableFuture<T> f = new CompletableFuture<>();
    threads.execute(
        () -> {
          try {
            f.complete(io.call());
          } catch (IOException | RuntimeException e) {
            f.completeExceptionally(e);
          }
        });
    return f;
  }
}
