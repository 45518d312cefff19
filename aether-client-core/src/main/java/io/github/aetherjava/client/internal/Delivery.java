/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import io.github.aetherjava.client.AetherTimeoutException;
import io.github.aetherjava.client.ConnectionException;
import io.github.aetherjava.client.FailureReason;
import io.github.aetherjava.client.GatewayError;
import io.github.aetherjava.client.Registration;
import io.github.aetherjava.client.delivery.DeliveryStats;
import io.github.aetherjava.client.delivery.PressureEvent;
import io.github.aetherjava.client.delivery.PressureKind;
import io.github.aetherjava.client.delivery.PressureListener;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery side of one client: {@code flush()}, the gateway's rate-limit, quota and
 * back-pressure errors as counted, logged and listenable {@link PressureEvent}s, attribution of
 * send refusals to confirmed sends, and settling the barriers of an ended stream.
 */
final class Delivery {

  private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

  /** Least time between two WARN lines about pressure events of one kind. */
  static final Duration LOG_INTERVAL = Duration.ofSeconds(10);

  /** Events waiting for slow pressure listeners; beyond it events are skipped, totals are not. */
  static final int MAX_QUEUED_EVENTS = 1024;

  private final Outbound outbound;
  private final Observers observers;
  private final boolean confirmed;
  private final Supplier<String> identity;
  private final Consumer<Runnable> ordered;
  private final Handoff handoff;
  // indexed by PressureKind.ordinal()
  private final AtomicLongArray totals = new AtomicLongArray(PressureKind.values().length);
  private final AtomicLongArray lastLogged = new AtomicLongArray(PressureKind.values().length);
  private final List<PressureListener> listeners = new CopyOnWriteArrayList<>();
  private final ReentrantLock eventLock = new ReentrantLock();
  // guarded by eventLock
  private final Deque<PressureEvent> events = new ArrayDeque<>();
  private boolean delivering;

  Delivery(
      Outbound outbound,
      Observers observers,
      boolean confirmed,
      Supplier<String> identity,
      Consumer<Runnable> ordered,
      Handoff handoff) {
    this.outbound = outbound;
    this.observers = observers;
    this.confirmed = confirmed;
    this.identity = identity;
    this.ordered = ordered;
    this.handoff = handoff;
    long longAgo = System.nanoTime() - LOG_INTERVAL.toNanos();
    for (int i = 0; i < lastLogged.length(); i++) {
      lastLogged.set(i, longAgo);
    }
  }

  /**
   * Sees every uncorrelated gateway error first (on the reading thread).
   *
   * @return true if it refused a confirmed send, which reports it itself
   */
  boolean onError(GatewayError error) {
    PressureKind kind = PressureKind.ofCode(error.code());
    // BACKPRESSURE comes through the gateway's delivery queue, out of order with answers
    // (and an error carrying a request id answers that request, not a send)
    boolean attributed =
        confirmed
            && kind != PressureKind.BACKPRESSURE
            && error.requestId() == null
            && outbound.attributeRefusal(error);
    if (kind != null) {
      if (kind != PressureKind.BACKPRESSURE) {
        outbound.pausePacing(error.retryAfter());
      }
      pressure(new PressureEvent(kind, error, totals.incrementAndGet(kind.ordinal()), attributed));
    }
    return attributed;
  }

  private void pressure(PressureEvent event) {
    int k = event.kind().ordinal();
    long now = System.nanoTime();
    long then = lastLogged.get(k);
    if (now - then >= LOG_INTERVAL.toNanos() && lastLogged.compareAndSet(k, then, now)) {
      LOG.warn(
          "{}: gateway {} ({}: {}); {} so far{}",
          identity.get(),
          event.kind(),
          event.error().code(),
          event.error().message(),
          event.total(),
          event.kind() == PressureKind.BACKPRESSURE
              ? "; frames to this client were dropped: handle messages faster or widen"
                  + " inboundWindow"
              : event.attributedToConfirmedSend()
                  ? "; the confirmed send is retried"
                  : "; the frame was not delivered: consider SendPacing or confirmed delivery");
    }
    observers.pressure(event);
    if (listeners.isEmpty()) {
      return;
    }
    boolean start;
    eventLock.lock();
    try {
      if (events.size() < MAX_QUEUED_EVENTS) {
        events.addLast(event);
      }
      start = !delivering;
      delivering = true;
    } finally {
      eventLock.unlock();
    }
    if (start) {
      ordered.accept(this::deliverEvents);
    }
  }

  private void deliverEvents() {
    while (true) {
      List<PressureEvent> batch;
      eventLock.lock();
      try {
        if (events.isEmpty()) {
          delivering = false;
          return;
        }
        batch = new ArrayList<>(events);
        events.clear();
      } finally {
        eventLock.unlock();
      }
      for (PressureEvent e : batch) {
        for (PressureListener l : listeners) {
          try {
            l.onPressure(e);
          } catch (RuntimeException ex) {
            LOG.warn("{}: a pressure listener threw; ignored", identity.get(), ex);
          }
        }
      }
    }
  }

  Registration onPressure(PressureListener listener) {
    Arguments.notNull(listener, "listener");
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /**
   * @param timeout how long to wait for the answer (positive: {@link ClientCore#flush} checked it)
   * @param inHandler whether the caller runs a handler of this client (then the future completes on
   *     an SDK thread, so waiting for it cannot starve the callback executor)
   * @return completes when every frame queued before it was processed by the gateway
   */
  CompletableFuture<Void> flush(Duration timeout, boolean inHandler) {
    CompletableFuture<Void> answered = outbound.enqueueFlush();
    CompletableFuture<Void> result = new CompletableFuture<>();
    Executor completer = inHandler ? handoff.sdkThread() : handoff;
    ScheduledFuture<?> timer =
        ClientExecutors.scheduler()
            .schedule(
                () ->
                    completer.execute(
                        () ->
                            result.completeExceptionally(
                                new AetherTimeoutException("flush", timeout, null))),
                timeout.toNanos(),
                TimeUnit.NANOSECONDS);
    answered.whenComplete(
        (v, e) -> {
          timer.cancel(false);
          completer.execute(
              () -> {
                if (e == null) {
                  result.complete(null);
                } else {
                  result.completeExceptionally(e);
                }
              });
        });
    return result;
  }

  /** Barriers of the ended stream: replay what is replayed, fail the rest. */
  void streamEnded(ConnectionException dropped) {
    outbound.settleEndedStream(
        new ConnectionException(
            FailureReason.DISCONNECTED,
            "the stream ended before the gateway answered the flush; frames written before it may"
                + " be lost: "
                + String.valueOf(dropped.getMessage()),
            dropped.getCause(),
            dropped.isRecoverable(),
            dropped.grpcStatus()));
  }

  DeliveryStats stats() {
    DeliveryStats s = outbound.stats();
    return new DeliveryStats(
        totals.get(PressureKind.RATE_LIMITED.ordinal()),
        totals.get(PressureKind.QUOTA_EXCEEDED.ordinal()),
        totals.get(PressureKind.BACKPRESSURE.ordinal()),
        s.confirmed(),
        s.retried(),
        s.replayed(),
        s.unconfirmed());
  }
}
