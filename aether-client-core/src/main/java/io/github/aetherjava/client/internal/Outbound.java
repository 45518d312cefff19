/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import io.github.aetherjava.client.ConnectionException;
import io.github.aetherjava.client.FailureReason;
import io.github.aetherjava.client.OverflowPolicy;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import io.grpc.ClientCall;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer. Frames queue here (bounded by count and bytes) and are written only while a
 * call is attached (after the {@code ConnectionAck}) and the transport reports {@code isReady()};
 * {@code onReady} drains again. A frame's future completes when it is handed to gRPC, or fails with
 * a reason: nothing is dropped silently.
 */
public final class Outbound {

  private static final Logger LOG = LoggerFactory.getLogger(Outbound.class);

  /** A queued frame. */
  private static final class Item {
    final UpstreamMessage frame;
    final int size;
    final CompletableFuture<Void> future;
    final @Nullable Runnable onWritten;
    final @Nullable Consumer<Throwable> onFailed;
    final boolean pinned;

    Item(
        UpstreamMessage frame,
        int size,
        CompletableFuture<Void> future,
        @Nullable Runnable onWritten,
        @Nullable Consumer<Throwable> onFailed,
        boolean pinned) {
      this.frame = frame;
      this.size = size;
      this.future = future;
      this.onWritten = onWritten;
      this.onFailed = onFailed;
      this.pinned = pinned;
    }

    void fail(Throwable error, Executor completions) {
      if (onFailed != null) {
        try {
          onFailed.accept(error);
        } catch (RuntimeException e) {
          LOG.warn("a send failure hook threw; ignored", e);
        }
      }
      completions.execute(() -> future.completeExceptionally(error));
    }
  }

  private final ReentrantLock lock = new ReentrantLock();
  private final Deque<Item> queue = new ArrayDeque<>();
  private final int maxCount;
  private final long maxBytes;
  private final OverflowPolicy policy;
  private final Executor completions;
  private long bytes;
  private @Nullable ClientCall<UpstreamMessage, DownstreamMessage> call;
  private @Nullable ConnectionException closedWith;

  /**
   * @param maxCount buffer limit (count)
   * @param maxBytes buffer limit (bytes)
   * @param policy overflow policy
   * @param completions hand-off that completes futures others may have chained onto
   */
  public Outbound(int maxCount, long maxBytes, OverflowPolicy policy, Handoff completions) {
    this.maxCount = maxCount;
    this.maxBytes = maxBytes;
    this.policy = policy;
    this.completions = completions;
  }

  /**
   * Queues a frame and writes what the transport takes.
   *
   * @param frame the frame
   * @param onWritten run (on the writing thread, outside any lock; exceptions are logged) once the
   *     frame is handed to gRPC
   * @return completes when handed to the transport
   */
  public CompletableFuture<Void> enqueue(UpstreamMessage frame, @Nullable Runnable onWritten) {
    return enqueue(frame, onWritten, null);
  }

  /**
   * Queues a frame and writes what the transport takes.
   *
   * @param frame the frame
   * @param onWritten run (on the writing thread, outside any lock; exceptions are logged) once the
   *     frame is handed to gRPC
   * @param onFailed run (on the failing thread, before the future fails) if the frame is refused,
   *     evicted or dropped at close: an SDK-internal hook, so the future itself stays free of
   *     dependents and completes without a hand-off
   * @return completes when handed to the transport
   */
  public CompletableFuture<Void> enqueue(
      UpstreamMessage frame, @Nullable Runnable onWritten, @Nullable Consumer<Throwable> onFailed) {
    CompletableFuture<Void> future = new CompletableFuture<>();
    int size = frame.getSerializedSize();
    List<Item> evicted = new ArrayList<>(0);
    ConnectionException refused = null;
    Item mine = null;
    lock.lock();
    try {
      if (closedWith != null) {
        refused = closedWith;
      } else {
        while (queue.size() + 1 > maxCount || bytes + size > maxBytes) {
          Item old = policy == OverflowPolicy.DROP_OLDEST ? oldestEvictable() : null;
          if (old != null) {
            queue.remove(old);
            bytes -= old.size;
            evicted.add(old);
          } else {
            refused =
                new ConnectionException(
                    FailureReason.BUFFER_FULL,
                    "outbound buffer full (" + queue.size() + " frames, " + bytes + " bytes)");
            break;
          }
        }
        if (refused == null) {
          mine = new Item(frame, size, future, onWritten, onFailed, false);
          queue.addLast(mine);
          bytes += size;
        }
      }
    } finally {
      lock.unlock();
    }
    if (!evicted.isEmpty()) {
      // Built only when needed: an exception (with its stack trace) per send was measurable.
      ConnectionException overflow =
          new ConnectionException(
              FailureReason.BUFFER_FULL,
              "evicted from the full outbound buffer (overflow policy DROP_OLDEST)");
      evicted.forEach(i -> i.fail(overflow, completions));
    }
    if (refused != null) {
      if (onFailed != null) {
        onFailed.accept(refused);
      }
      return CompletableFuture.failedFuture(refused);
    }
    drain(false, mine);
    return future;
  }

  /** Caller holds the lock. Session-state frames are never evicted. */
  private @Nullable Item oldestEvictable() {
    for (Item i : queue) {
      if (!i.pinned) {
        return i;
      }
    }
    return null;
  }

  /**
   * Puts frames at the head of the queue (session state re-sent after a reconnect), ignoring the
   * limits.
   *
   * @param frames frames in order
   */
  public void prepend(List<UpstreamMessage> frames) {
    lock.lock();
    try {
      for (int i = frames.size() - 1; i >= 0; i--) {
        UpstreamMessage f = frames.get(i);
        int size = f.getSerializedSize();
        queue.addFirst(new Item(f, size, new CompletableFuture<>(), null, null, true));
        bytes += size;
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Writes a frame at once, bypassing the queue (the {@code InitConnection}).
   *
   * @param c the call
   * @param frame the frame
   */
  public void writeDirect(ClientCall<UpstreamMessage, DownstreamMessage> c, UpstreamMessage frame) {
    lock.lock();
    try {
      c.sendMessage(frame);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs an operation on the call under the writer lock (ClientCall is not thread-safe).
   *
   * @param action the operation
   */
  public void withLock(Runnable action) {
    lock.lock();
    try {
      action.run();
    } finally {
      lock.unlock();
    }
  }

  /**
   * @param c call to write to from now on (after the acknowledgement)
   */
  public void attach(ClientCall<UpstreamMessage, DownstreamMessage> c) {
    lock.lock();
    try {
      call = c;
    } finally {
      lock.unlock();
    }
    drain();
  }

  /** Stops writing (stream ended); queued frames stay for the next call. */
  public void detach() {
    lock.lock();
    try {
      call = null;
    } finally {
      lock.unlock();
    }
  }

  /** Writes queued frames while the transport is ready. */
  public void drain() {
    drain(false, null);
  }

  /**
   * Writes every queued frame regardless of {@code isReady()} (gRPC buffers them); used before a
   * requested close so pending sends go out.
   */
  public void flushAll() {
    drain(true, null);
  }

  /**
   * @param mine the frame the calling {@code enqueue} just queued: its future has not been returned
   *     yet, so nothing can be chained onto it and it may complete here
   */
  private void drain(boolean ignoreReady, @Nullable Item mine) {
    List<Item> written = new ArrayList<>();
    lock.lock();
    try {
      ClientCall<UpstreamMessage, DownstreamMessage> c = call;
      while (c != null && !queue.isEmpty() && (ignoreReady || c.isReady())) {
        Item item = queue.pollFirst();
        bytes -= item.size;
        c.sendMessage(item.frame);
        written.add(item);
      }
    } finally {
      lock.unlock();
    }
    if (written.isEmpty()) {
      return;
    }
    for (Item item : written) {
      if (item.onWritten != null) {
        try {
          item.onWritten.run();
        } catch (RuntimeException e) {
          LOG.warn("a written hook threw; ignored", e);
        }
      }
    }
    // Other callers may have chained onto their futures: those complete on the callback executor
    // (in order, one task), so no continuation runs on this possibly gRPC thread.
    List<Item> others = new ArrayList<>(written.size());
    for (Item item : written) {
      if (item == mine) {
        item.future.complete(null);
      } else {
        others.add(item);
      }
    }
    if (!others.isEmpty()) {
      completions.execute(() -> others.forEach(item -> item.future.complete(null)));
    }
  }

  /**
   * @return the frames waiting to be written, compared by identity
   */
  public Set<UpstreamMessage> queuedFrames() {
    Set<UpstreamMessage> frames = Collections.newSetFromMap(new IdentityHashMap<>());
    lock.lock();
    try {
      for (Item i : queue) {
        frames.add(i.frame);
      }
    } finally {
      lock.unlock();
    }
    return frames;
  }

  /**
   * Refuses new frames from now on and fails the queued ones.
   *
   * @param error failure
   */
  public void close(ConnectionException error) {
    List<Item> failed;
    lock.lock();
    try {
      closedWith = error;
      call = null;
      failed = new ArrayList<>(queue);
      queue.clear();
      bytes = 0;
    } finally {
      lock.unlock();
    }
    failed.forEach(i -> i.fail(error, completions));
  }

  /**
   * @return queued frames
   */
  public int size() {
    lock.lock();
    try {
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  /**
   * @return queued bytes
   */
  public long bytes() {
    lock.lock();
    try {
      return bytes;
    } finally {
      lock.unlock();
    }
  }
}
