/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Producer (the reading thread), reader and closer racing on a streamed proxy body, many times with
 * random chunking, demand and timing: the reader sees every byte in order or a failure, never a
 * hang, never more items than it asked for.
 */
class ProxyBodyStreamStressTest {

  private static final int ITERATIONS = Integer.getInteger("aether.stress.iterations", 300);

  private final ExecutorService pool = Executors.newFixedThreadPool(4);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private static byte[] payload(int chunks, int[] sizes) {
    int total = 0;
    for (int i = 0; i < chunks; i++) {
      total += sizes[i];
    }
    byte[] all = new byte[total];
    ThreadLocalRandom.current().nextBytes(all);
    return all;
  }

  /** Offers the payload in the given chunks, yielding at random, then ends or fails. */
  private static void produce(ProxyBodyStream s, byte[] all, int[] sizes, boolean fail) {
    int off = 0;
    for (int size : sizes) {
      s.offer(ByteBuffer.wrap(all, off, size).slice());
      off += size;
      if (ThreadLocalRandom.current().nextInt(4) == 0) {
        Thread.yield();
      }
    }
    if (fail) {
      s.fail(new IllegalStateException("mid-stream failure"));
    } else {
      s.end();
    }
  }

  private static int[] sizes(int chunks) {
    int[] sizes = new int[chunks];
    for (int i = 0; i < chunks; i++) {
      sizes[i] = ThreadLocalRandom.current().nextInt(0, 2048);
    }
    return sizes;
  }

  @Test
  void inputStreamReaderSeesEveryByteInOrderOrTheFailure() throws Exception {
    for (int i = 0; i < ITERATIONS; i++) {
      int[] sizes = sizes(ThreadLocalRandom.current().nextInt(1, 20));
      byte[] all = payload(sizes.length, sizes);
      boolean fail = ThreadLocalRandom.current().nextBoolean();
      ProxyBodyStream s = new ProxyBodyStream(200, Map.of(), 1 << 20, pool, () -> {});
      InputStream in = s.body();
      CompletableFuture<byte[]> read =
          CompletableFuture.supplyAsync(
              () -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buf = new byte[1 + ThreadLocalRandom.current().nextInt(3000)];
                try {
                  int n;
                  while ((n = in.read(buf)) >= 0) {
                    out.write(buf, 0, n);
                  }
                  return out.toByteArray();
                } catch (IOException e) {
                  // what arrived before the failure must still be an in-order prefix
                  byte[] got = out.toByteArray();
                  for (int k = 0; k < got.length; k++) {
                    if (got[k] != all[k]) {
                      throw new AssertionError("byte " + k + " out of order");
                    }
                  }
                  return null;
                }
              },
              pool);
      pool.execute(() -> produce(s, all, sizes, fail));
      byte[] got = read.get(10, TimeUnit.SECONDS);
      if (fail) {
        assertThat(got).as("iteration %d", i).isNull();
      } else {
        assertThat(got).as("iteration %d", i).isEqualTo(all);
      }
    }
  }

  @Test
  void closingWhileReadingNeverHangsTheReader() throws Exception {
    for (int i = 0; i < ITERATIONS; i++) {
      int[] sizes = sizes(ThreadLocalRandom.current().nextInt(1, 20));
      byte[] all = payload(sizes.length, sizes);
      AtomicBoolean closedHook = new AtomicBoolean();
      ProxyBodyStream s =
          new ProxyBodyStream(200, Map.of(), 1 << 20, pool, () -> closedHook.set(true));
      InputStream in = s.body();
      CompletableFuture<Void> read =
          CompletableFuture.runAsync(
              () -> {
                try {
                  in.readAllBytes();
                } catch (IOException e) {
                  // closed under the reader: expected in some interleavings
                }
              },
              pool);
      pool.execute(() -> produce(s, all, sizes, false));
      CompletableFuture<Void> close = CompletableFuture.runAsync(s::close, pool);
      read.get(10, TimeUnit.SECONDS);
      close.get(10, TimeUnit.SECONDS);
      assertThat(closedHook).isTrue();
    }
  }

  @Test
  void publisherDeliversInOrderNeverBeyondDemand() throws Exception {
    for (int i = 0; i < ITERATIONS; i++) {
      int[] sizes = sizes(ThreadLocalRandom.current().nextInt(1, 30));
      byte[] all = payload(sizes.length, sizes);
      boolean fail = ThreadLocalRandom.current().nextInt(3) == 0;
      ProxyBodyStream s = new ProxyBodyStream(200, Map.of(), 1 << 20, pool, () -> {});
      CompletableFuture<byte[]> done = new CompletableFuture<>();
      AtomicLong outstanding = new AtomicLong();
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      s.publisher()
          .subscribe(
              new Flow.Subscriber<ByteBuffer>() {
                private Flow.Subscription sub;

                private void ask() {
                  long n = 1 + ThreadLocalRandom.current().nextInt(3);
                  outstanding.addAndGet(n);
                  // demand from another thread at times, as reactive code does
                  if (ThreadLocalRandom.current().nextBoolean()) {
                    pool.execute(() -> sub.request(n));
                  } else {
                    sub.request(n);
                  }
                }

                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                  sub = subscription;
                  ask();
                }

                @Override
                public void onNext(ByteBuffer item) {
                  if (outstanding.decrementAndGet() < 0) {
                    done.completeExceptionally(new AssertionError("item beyond demand"));
                  }
                  byte[] b = new byte[item.remaining()];
                  item.get(b);
                  synchronized (got) {
                    got.writeBytes(b);
                  }
                  if (outstanding.get() == 0) {
                    ask();
                  }
                }

                @Override
                public void onError(Throwable t) {
                  done.complete(null);
                }

                @Override
                public void onComplete() {
                  synchronized (got) {
                    done.complete(got.toByteArray());
                  }
                }
              });
      pool.execute(() -> produce(s, all, sizes, fail));
      byte[] result = done.get(10, TimeUnit.SECONDS);
      if (fail) {
        assertThat(result).as("iteration %d", i).isNull();
      } else {
        assertThat(result).as("iteration %d", i).isEqualTo(all);
      }
    }
  }

  @Test
  void aReaderTooFarBehindIsRefusedInsteadOfBuffered() {
    ProxyBodyStream s = new ProxyBodyStream(200, Map.of(), 1024, pool, () -> {});
    assertThat(s.offer(ByteBuffer.allocate(1000))).isTrue();
    assertThat(s.offer(ByteBuffer.allocate(100))).isFalse();
  }
}
