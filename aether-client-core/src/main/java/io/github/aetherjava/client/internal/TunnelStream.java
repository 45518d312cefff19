/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import com.google.protobuf.ByteString;
import io.github.aetherjava.client.tunnel.Tunnel;
import io.github.aetherjava.client.tunnel.TunnelCloseReason;
import io.github.aetherjava.client.tunnel.TunnelEnd;
import io.github.aetherjava.client.tunnel.TunnelOptions;
import io.github.aetherjava.proto.v1.TunnelAck;
import io.github.aetherjava.proto.v1.TunnelClose;
import io.github.aetherjava.proto.v1.TunnelData;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * One end of a tunnel: the credit window for what it sends, the bounded queue of what it received,
 * acknowledgements as the reader consumes frames, the idle timer and the byte quota. Frames from
 * the gateway arrive through {@link #onData}, {@link #onAck} and {@link #onClose} on the reading
 * thread; those only take the lock briefly and never wait.
 */
final class TunnelStream implements Tunnel {

  /** Largest data frame, as the other SDKs send. */
  static final int MAX_FRAME_BYTES = 256 * 1024;

  /** Consumed frames acknowledged together while the reader still has frames queued. */
  static final int ACK_BATCH = 4;

  /**
   * Frames the other end may have unread here: the largest window a dialer may ask for, which is
   * twice the protocol's default, so a peer counting acknowledgements more generously still fits.
   */
  static final int MAX_QUEUED_FRAMES = TunnelOptions.MAX_INITIAL_CREDITS;

  /** Frame sender and registry the stream reports to. */
  interface Owner {
    void send(UpstreamMessage frame);

    void ended(TunnelStream stream);

    @Nullable ScheduledFuture<?> schedule(Runnable task, long delayNanos);
  }

  private final Owner owner;
  private final String id;
  private final long maxBytes;
  private final long idleNanos;
  private final CompletableFuture<TunnelEnd> closed;
  private final Executor completions;
  private final In in = new In();
  private final Out out = new Out();

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  // guarded by lock
  private final ArrayDeque<ByteString> queue = new ArrayDeque<>();
  private int headOffset;
  private int peakQueued;
  private int credits;
  private int consumedUnacked;
  private int lastConsumedSeq;
  private int nextSeq = 1;
  private long bytes;
  private long lastActivityNanos = System.nanoTime();
  private boolean peerFinished;
  private boolean localFinished;
  private @Nullable TunnelEnd end;
  private @Nullable ScheduledFuture<?> idleTimer;

  TunnelStream(
      Owner owner,
      String id,
      int initialCredits,
      Duration idleTimeout,
      long maxBytes,
      java.util.concurrent.Executor callbacks) {
    this.owner = owner;
    this.id = id;
    this.credits = initialCredits;
    this.idleNanos = idleTimeout.toNanos();
    this.maxBytes = maxBytes;
    this.closed = new CompletableFuture<>();
    this.completions = callbacks;
  }

  /** Starts the idle timer (after the stream is registered, so a timeout finds it). */
  void start() {
    if (idleNanos > 0) {
      lock.lock();
      try {
        if (end == null) {
          idleTimer = owner.schedule(this::checkIdle, idleNanos);
        }
      } finally {
        lock.unlock();
      }
    }
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public InputStream input() {
    return in;
  }

  @Override
  public OutputStream output() {
    return out;
  }

  @Override
  public CompletableFuture<TunnelEnd> closed() {
    return closed;
  }

  @Override
  public void close() {
    close(TunnelCloseReason.NORMAL, "");
  }

  @Override
  public void close(TunnelCloseReason reason, String detail) {
    Arguments.notNull(reason, "reason");
    Arguments.notNull(detail, "detail");
    end(new TunnelEnd(reason, detail, false), true, false);
  }

  /** Most frames ever waiting for the reader at once (for tests). */
  int peakQueuedFrames() {
    lock.lock();
    try {
      return peakQueued;
    } finally {
      lock.unlock();
    }
  }

  // ------------------------------------------------------------------ from the gateway

  void onData(TunnelData data) {
    ByteString bytesIn = data.getData();
    TunnelEnd failure = null;
    boolean bothFinished = false;
    lock.lock();
    try {
      if (end != null) {
        return;
      }
      if (!bytesIn.isEmpty()) {
        bytes += bytesIn.size();
        if (maxBytes > 0 && bytes > maxBytes) {
          failure = quotaEnd();
        } else if (queue.size() >= MAX_QUEUED_FRAMES) {
          failure =
              new TunnelEnd(
                  TunnelCloseReason.ERROR,
                  "flow control violated: more than " + MAX_QUEUED_FRAMES + " frames unread",
                  false);
        } else {
          queue.add(bytesIn);
          peakQueued = Math.max(peakQueued, queue.size());
          lastActivityNanos = System.nanoTime();
        }
      }
      if (failure == null && data.getFin()) {
        peerFinished = true;
        bothFinished = localFinished;
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    if (failure != null) {
      end(failure, true, false);
    } else if (bothFinished) {
      end(new TunnelEnd(TunnelCloseReason.NORMAL, "", false), true, true);
    }
  }

  void onAck(TunnelAck ack) {
    lock.lock();
    try {
      credits += ack.getCredits();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  void onClose(TunnelClose close) {
    TunnelCloseReason reason =
        switch (close.getReason()) {
          case NORMAL -> TunnelCloseReason.NORMAL;
          case PEER_RESET -> TunnelCloseReason.PEER_RESET;
          case IDLE_TIMEOUT -> TunnelCloseReason.IDLE_TIMEOUT;
          case QUOTA -> TunnelCloseReason.QUOTA;
          default -> TunnelCloseReason.ERROR;
        };
    end(new TunnelEnd(reason, close.getDetail(), true), false, reason == TunnelCloseReason.NORMAL);
  }

  // ------------------------------------------------------------------ ending

  /**
   * Ends the tunnel once.
   *
   * @param tellPeer send a {@code TunnelClose} to the other end
   * @param keepQueued let the reader drain what already arrived before seeing the end
   */
  void end(TunnelEnd how, boolean tellPeer, boolean keepQueued) {
    ScheduledFuture<?> timer;
    lock.lock();
    try {
      if (end != null) {
        return;
      }
      end = how;
      if (!keepQueued) {
        queue.clear();
      }
      timer = idleTimer;
      idleTimer = null;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    if (timer != null) {
      timer.cancel(false);
    }
    owner.ended(this);
    if (tellPeer) {
      owner.send(
          UpstreamMessage.newBuilder()
              .setTunnelClose(
                  TunnelClose.newBuilder()
                      .setTunnelId(id)
                      .setReason(TunnelClose.Reason.forNumber(how.reason().ordinal()))
                      .setDetail(how.detail()))
              .build());
    }
    Completions.complete(completions, closed, how, null);
  }

  private TunnelEnd quotaEnd() {
    return new TunnelEnd(
        TunnelCloseReason.QUOTA, "tunnel byte quota " + maxBytes + " exceeded", false);
  }

  private void checkIdle() {
    long waitMore;
    lock.lock();
    try {
      if (end != null) {
        return;
      }
      long idleFor = System.nanoTime() - lastActivityNanos;
      waitMore = idleNanos - idleFor;
      if (waitMore > 0) {
        idleTimer = owner.schedule(this::checkIdle, waitMore);
        return;
      }
    } finally {
      lock.unlock();
    }
    end(
        new TunnelEnd(
            TunnelCloseReason.IDLE_TIMEOUT,
            "idle for more than " + TimeUnit.NANOSECONDS.toMillis(idleNanos) + " ms",
            false),
        true,
        false);
  }

  private IOException closedError(TunnelEnd how) {
    return new IOException(how.toException().getMessage(), how.toException());
  }

  // ------------------------------------------------------------------ streams

  private final class In extends InputStream {

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      if (len == 0) {
        return 0;
      }
      int n;
      int ack = 0;
      int ackSeq = 0;
      lock.lock();
      try {
        while (queue.isEmpty()) {
          TunnelEnd e = end;
          if (e != null && e.reason() != TunnelCloseReason.NORMAL) {
            throw closedError(e);
          }
          if (e != null || peerFinished) {
            return -1;
          }
          try {
            changed.await();
          } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading tunnel " + id);
          }
        }
        ByteString head = queue.peek();
        n = Math.min(len, head.size() - headOffset);
        head.substring(headOffset, headOffset + n).copyTo(b, off);
        headOffset += n;
        if (headOffset == head.size()) {
          queue.poll();
          headOffset = 0;
          consumedUnacked++;
          lastConsumedSeq++;
          // acknowledge in batches, and always before the reader could wait: a sender whose
          // window is smaller than the batch must never stall on credits it is owed
          if (end == null && (consumedUnacked >= ACK_BATCH || queue.isEmpty())) {
            ack = consumedUnacked;
            ackSeq = lastConsumedSeq;
            consumedUnacked = 0;
          }
        }
      } finally {
        lock.unlock();
      }
      if (ack > 0) {
        owner.send(
            UpstreamMessage.newBuilder()
                .setTunnelAck(
                    TunnelAck.newBuilder().setTunnelId(id).setAckSeq(ackSeq).setCredits(ack))
                .build());
      }
      return n;
    }

    @Override
    public int available() {
      lock.lock();
      try {
        ByteString head = queue.peek();
        return head == null ? 0 : head.size() - headOffset;
      } finally {
        lock.unlock();
      }
    }

    @Override
    public void close() {
      TunnelStream.this.close();
    }
  }

  private final class Out extends OutputStream {

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      int done = 0;
      while (done < len) {
        int chunk = Math.min(MAX_FRAME_BYTES, len - done);
        TunnelEnd failure = null;
        lock.lock();
        try {
          while (credits == 0 && end == null && !localFinished) {
            try {
              changed.await();
            } catch (InterruptedException ie) {
              Thread.currentThread().interrupt();
              throw new InterruptedIOException("interrupted while writing tunnel " + id);
            }
          }
          TunnelEnd e = end;
          if (e != null) {
            throw closedError(e);
          }
          if (localFinished) {
            throw new IOException("tunnel " + id + ": output already closed");
          }
          if (maxBytes > 0 && bytes + chunk > maxBytes) {
            failure = quotaEnd();
          } else {
            credits--;
            bytes += chunk;
            lastActivityNanos = System.nanoTime();
            // sent under the lock so concurrent writers keep frames in sequence order
            owner.send(
                UpstreamMessage.newBuilder()
                    .setTunnelData(
                        TunnelData.newBuilder()
                            .setTunnelId(id)
                            .setSeq(nextSeq++)
                            .setData(ByteString.copyFrom(b, off + done, chunk)))
                    .build());
          }
        } finally {
          lock.unlock();
        }
        if (failure != null) {
          end(failure, true, false);
          throw closedError(failure);
        }
        done += chunk;
      }
    }

    @Override
    public void close() {
      boolean bothFinished;
      lock.lock();
      try {
        if (localFinished || end != null) {
          return;
        }
        localFinished = true;
        bothFinished = peerFinished;
        owner.send(
            UpstreamMessage.newBuilder()
                .setTunnelData(
                    TunnelData.newBuilder().setTunnelId(id).setSeq(nextSeq++).setFin(true))
                .build());
        changed.signalAll();
      } finally {
        lock.unlock();
      }
      if (bothFinished) {
        end(new TunnelEnd(TunnelCloseReason.NORMAL, "", false), true, true);
      }
    }
  }
}
