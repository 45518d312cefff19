/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import io.github.aetherjava.client.AetherTimeoutException;
import io.github.aetherjava.client.RequestObservation;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Requests of one kind whose responses the gateway may send without a request id (workspace, agent
 * and ACL operations): at most one is on the wire, so an un-tagged response answers {@link
 * #inFlightId()}. Others wait in arrival order; their deadline runs while they wait. Advancing the
 * lane happens in the request's own completion path (reading, timer or caller thread), never on the
 * callback executor, and never under the lane's lock.
 */
final class InOrderLane {

  private final ClientCore core;
  private final Object lock = new Object();
  private final ArrayDeque<Call<?>> waiting = new ArrayDeque<>();
  private @Nullable Call<?> inFlight;
  private boolean pumping;

  InOrderLane(ClientCore core) {
    this.core = core;
  }

  /**
   * @return the id of the request on the wire, or "" if none
   */
  String inFlightId() {
    synchronized (lock) {
      Call<?> c = inFlight;
      return c == null ? "" : c.requestId;
    }
  }

  /**
   * Fails the request on the wire (for example with a permission denial that carried no id).
   *
   * @return true if one was failed
   */
  boolean failInFlight(Throwable error) {
    String id = inFlightId();
    return !id.isEmpty() && core.failRequest(id, error);
  }

  /**
   * @param <T> value type
   * @param operation operation name
   * @param frameFor builds the frame for a request id
   * @param timeout deadline, counted from now
   * @param idempotent whether the request may be re-sent after a reconnect
   * @param decoder turns the response into the value (reading thread; may throw)
   * @param mapError turns a failure into what the caller sees
   * @return the caller's future
   */
  <T> CompletableFuture<T> submit(
      String operation,
      Function<String, UpstreamMessage> frameFor,
      Duration timeout,
      boolean idempotent,
      PendingRequests.Decoder<T> decoder,
      Function<Throwable, Throwable> mapError) {
    String id = core.nextRequestId();
    Call<T> call =
        new Call<>(
            operation,
            id,
            frameFor.apply(id),
            timeout,
            idempotent,
            decoder,
            mapError,
            core.observe(operation),
            new ResponseFuture<>(core.callbackExecutor()));
    synchronized (lock) {
      waiting.addLast(call);
    }
    call.queuedTimer =
        ClientExecutors.scheduler()
            .schedule(() -> expireWaiting(call), timeout.toNanos(), TimeUnit.NANOSECONDS);
    pump();
    return call.future;
  }

  private void expireWaiting(Call<?> call) {
    synchronized (lock) {
      if (!waiting.remove(call)) {
        return;
      }
    }
    call.fail(new AetherTimeoutException(call.operation, call.timeout, null));
  }

  private void pump() {
    while (true) {
      Call<?> next;
      synchronized (lock) {
        if (pumping || inFlight != null || waiting.isEmpty()) {
          return;
        }
        next = waiting.pollFirst();
        inFlight = next;
        pumping = true;
      }
      try {
        start(next);
      } finally {
        synchronized (lock) {
          pumping = false;
        }
      }
    }
  }

  private <T> void start(Call<T> call) {
    ScheduledFuture<?> t = call.queuedTimer;
    if (t != null) {
      t.cancel(false);
    }
    long left = call.deadlineNanos - System.nanoTime();
    if (left <= 0) {
      call.fail(new AetherTimeoutException(call.operation, call.timeout, null));
      finished(call);
      return;
    }
    core.request(
        call.operation,
        call.requestId,
        call.frame,
        Duration.ofNanos(left),
        call.idempotent,
        m -> {
          call.succeed(m);
          return null;
        },
        e -> {
          call.fail(e);
          return e;
        },
        error -> finished(call));
  }

  private void finished(Call<?> call) {
    synchronized (lock) {
      if (inFlight == call) {
        inFlight = null;
      }
    }
    pump();
  }

  private static final class Call<T> {
    final String operation;
    final String requestId;
    final UpstreamMessage frame;
    final Duration timeout;
    final long deadlineNanos;
    final boolean idempotent;
    final PendingRequests.Decoder<T> decoder;
    final Function<Throwable, Throwable> mapError;
    final RequestObservation observation;
    final ResponseFuture<T> future;
    final AtomicBoolean settled = new AtomicBoolean();
    volatile @Nullable ScheduledFuture<?> queuedTimer;

    Call(
        String operation,
        String requestId,
        UpstreamMessage frame,
        Duration timeout,
        boolean idempotent,
        PendingRequests.Decoder<T> decoder,
        Function<Throwable, Throwable> mapError,
        RequestObservation observation,
        ResponseFuture<T> future) {
      this.operation = operation;
      this.requestId = requestId;
      this.frame = frame;
      this.timeout = timeout;
      this.deadlineNanos = System.nanoTime() + timeout.toNanos();
      this.idempotent = idempotent;
      this.decoder = decoder;
      this.mapError = mapError;
      this.observation = observation;
      this.future = future;
    }

    void succeed(DownstreamMessage response) {
      if (!settled.compareAndSet(false, true)) {
        return;
      }
      T value;
      try {
        value = decoder.decode(response);
      } catch (RuntimeException e) {
        observation.onComplete(e);
        future.deliver(null, e);
        return;
      }
      observation.onComplete(null);
      future.deliver(value, null);
    }

    void fail(Throwable error) {
      if (!settled.compareAndSet(false, true)) {
        return;
      }
      Throwable mapped = mapError.apply(error);
      observation.onComplete(mapped);
      future.deliver(null, mapped);
    }
  }
}
