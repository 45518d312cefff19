/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import io.github.aetherjava.client.proxy.ProxyStreamingResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The body of a streamed proxy response: chunks pushed by the reading thread (never blocking it),
 * read once either as an {@link InputStream} or through a single-subscriber {@link Flow.Publisher}.
 * Buffered bytes are bounded: a reader that falls further behind than the bound fails the stream
 * instead of growing memory, since the gateway offers no per-request flow control.
 */
final class ProxyBodyStream implements ProxyStreamingResponse {

  private enum Mode {
    UNREAD,
    INPUT_STREAM,
    PUBLISHER
  }

  private final int status;
  private final Map<String, String> headers;
  private final long maxBuffered;
  private final Executor callbacks;
  private final Runnable onClose;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  // guarded by lock
  private final ArrayDeque<ByteBuffer> chunks = new ArrayDeque<>();
  private long buffered;
  private boolean ended;
  private @Nullable Throwable failure;
  private boolean closed;
  private Mode mode = Mode.UNREAD;

  // publisher side
  private volatile Flow.@Nullable Subscriber<? super ByteBuffer> subscriber;
  private final AtomicLong demand = new AtomicLong();
  private final AtomicInteger wip = new AtomicInteger();
  private boolean terminalSignalled; // only touched by the drain loop

  ProxyBodyStream(
      int status,
      Map<String, String> headers,
      long maxBuffered,
      Executor callbacks,
      Runnable onClose) {
    this.status = status;
    this.headers = headers;
    this.maxBuffered = maxBuffered;
    this.callbacks = callbacks;
    this.onClose = onClose;
  }

  @Override
  public int status() {
    return status;
  }

  @Override
  public Map<String, String> headers() {
    return headers;
  }

  // ------------------------------------------------------------------ producer (never blocks)

  /**
   * @return false if the reader is too far behind (the caller then fails the stream)
   */
  boolean offer(ByteBuffer data) {
    lock.lock();
    try {
      if (ended || closed) {
        return true;
      }
      if (buffered + data.remaining() > maxBuffered) {
        return false;
      }
      if (data.hasRemaining()) {
        chunks.add(data);
        buffered += data.remaining();
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    signalPublisher();
    return true;
  }

  void end() {
    finish(null);
  }

  void fail(Throwable error) {
    finish(error);
  }

  private void finish(@Nullable Throwable error) {
    lock.lock();
    try {
      if (ended) {
        return;
      }
      ended = true;
      failure = error;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    signalPublisher();
  }

  boolean isFinished() {
    lock.lock();
    try {
      return ended || closed;
    } finally {
      lock.unlock();
    }
  }

  // ------------------------------------------------------------------ consumers

  @Override
  public void close() {
    boolean first;
    lock.lock();
    try {
      first = !closed;
      closed = true;
      chunks.clear();
      buffered = 0;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    if (first) {
      onClose.run();
    }
  }

  private void claim(Mode m) {
    lock.lock();
    try {
      if (mode != Mode.UNREAD) {
        throw new IllegalStateException("the body is already being read (" + mode + ")");
      }
      mode = m;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public InputStream body() {
    claim(Mode.INPUT_STREAM);
    return new Input();
  }

  @Override
  public Flow.Publisher<ByteBuffer> publisher() {
    claim(Mode.PUBLISHER);
    return s -> {
      Objects.requireNonNull(s, "subscriber");
      if (subscriber != null) {
        callbacks.execute(
            () -> {
              s.onSubscribe(
                  new Flow.Subscription() {
                    @Override
                    public void request(long n) {}

                    @Override
                    public void cancel() {}
                  });
              s.onError(new IllegalStateException("the body has only one subscriber"));
            });
        return;
      }
      subscriber = s;
      callbacks.execute(
          () -> {
            s.onSubscribe(
                new Flow.Subscription() {
                  @Override
                  public void request(long n) {
                    if (n <= 0) {
                      fail(new IllegalArgumentException("request(n) needs n > 0, got " + n));
                      return;
                    }
                    demand.getAndAccumulate(
                        n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b); // saturating add
                    signalPublisher();
                  }

                  @Override
                  public void cancel() {
                    close();
                  }
                });
            signalPublisher();
          });
    };
  }

  private void signalPublisher() {
    if (subscriber == null) {
      return;
    }
    if (wip.getAndIncrement() == 0) {
      callbacks.execute(this::drainPublisher);
    }
  }

  /** One drain loop at a time (wip); signals are serialised as the reactive-streams rules need. */
  private void drainPublisher() {
    Flow.Subscriber<? super ByteBuffer> s = subscriber;
    int missed = 1;
    while (s != null) {
      while (!terminalSignalled) {
        ByteBuffer next = null;
        boolean done = false;
        Throwable error = null;
        lock.lock();
        try {
          if (closed) {
            terminalSignalled = true;
            break;
          }
          if (demand.get() > 0 && !chunks.isEmpty()) {
            next = chunks.poll();
            buffered -= next.remaining();
          } else if (chunks.isEmpty() && ended) {
            done = true;
            error = failure;
          }
        } finally {
          lock.unlock();
        }
        if (next != null) {
          demand.decrementAndGet();
          s.onNext(next);
        } else if (done) {
          terminalSignalled = true;
          if (error != null) {
            s.onError(error);
          } else {
            s.onComplete();
          }
        } else {
          break;
        }
      }
      missed = wip.addAndGet(-missed);
      if (missed == 0) {
        return;
      }
    }
  }

  /** Blocking reader over the chunks. */
  private final class Input extends InputStream {
    private @Nullable ByteBuffer current;

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
      ByteBuffer c = current;
      if (c == null || !c.hasRemaining()) {
        c = take();
        if (c == null) {
          return -1;
        }
        current = c;
      }
      int n = Math.min(len, c.remaining());
      c.get(b, off, n);
      return n;
    }

    private @Nullable ByteBuffer take() throws IOException {
      lock.lock();
      try {
        while (true) {
          if (closed) {
            throw new IOException("stream closed");
          }
          ByteBuffer next = chunks.poll();
          if (next != null) {
            buffered -= next.remaining();
            return next;
          }
          if (ended) {
            if (failure != null) {
              throw new IOException(failure.getMessage(), failure);
            }
            return null;
          }
          changed.await();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while waiting for the body");
      } finally {
        lock.unlock();
      }
    }

    @Override
    public int available() {
      lock.lock();
      try {
        ByteBuffer c = current;
        return (int) Math.min(Integer.MAX_VALUE, buffered + (c == null ? 0 : c.remaining()));
      } finally {
        lock.unlock();
      }
    }

    @Override
    public void close() {
      ProxyBodyStream.this.close();
    }
  }
}
