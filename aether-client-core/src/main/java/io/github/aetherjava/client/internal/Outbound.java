/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import io.github.aetherjava.client.ConnectionException;
import io.github.aetherjava.client.FailureReason;
import io.github.aetherjava.client.GatewayError;
import io.github.aetherjava.client.GatewayErrorException;
import io.github.aetherjava.client.OverflowPolicy;
import io.github.aetherjava.client.delivery.DeliveryStats;
import io.github.aetherjava.client.delivery.PressureKind;
import io.github.aetherjava.client.delivery.SendPacing;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer. Frames queue here (bounded by count and bytes) and are written only while a
 * call is attached (after the {@code ConnectionAck}), the transport reports {@code isReady()} (or
 * the bounded slack below is not used up) and, for frames the gateway rate-limits, the optional
 * {@link SendPacer} has a token; {@code onReady} and the pacer's timer drain again. A frame's
 * future completes when it is handed to gRPC, or fails with a reason: nothing is dropped silently.
 *
 * <p>Slack: {@code isReady()} is advisory (gRPC buffers what is written while it is false). A
 * transport whose peer asks for one message at a time, such as the in-process one, turns not-ready
 * after every frame, so without slack most frames would wait for {@code onReady} and be written on
 * the transport thread, each costing a hand-off to complete its future. Up to {@link
 * #NOT_READY_SLACK_FRAMES} frames and {@link #NOT_READY_SLACK_BYTES} bytes may be written past a
 * not-ready transport, on the sender's own thread; the slack refills when the transport reports
 * ready again, so what gRPC buffers beyond its own threshold stays bounded.
 *
 * <p>Barriers: the gateway handles one stream's upstream frames in order and answers a self {@code
 * ConnectionStatusRequest} after everything before it, writing the errors of earlier frames first.
 * So the answer to a barrier proves every frame before it was processed. A flush is a queued
 * barrier. A confirmed send is written as {@code [barrier] send barrier}, the leading barrier only
 * when the frame before is not one already: an uncorrelated send refusal that arrives while the
 * oldest unanswered barrier is a confirmed send's trailing one belongs to exactly that send. A
 * confirmed send counts against the buffer limits until its barrier is answered; barriers still
 * unanswered when the stream ends are written again on the next stream (confirmed sends and, in
 * confirmed mode, flushes) or fail their flush (at-most-once mode).
 */
public final class Outbound {

  private static final Logger LOG = LoggerFactory.getLogger(Outbound.class);

  /** How a queued item is written and when its future completes. */
  private enum Kind {
    /** Written as is; done when handed to gRPC. */
    PLAIN,
    /** A send between barriers; done when its trailing barrier is answered. */
    CONFIRMED,
    /** A barrier; done when answered. */
    FLUSH
  }

  /** Builds the barrier frames. */
  public interface BarrierSource {
    /**
     * @return a request id unique within the client
     */
    String nextId();

    /**
     * @param id the barrier's request id
     * @return a self {@code ConnectionStatusRequest} carrying it
     */
    UpstreamMessage frame(String id);
  }

  /** A written barrier waiting for its answer; {@code item} is the send or flush it completes. */
  private record Barrier(String id, @Nullable Item item) {}

  /** A queued frame. */
  private static final class Item {
    final UpstreamMessage frame;
    final int size;
    final CompletableFuture<Void> future;
    final @Nullable Runnable onWritten;
    final @Nullable Consumer<Throwable> onFailed;
    final boolean pinned;
    final Kind kind;
    final boolean paced;
    // guarded by the writer lock
    @Nullable GatewayError refusal;
    long notBefore;
    boolean retry;
    boolean done;

    Item(
        UpstreamMessage frame,
        int size,
        CompletableFuture<Void> future,
        @Nullable Runnable onWritten,
        @Nullable Consumer<Throwable> onFailed,
        boolean pinned,
        Kind kind) {
      this.frame = frame;
      this.size = size;
      this.future = future;
      this.onWritten = onWritten;
      this.onFailed = onFailed;
      this.pinned = pinned;
      this.kind = kind;
      this.paced = frame.hasSend() || frame.hasProgress();
    }

    void fail(Throwable error, Executor completions) {
      if (onFailed != null) {
        try {
          onFailed.accept(error);
        } catch (RuntimeException e) {
          LOG.warn("a send failure hook threw; ignored", e);
        }
      }
      if (kind == Kind.FLUSH) {
        // a flush future has SDK-internal dependents only, which hand off themselves
        future.completeExceptionally(error);
      } else {
        completions.execute(() -> future.completeExceptionally(error));
      }
    }
  }

  /** Frames that may be written while the transport reports not ready (see the class comment). */
  static final int NOT_READY_SLACK_FRAMES = 32;

  /** Bytes that may be written while the transport reports not ready. */
  static final long NOT_READY_SLACK_BYTES = 256 * 1024;

  private final ReentrantLock lock = new ReentrantLock();
  private final Deque<Item> queue = new ArrayDeque<>();
  private final int maxCount;
  private final long maxBytes;
  private final OverflowPolicy policy;
  private final Executor completions;
  private final @Nullable BarrierSource barriers;
  private final boolean replayFlushes;
  private final @Nullable SendPacer pacer;
  private long bytes;
  private @Nullable ClientCall<UpstreamMessage, ?> call;
  private @Nullable ConnectionException closedWith;
  // barriers written on the current stream, oldest first; answers arrive in this order
  private final Deque<Barrier> written = new ArrayDeque<>();
  // items of barriers unanswered when their stream ended, in wire order, until settled
  private final List<Item> ended = new ArrayList<>();
  private int unconfirmed;
  private long unconfirmedBytes;
  private boolean lastWasBarrier;
  private boolean drainScheduled;
  // frames and bytes written since the transport last reported ready
  private int slackFrames;
  private long slackBytes;
  private long confirmedCount;
  private long retriedCount;
  private long replayedCount;

  /**
   * An at-most-once writer without barriers or pacing.
   *
   * @param maxCount buffer limit (count)
   * @param maxBytes buffer limit (bytes)
   * @param policy overflow policy
   * @param completions hand-off that completes futures others may have chained onto
   */
  public Outbound(int maxCount, long maxBytes, OverflowPolicy policy, Handoff completions) {
    this(maxCount, maxBytes, policy, completions, null, false, SendPacing.off());
  }

  /**
   * @param maxCount buffer limit (count), confirmed sends included until confirmed
   * @param maxBytes buffer limit (bytes), likewise
   * @param policy overflow policy
   * @param completions hand-off that completes futures others may have chained onto
   * @param barriers builds barrier frames; null disables flushes and confirmed sends
   * @param replayFlushes whether a flush whose stream ended unanswered is written again (confirmed
   *     mode: the sends before it are replayed too) rather than failed
   * @param pacing pacing of the frames the gateway rate-limits
   */
  public Outbound(
      int maxCount,
      long maxBytes,
      OverflowPolicy policy,
      Handoff completions,
      @Nullable BarrierSource barriers,
      boolean replayFlushes,
      SendPacing pacing) {
    this.maxCount = maxCount;
    this.maxBytes = maxBytes;
    this.policy = policy;
    this.completions = completions;
    this.barriers = barriers;
    this.replayFlushes = replayFlushes;
    this.pacer = pacing.enabled() ? new SendPacer(pacing, System.nanoTime()) : null;
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
    return enqueue(frame, onWritten, onFailed, Kind.PLAIN);
  }

  /**
   * Queues a send whose future completes only when the gateway has processed it (confirmed mode).
   * It counts against the buffer limits until then.
   *
   * @param frame the send
   * @param onWritten run each time the frame is handed to gRPC (outside any lock)
   * @param onFailed run if the send is refused, evicted, refused by the gateway for good or dropped
   *     at close
   * @return completes when confirmed
   */
  public CompletableFuture<Void> enqueueConfirmed(
      UpstreamMessage frame, @Nullable Runnable onWritten, @Nullable Consumer<Throwable> onFailed) {
    if (barriers == null) {
      throw new IllegalStateException("confirmed sends need a barrier source");
    }
    return enqueue(frame, onWritten, onFailed, Kind.CONFIRMED);
  }

  /**
   * Queues a barrier behind everything queued so far, outside the buffer limits.
   *
   * @return completes when the gateway answered it, that is processed every frame before it; fails
   *     if the client closes first, or (at-most-once mode) if its stream ends first
   */
  public CompletableFuture<Void> enqueueFlush() {
    BarrierSource source = barriers;
    if (source == null) {
      throw new IllegalStateException("flush needs a barrier source");
    }
    CompletableFuture<Void> future = new CompletableFuture<>();
    ConnectionException refused;
    lock.lock();
    try {
      refused = closedWith;
      if (refused == null) {
        UpstreamMessage placeholder = UpstreamMessage.getDefaultInstance();
        Item item = new Item(placeholder, 0, future, null, null, true, Kind.FLUSH);
        queue.addLast(item);
      }
    } finally {
      lock.unlock();
    }
    if (refused != null) {
      return CompletableFuture.failedFuture(refused);
    }
    drain();
    return future;
  }

  private CompletableFuture<Void> enqueue(
      UpstreamMessage frame,
      @Nullable Runnable onWritten,
      @Nullable Consumer<Throwable> onFailed,
      Kind kind) {
    CompletableFuture<Void> future = new CompletableFuture<>();
    int size = frame.getSerializedSize();
    List<Item> evicted = List.of();
    ConnectionException refused = null;
    Item mine = null;
    lock.lock();
    try {
      if (closedWith != null) {
        refused = closedWith;
      } else {
        while (queue.size() + unconfirmed + 1 > maxCount
            || bytes + unconfirmedBytes + size > maxBytes) {
          Item old = policy == OverflowPolicy.DROP_OLDEST ? evictOldest() : null;
          if (old != null) {
            evicted = added(evicted, old);
          } else {
            refused =
                new ConnectionException(
                    FailureReason.BUFFER_FULL,
                    "outbound buffer full ("
                        + (queue.size() + unconfirmed)
                        + " frames, "
                        + (bytes + unconfirmedBytes)
                        + " bytes)");
            break;
          }
        }
        if (refused == null) {
          mine = new Item(frame, size, future, onWritten, onFailed, false, kind);
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

  /**
   * Caller holds the lock. The oldest send that may be evicted: a written confirmed send still
   * waiting for its confirmation, else the oldest queued one; session-state frames and flushes are
   * never evicted.
   */
  private @Nullable Item evictOldest() {
    for (Barrier b : written) {
      Item i = b.item();
      if (i != null && i.kind == Kind.CONFIRMED && !i.done) {
        i.done = true;
        unconfirmed--;
        unconfirmedBytes -= i.size;
        return i;
      }
    }
    Item old = oldestEvictable();
    if (old != null) {
      queue.remove(old);
      bytes -= old.size;
    }
    return old;
  }

  /** Caller holds the lock. Session-state frames are never evicted. */
  private @Nullable Item oldestEvictable() {
    for (Item i : queue) {
      if (!i.pinned && i.kind != Kind.FLUSH) {
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
        queue.addFirst(new Item(f, size, new CompletableFuture<>(), null, null, true, Kind.PLAIN));
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
  public void writeDirect(ClientCall<UpstreamMessage, ?> c, UpstreamMessage frame) {
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
  public void attach(ClientCall<UpstreamMessage, ?> c) {
    lock.lock();
    try {
      call = c;
      // the stream starts after the acknowledgement: nothing of it precedes the first frame here
      lastWasBarrier = true;
      slackFrames = 0;
      slackBytes = 0;
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
    // allocated only when something is written: most drains of a busy sender write its own frame
    List<Item> written = List.of();
    long wakeIn = 0;
    lock.lock();
    try {
      ClientCall<UpstreamMessage, ?> c = call;
      while (c != null && !queue.isEmpty()) {
        Item item = queue.peekFirst();
        boolean ready = ignoreReady || c.isReady();
        if (ready) {
          slackFrames = 0;
          slackBytes = 0;
        } else if (slackFrames >= NOT_READY_SLACK_FRAMES
            || slackBytes + item.size > NOT_READY_SLACK_BYTES) {
          break;
        }
        // the clock is read only for frames that may have to wait
        long now = item.retry || (item.paced && pacer != null) ? System.nanoTime() : 0;
        if (item.retry && item.notBefore - now > 0) {
          // a refused send waits for the gateway's retry_after; later frames keep their order
          wakeIn = item.notBefore - now;
          break;
        }
        if (item.paced && pacer != null) {
          long wait = pacer.tryTake(now);
          if (wait > 0) {
            wakeIn = wait;
            break;
          }
        }
        queue.pollFirst();
        bytes -= item.size;
        if (!ready) {
          slackFrames++;
          slackBytes += item.size;
        }
        switch (item.kind) {
          case PLAIN -> {
            c.sendMessage(item.frame);
            lastWasBarrier = false;
            written = added(written, item);
          }
          case FLUSH -> writeBarrier(c, item);
          case CONFIRMED -> {
            if (!lastWasBarrier) {
              writeBarrier(c, null);
            }
            c.sendMessage(item.frame);
            item.refusal = null;
            item.retry = false;
            unconfirmed++;
            unconfirmedBytes += item.size;
            writeBarrier(c, item);
            written = added(written, item);
          }
        }
      }
      if (wakeIn > 0 && c != null && !drainScheduled) {
        drainScheduled = true;
      } else {
        wakeIn = 0;
      }
    } finally {
      lock.unlock();
    }
    if (wakeIn > 0) {
      ClientExecutors.scheduler().schedule(this::wake, wakeIn, TimeUnit.NANOSECONDS);
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
    // (in order, one task), so no continuation runs on this possibly gRPC thread. Confirmed sends
    // complete later, when their barrier is answered.
    List<Item> others = List.of();
    for (Item item : written) {
      if (item.kind != Kind.PLAIN) {
        continue;
      }
      if (item == mine) {
        item.future.complete(null);
      } else {
        others = added(others, item);
      }
    }
    if (!others.isEmpty()) {
      List<Item> toComplete = others;
      completions.execute(() -> toComplete.forEach(item -> item.future.complete(null)));
    }
  }

  /** Adds to a list that starts as the shared empty one. */
  private static List<Item> added(List<Item> list, Item item) {
    List<Item> l = list.isEmpty() ? new ArrayList<>() : list;
    l.add(item);
    return l;
  }

  private void wake() {
    lock.lock();
    try {
      drainScheduled = false;
    } finally {
      lock.unlock();
    }
    drain();
  }

  /** Caller holds the lock. */
  private void writeBarrier(ClientCall<UpstreamMessage, ?> c, @Nullable Item item) {
    BarrierSource source = java.util.Objects.requireNonNull(barriers, "barriers");
    String id = source.nextId();
    c.sendMessage(source.frame(id));
    written.addLast(new Barrier(id, item));
    lastWasBarrier = true;
  }

  /**
   * The gateway answered a barrier: every frame written before it was processed.
   *
   * @param id the answer's request id
   * @return false if it is not one of this writer's barriers (a user's status request)
   */
  public boolean barrierAnswered(String id) {
    List<Item> confirmed = new ArrayList<>();
    List<Item> refused = new ArrayList<>();
    boolean retry = false;
    lock.lock();
    try {
      boolean ours = false;
      for (Barrier b : written) {
        if (b.id().equals(id)) {
          ours = true;
          break;
        }
      }
      if (!ours) {
        return false;
      }
      Barrier b;
      do {
        b = written.pollFirst();
        Item item = b.item();
        if (item == null || item.done) {
          continue;
        }
        if (item.kind == Kind.FLUSH) {
          item.done = true;
          confirmed.add(item);
          continue;
        }
        unconfirmed--;
        unconfirmedBytes -= item.size;
        GatewayError refusal = item.refusal;
        if (refusal == null) {
          item.done = true;
          confirmedCount++;
          confirmed.add(item);
        } else if (isRetried(refusal)) {
          retriedCount++;
          item.retry = true;
          item.notBefore = System.nanoTime() + refusal.retryAfter().toNanos();
          queue.addFirst(item);
          bytes += item.size;
          retry = true;
        } else {
          item.done = true;
          refused.add(item);
        }
      } while (!b.id().equals(id));
    } finally {
      lock.unlock();
    }
    List<Item> sends = new ArrayList<>(confirmed.size());
    for (Item item : confirmed) {
      if (item.kind == Kind.FLUSH) {
        item.future.complete(null); // SDK-internal dependents only
      } else {
        sends.add(item);
      }
    }
    if (!sends.isEmpty()) {
      completions.execute(() -> sends.forEach(item -> item.future.complete(null)));
    }
    for (Item item : refused) {
      GatewayError refusal = java.util.Objects.requireNonNull(item.refusal, "refusal");
      item.fail(new GatewayErrorException(refusal, "send refused by the gateway"), completions);
    }
    if (retry) {
      drain();
    }
    return true;
  }

  private static boolean isRetried(GatewayError refusal) {
    PressureKind kind = PressureKind.ofCode(refusal.code());
    return kind == PressureKind.RATE_LIMITED || kind == PressureKind.QUOTA_EXCEEDED;
  }

  /**
   * An uncorrelated error arrived: if the oldest unanswered barrier trails a confirmed send, the
   * error answers that send (the frame before it is a barrier too), so it is that send's refusal.
   *
   * @param error the error (the caller passes send refusals only)
   * @return true if it was attributed to a confirmed send
   */
  public boolean attributeRefusal(GatewayError error) {
    lock.lock();
    try {
      Barrier head = written.peekFirst();
      if (head == null) {
        return false;
      }
      Item item = head.item();
      if (item == null || item.kind != Kind.CONFIRMED || item.done || item.refusal != null) {
        return false;
      }
      item.refusal = error;
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * The gateway refused a paced frame anyway: stop writing paced frames for {@code wait}.
   *
   * @param wait the gateway's {@code retry_after_ms}
   */
  public void pausePacing(java.time.Duration wait) {
    if (pacer == null) {
      return;
    }
    lock.lock();
    try {
      pacer.pause(System.nanoTime(), wait.toNanos());
    } finally {
      lock.unlock();
    }
  }

  /**
   * The stream the barriers were written to has ended (called once per stream, after its last frame
   * was read): their items wait for {@link #settleEndedStream}.
   */
  public void endStream() {
    lock.lock();
    try {
      call = null;
      for (Barrier b : written) {
        Item item = b.item();
        if (item != null && !item.done) {
          ended.add(item);
        }
      }
      written.clear();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Settles what {@link #endStream} kept: confirmed sends (and, when replaying flushes, flushes) go
   * back to the head of the queue in their order, to be written on the next stream; other flushes
   * fail with {@code error}.
   *
   * @param error what a flush that is not replayed fails with
   */
  public void settleEndedStream(ConnectionException error) {
    List<Item> failed = new ArrayList<>();
    ConnectionException closed;
    lock.lock();
    try {
      closed = closedWith;
      for (int i = ended.size() - 1; i >= 0; i--) {
        Item item = ended.get(i);
        if (item.done) {
          continue;
        }
        if (item.kind == Kind.CONFIRMED) {
          unconfirmed--;
          unconfirmedBytes -= item.size;
        }
        if (closed != null || (item.kind == Kind.FLUSH && !replayFlushes)) {
          item.done = true;
          failed.add(item);
        } else {
          if (item.kind == Kind.CONFIRMED) {
            replayedCount++;
          }
          queue.addFirst(item);
          bytes += item.size;
        }
      }
      ended.clear();
    } finally {
      lock.unlock();
    }
    ConnectionException cause = closed != null ? closed : error;
    for (int i = failed.size() - 1; i >= 0; i--) {
      failed.get(i).fail(cause, completions);
    }
  }

  /**
   * @return counters of confirmed sends; the pressure counters are zero here
   */
  public DeliveryStats stats() {
    lock.lock();
    try {
      return new DeliveryStats(0, 0, 0, confirmedCount, retriedCount, replayedCount, unconfirmed);
    } finally {
      lock.unlock();
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
      failed = new ArrayList<>();
      for (Barrier b : written) {
        Item item = b.item();
        if (item != null && !item.done) {
          failed.add(item);
        }
      }
      for (Item item : ended) {
        if (!item.done) {
          failed.add(item);
        }
      }
      failed.addAll(queue);
      failed.forEach(i -> i.done = true);
      written.clear();
      ended.clear();
      queue.clear();
      bytes = 0;
      unconfirmed = 0;
      unconfirmedBytes = 0;
    } finally {
      lock.unlock();
    }
    failed.forEach(i -> i.fail(error, completions));
  }

  /**
   * @return queued frames, and confirmed sends waiting for their confirmation
   */
  public int size() {
    lock.lock();
    try {
      return queue.size() + unconfirmed;
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
