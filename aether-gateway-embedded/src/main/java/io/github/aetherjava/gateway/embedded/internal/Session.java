/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.Signal;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connected stream. All writes to the gRPC call go through {@link #drain()}, which is
 * serialised (never concurrent) and only writes while the transport is ready, so a client that
 * stops reading cannot make the server buffer without bound: responses and broadcast frames sit in
 * bounded queues, durable messages stay in their topic log until written.
 */
public final class Session {

  private static final Logger log = LoggerFactory.getLogger(Session.class);

  /** AetherLite's text for a frame dropped because the session's delivery buffer is full. */
  static final String BACKPRESSURE_MESSAGE =
      "delivery buffer full \u2014 messages are being dropped; consider reducing send rate or"
          + " processing messages faster";

  private final String id;
  private final Identity identity;
  private final ServerCallStreamObserver<DownstreamMessage> call;
  private final int queueCapacity;
  private final int maxFrameBytes;
  private final Instant connectedAt;
  private final Consumer<Session> onTerminated;

  private final Object queueLock = new Object();
  private final ArrayDeque<DownstreamMessage> control = new ArrayDeque<>();
  private final ArrayDeque<DownstreamMessage> lanes = new ArrayDeque<>();

  /** Signals raised before {@link #start()}: queued behind the handshake's ack and snapshot. */
  private final ArrayDeque<DownstreamMessage> deferredSignals = new ArrayDeque<>();

  private final AtomicInteger wip = new AtomicInteger();
  private final AtomicLong drops = new AtomicLong();
  private final Set<String> laneSubscriptions = ConcurrentHashMap.newKeySet();

  private volatile String workspace;
  private volatile @Nullable DurableTopic durable;
  private volatile @Nullable Status pendingTermination;
  private volatile boolean terminated;
  private volatile boolean started;
  private boolean noticePending;
  private volatile boolean resumed;
  private volatile int reconnectionCount;
  private volatile int laneCapacity;
  private volatile long initialConnectionMs;
  private volatile Policy.@Nullable RateLimiter rateLimiter;

  private final AtomicBoolean inboundPaused = new AtomicBoolean();

  /** Frames handled whose transport request is withheld while inbound is paused. */
  private final AtomicInteger owedRequests = new AtomicInteger();

  private volatile IntConsumer requestMore = n -> {};

  Session(
      String id,
      Identity identity,
      ServerCallStreamObserver<DownstreamMessage> call,
      int queueCapacity,
      int maxFrameBytes,
      Instant connectedAt,
      Consumer<Session> onTerminated) {
    this.id = id;
    this.identity = identity;
    this.call = call;
    this.queueCapacity = queueCapacity;
    this.maxFrameBytes = maxFrameBytes;
    this.connectedAt = connectedAt;
    this.onTerminated = onTerminated;
    this.laneCapacity = queueCapacity;
    this.workspace = identity.workspace();
    this.initialConnectionMs = connectedAt.toEpochMilli();
  }

  public String id() {
    return id;
  }

  public Identity identity() {
    return identity;
  }

  /**
   * Current workspace: the identity workspace, or for users the last {@code SwitchWorkspace}
   * target.
   */
  public String workspace() {
    return workspace;
  }

  void workspace(String ws) {
    this.workspace = ws;
  }

  public Instant connectedAt() {
    return connectedAt;
  }

  public boolean resumed() {
    return resumed;
  }

  public int reconnectionCount() {
    return reconnectionCount;
  }

  public long initialConnectionMs() {
    return initialConnectionMs;
  }

  /** The connection's send/progress rate limiter, or null when rate limiting is off. */
  public Policy.@Nullable RateLimiter rateLimiter() {
    return rateLimiter;
  }

  void rateLimiter(Policy.@Nullable RateLimiter limiter) {
    this.rateLimiter = limiter;
  }

  /**
   * Bounds the queue of pushed frames (broadcasts, and under lite-parity live identity-topic
   * messages) to {@code frames}: AetherLite's per-session staging buffer.
   */
  void laneCapacity(int frames) {
    this.laneCapacity = frames;
  }

  /** How to ask the transport for more upstream frames (manual inbound flow control). */
  void inboundRequester(IntConsumer request) {
    this.requestMore = request;
  }

  /**
   * One upstream frame has been handled: requests replacements from the transport once {@link
   * GatewaySettings#INBOUND_REQUEST_BATCH} are owed, or, while inbound is paused, withholds them
   * until {@link #resumeInbound()}.
   */
  void frameHandled() {
    // Counted before the check: either this sees the pause lifted, or resumeInbound (which lifts it
    // before
    // collecting) sees the count.
    if (owedRequests.incrementAndGet() >= GatewaySettings.INBOUND_REQUEST_BATCH
        && !inboundPaused.get()) {
      releaseOwedRequests();
    }
  }

  private void releaseOwedRequests() {
    int n = owedRequests.getAndSet(0);
    if (n > 0) {
      requestMore.accept(n);
    }
  }

  /** Stops requesting this client's frames (a topic it publishes to is congested). */
  void pauseInbound() {
    inboundPaused.set(true);
  }

  /** Resumes reading this client's frames: requests the ones withheld while paused. */
  void resumeInbound() {
    if (inboundPaused.compareAndSet(true, false)) {
      releaseOwedRequests();
    }
  }

  /** True while this client's frames are not being read. */
  public boolean inboundPaused() {
    return inboundPaused.get();
  }

  void markResumedFrom(Session previous) {
    this.resumed = true;
    this.reconnectionCount = previous.reconnectionCount + 1;
    this.initialConnectionMs = previous.initialConnectionMs;
  }

  /** Frames waiting in this session's queues (not counting durable backlog). */
  public int queuedFrames() {
    synchronized (queueLock) {
      return control.size() + lanes.size();
    }
  }

  /** Frames dropped because this session could not keep up. */
  public long backpressureDrops() {
    return drops.get();
  }

  /** True once the handshake let frames flow ({@link #start()}); earlier sends queue behind it. */
  public boolean isStarted() {
    return started;
  }

  public boolean isTerminated() {
    return terminated || pendingTermination != null;
  }

  Set<String> laneSubscriptions() {
    return laneSubscriptions;
  }

  void durable(@Nullable DurableTopic topic) {
    this.durable = topic;
  }

  @Nullable DurableTopic durable() {
    return durable;
  }

  /**
   * Queues a response or notice. These are small and rare compared with routed traffic; the cap
   * only guards against a client that sends requests but never reads.
   */
  public void send(DownstreamMessage frame) {
    if (isTerminated()) {
      return;
    }
    DownstreamMessage f = frame;
    if (f.getSerializedSize() > maxFrameBytes) {
      log.warn(
          "event=oversized_response session={} identity={} payload={} bytes={} limit={}",
          id,
          identity.key(),
          f.getPayloadCase(),
          f.getSerializedSize(),
          maxFrameBytes);
      f =
          Frames.error(
              "ERR_INTERNAL",
              "response exceeds the gateway's maximum frame size of " + maxFrameBytes + " bytes",
              Frames.requestId(frame));
    }
    synchronized (queueLock) {
      if (control.size() >= queueCapacity) {
        drops.incrementAndGet();
        log.warn(
            "event=response_dropped session={} identity={} payload={}",
            id,
            identity.key(),
            f.getPayloadCase());
        return;
      }
      control.add(f);
    }
    drain();
  }

  /**
   * Queues a frame from a broadcast lane; drops it (and tells the client) when the lane queue is
   * full.
   */
  void offerLane(DownstreamMessage frame) {
    if (isTerminated()) {
      return;
    }
    if (stage(frame)) {
      drain();
    }
  }

  /**
   * Queues a pushed frame without writing it (the caller holds a lock and wakes the session with
   * {@link #drain()} afterwards). When the queue is full the frame is dropped, counted, and the
   * client gets one {@code BACKPRESSURE} error until it has read that one.
   *
   * @return whether the frame was queued
   */
  boolean stage(DownstreamMessage frame) {
    synchronized (queueLock) {
      if (terminated || pendingTermination != null) {
        return false;
      }
      if (lanes.size() >= laneCapacity) {
        backpressureLocked();
        return false;
      }
      lanes.add(frame);
      return true;
    }
  }

  /**
   * Records a drop on this session's behalf (its durable backlog overflowed) and queues the notice.
   * Does not drain: the caller holds topic locks and wakes the session afterwards.
   */
  void markBackpressure() {
    synchronized (queueLock) {
      backpressureLocked();
    }
  }

  private void backpressureLocked() {
    drops.incrementAndGet();
    if (!noticePending) {
      noticePending = true;
      log.warn(
          "event=backpressure session={} identity={} drops={}", id, identity.key(), drops.get());
      control.add(Frames.error("BACKPRESSURE", BACKPRESSURE_MESSAGE));
    }
  }

  /** Sends {@code signal} and then ends the stream with {@code status}. */
  public void signalAndTerminate(Signal.SignalType type, String reason, Status status) {
    if (isTerminated()) {
      return;
    }
    synchronized (queueLock) {
      control.add(Frames.signal(type, reason));
    }
    terminate(status);
  }

  /**
   * Queues {@code signal} without ending the stream: the session keeps being served (so frames the
   * client already wrote are still processed) until the client half-closes or the caller terminates
   * it.
   */
  public void signal(Signal.SignalType type, String reason) {
    if (isTerminated()) {
      return;
    }
    synchronized (queueLock) {
      if (!started) {
        // The handshake has not queued its ack yet; the signal must not overtake it.
        deferredSignals.add(Frames.signal(type, reason));
        return;
      }
      control.add(Frames.signal(type, reason));
    }
    drain();
  }

  /**
   * Ends the stream with {@code status} (OK = normal completion) after flushing queued responses.
   */
  public void terminate(Status status) {
    synchronized (queueLock) {
      if (pendingTermination != null || terminated) {
        return;
      }
      pendingTermination = status;
    }
    drain();
  }

  /** The client went away (cancelled or failed); nothing more can be written. */
  void clientGone() {
    boolean first;
    synchronized (queueLock) {
      first = !terminated;
      terminated = true;
      control.clear();
      lanes.clear();
    }
    if (first) {
      onTerminated.accept(this);
    }
  }

  /**
   * Lets frames flow. Until then frames only queue up, so the handshake can finish its
   * subscriptions before the client sees the ack (a client may act on the ack at once), while the
   * ack still precedes any replayed message.
   */
  void start() {
    synchronized (queueLock) {
      started = true;
      control.addAll(deferredSignals);
      deferredSignals.clear();
    }
    drain();
  }

  /** Writes as much as the transport accepts. Safe to call from any thread, any number of times. */
  public void drain() {
    if (wip.getAndIncrement() != 0) {
      return;
    }
    int missed = 1;
    while (true) {
      drainOnce();
      missed = wip.addAndGet(-missed);
      if (missed == 0) {
        return;
      }
    }
  }

  private void drainOnce() {
    if (terminated) {
      return;
    }
    Status ending = pendingTermination;
    if (ending != null) {
      finish(ending);
      return;
    }
    if (!started) {
      return;
    }
    try {
      while (call.isReady() && pendingTermination == null) {
        DownstreamMessage frame;
        synchronized (queueLock) {
          frame = control.poll();
          if (frame != null
              && frame.hasError()
              && "BACKPRESSURE".equals(frame.getError().getCode())) {
            noticePending = false;
          }
        }
        if (frame != null) {
          write(frame);
          continue;
        }
        DurableTopic topic = durable;
        if (topic != null) {
          if (topic.deliverHead(this, this::write)) {
            continue;
          }
        }
        synchronized (queueLock) {
          frame = lanes.poll();
        }
        if (frame == null) {
          return;
        }
        write(frame);
      }
      if (pendingTermination != null) {
        finish(pendingTermination);
      }
    } catch (RuntimeException e) {
      // The call was cancelled under us; treat it as the client going away.
      log.debug(
          "event=write_failed session={} identity={} cause={}", id, identity.key(), e.toString());
      clientGone();
    }
  }

  private void write(DownstreamMessage frame) {
    call.onNext(frame);
  }

  private void finish(Status status) {
    // Flush what is already queued (ack, signal, final responses) regardless of readiness: gRPC
    // buffers it and
    // the amount is bounded by the queue capacity.
    try {
      while (true) {
        DownstreamMessage frame;
        synchronized (queueLock) {
          frame = control.poll();
        }
        if (frame == null) {
          break;
        }
        write(frame);
      }
      if (status.isOk()) {
        call.onCompleted();
      } else {
        call.onError(status.asRuntimeException());
      }
    } catch (RuntimeException e) {
      log.debug(
          "event=close_after_close session={} identity={} cause={}",
          id,
          identity.key(),
          e.toString());
    }
    clientGone();
  }

  @Override
  public String toString() {
    return "Session[" + id + " " + identity.key() + "]";
  }
}
