/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import com.google.protobuf.UnsafeByteOperations;
import io.github.aetherjava.proto.v1.ProxyHttpBodyChunk;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Sends a body as {@code ProxyHttpBodyChunk}s of at most {@link #CHUNK_BYTES}, keeping at most
 * {@link #WINDOW} chunks queued but unwritten so a large body never fills the outbound buffer.
 */
final class ProxyChunks {

  /** Largest inline body and largest chunk: exactly this much still goes inline. */
  static final int CHUNK_BYTES = 256 * 1024;

  /** Chunks queued ahead of the transport. */
  static final int WINDOW = 8;

  /** How long a streamed reply waits for the transport to take a chunk before giving up. */
  private static final long WRITE_STALL_SECONDS = 60;

  private ProxyChunks() {}

  private static UpstreamMessage chunk(
      String id, boolean isRequest, int seq, byte[] data, int off, int len, boolean fin) {
    return UpstreamMessage.newBuilder()
        .setProxyHttpBodyChunk(
            ProxyHttpBodyChunk.newBuilder()
                .setRequestId(id)
                .setIsRequest(isRequest)
                .setSeq(seq)
                .setData(UnsafeByteOperations.unsafeWrap(data, off, len))
                .setFin(fin))
        .build();
  }

  /**
   * Sends {@code body} without blocking: further chunks are queued from the timer thread as earlier
   * ones are written.
   *
   * @param body owned by the caller and never modified afterwards
   * @param cancelled checked before each chunk
   * @param onFailed told if a chunk cannot be queued
   */
  static void sendAsync(
      ClientCore core,
      String id,
      boolean isRequest,
      byte[] body,
      BooleanSupplier cancelled,
      Consumer<Throwable> onFailed) {
    new AsyncSender(core, id, isRequest, body, cancelled, onFailed).pump();
  }

  /** Queues chunks while fewer than {@link #WINDOW} wait; each write queues the next ones. */
  private static final class AsyncSender {
    private final ClientCore core;
    private final String id;
    private final boolean isRequest;
    private final byte[] body;
    private final BooleanSupplier cancelled;
    private final Consumer<Throwable> onFailed;
    private final AtomicInteger outstanding = new AtomicInteger();
    private final AtomicBoolean pumping = new AtomicBoolean();
    // written only by the thread holding the pumping flag; read by pump() after releasing it
    private volatile int offset;
    private int seq;

    AsyncSender(
        ClientCore core,
        String id,
        boolean isRequest,
        byte[] body,
        BooleanSupplier cancelled,
        Consumer<Throwable> onFailed) {
      this.core = core;
      this.id = id;
      this.isRequest = isRequest;
      this.body = body;
      this.cancelled = cancelled;
      this.onFailed = onFailed;
    }

    void pump() {
      do {
        if (!pumping.compareAndSet(false, true)) {
          return;
        }
        try {
          fill();
        } finally {
          pumping.set(false);
        }
        // a write may have finished between the last check and releasing the flag
      } while (offset < body.length && outstanding.get() < WINDOW);
    }

    private void fill() {
      while (offset < body.length && outstanding.get() < WINDOW) {
        if (cancelled.getAsBoolean()) {
          offset = body.length;
          return;
        }
        int len = Math.min(CHUNK_BYTES, body.length - offset);
        boolean fin = offset + len == body.length;
        UpstreamMessage frame = chunk(id, isRequest, seq++, body, offset, len, fin);
        offset += len;
        outstanding.incrementAndGet();
        CompletableFuture<Void> f =
            core.enqueue(
                frame,
                () -> {
                  outstanding.decrementAndGet();
                  // never re-enter the writer from its own callback
                  ClientExecutors.scheduler().execute(this::pump);
                });
        if (f.isCompletedExceptionally()) {
          offset = body.length;
          f.exceptionally(
              e -> {
                onFailed.accept(e);
                return null;
              });
          return;
        }
      }
    }
  }

  /**
   * Sends what {@code in} yields as it yields it (a chunk per read, so a slowly produced stream
   * flows), then an empty {@code fin} chunk; blocks the calling (handler) thread while {@link
   * #WINDOW} chunks wait for the transport.
   *
   * @return false if the transport stalled or refused a chunk
   */
  static boolean sendBlocking(ClientCore core, String id, boolean isRequest, InputStream in)
      throws IOException, InterruptedException {
    Semaphore window = new Semaphore(WINDOW);
    AtomicBoolean failed = new AtomicBoolean();
    int seq = 0;
    while (true) {
      byte[] buf = new byte[CHUNK_BYTES];
      int n = in.read(buf);
      boolean fin = n < 0;
      if (!window.tryAcquire(WRITE_STALL_SECONDS, TimeUnit.SECONDS) || failed.get()) {
        return false;
      }
      core.enqueue(chunk(id, isRequest, seq++, buf, 0, Math.max(n, 0), fin), window::release)
          .whenComplete(
              (v, e) -> {
                if (e != null) {
                  failed.set(true);
                  window.release();
                }
              });
      if (fin) {
        return !failed.get();
      }
    }
  }
}
