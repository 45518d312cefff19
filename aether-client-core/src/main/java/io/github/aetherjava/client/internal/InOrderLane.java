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
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Requests of one kind whose responses the gateway may send without a request id (workspace, agent
 * and ACL operations): at most one is on the wire, so an un-tagged response answers the call on the
 * wire. Others wait in arrival order; their deadline runs while they wait.
 *
 * <p>When the call on the wire times out, its answer may still come; taken as the answer of the
 * next call it would be silently wrong. So after such a timeout the lane waits for that late answer
 * (which is dropped) before sending the next call, for as long as the timed-out call's own timeout,
 * but at least {@link #MIN_ORPHAN_WAIT} and at most {@link #MAX_ORPHAN_WAIT}. An answer later than
 * that would still be taken for the next call's; the real gateway answers these operations at once.
 *
 * <p>Advancing the lane happens in the request's own completion path (reading, timer or caller
 * thread), never on the callback executor, and never under the lane's lock.
 */
final class InOrderLane {

  /** Longest wait for the late answer of a timed-out call before the next call is sent. */
  static final Duration MAX_ORPHAN_WAIT = Duration.ofSeconds(30);

  /** Shortest such wait, so a late answer of a call with a very short timeout is still caught. */
  static final Duration MIN_ORPHAN_WAIT = Duration.ofSeconds(1);

  private final ClientCore core;
  private final Object lock = new Object();
  private final ArrayDeque<Call<?>> waiting = new ArrayDeque<>();
  private @Nullable Call<?> inFlight;
  private boolean pumping;
  // a timed-out call's answer may still arrive; the next call waits for it
  private boolean awaitingOrphan;
  private @Nullable ScheduledFuture<?> orphanTimer;

  InOrderLane(ClientCore core) {
    this.core = core;
  }

  /**
   * Matches a response of this kind to a request.
   *
   * @param echoedId the response's request id ("" if the gateway sent none)
   * @return the id of the request it answers ("" if none: the late answer of a timed-out call)
   */
  String answer(String echoedId) {
    synchronized (lock) {
      Call<?> c = inFlight;
      if (c != null && (echoedId.isEmpty() || echoedId.equals(c.requestId))) {
        return c.requestId;
      }
      if (!awaitingOrphan) {
        return echoedId;
      }
    }
    orphanArrived();
    return echoedId;
  }

  /**
   * Fails the request on the wire with a failure the gateway sent without a request id (a
   * permission denial), or takes it as the late answer of a timed-out call.
   *
   * @return true if the failure was consumed
   */
  boolean failInFlight(Throwable error) {
    String id;
    synchronized (lock) {
      Call<?> c = inFlight;
      if (c == null && !awaitingOrphan) {
        return false;
      }
      id = c == null ? "" : c.requestId;
    }
    if (id.isEmpty()) {
      orphanArrived();
      return true;
    }
    return core.failRequest(id, error);
  }

  private void orphanArrived() {
    synchronized (lock) {
      if (!awaitingOrphan) {
        return;
      }
      awaitingOrphan = false;
      ScheduledFuture<?> t = orphanTimer;
      if (t != null) {
        t.cancel(false);
      }
    }
    pump();
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
            new CompletableFuture<>(),
            core.completions());
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
        if (pumping || inFlight != null || awaitingOrphan || waiting.isEmpty()) {
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
    call.sent = true;
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
        error -> finished(call, error));
  }

  private void finished(Call<?> call) {
    finished(call, null);
  }

  private void finished(Call<?> call, @Nullable Throwable error) {
    synchronized (lock) {
      if (inFlight != call) {
        return;
      }
      inFlight = null;
      if (error instanceof AetherTimeoutException && call.sent) {
        awaitingOrphan = true;
        Duration wait = call.timeout;
        if (wait.compareTo(MIN_ORPHAN_WAIT) < 0) {
          wait = MIN_ORPHAN_WAIT;
        } else if (wait.compareTo(MAX_ORPHAN_WAIT) > 0) {
          wait = MAX_ORPHAN_WAIT;
        }
        orphanTimer =
            ClientExecutors.scheduler()
                .schedule(this::orphanArrived, wait.toNanos(), TimeUnit.NANOSECONDS);
        return;
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
    final CompletableFuture<T> future;
    final Executor completions;
    final AtomicBoolean settled = new AtomicBoolean();
    volatile boolean sent;
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
        CompletableFuture<T> future,
        Executor completions) {
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
      this.completions = completions;
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
        Completions.complete(completions, future, null, e);
        return;
      }
      observation.onComplete(null);
      Completions.complete(completions, future, value, null);
    }

    void fail(Throwable error) {
      if (!settled.compareAndSet(false, true)) {
        return;
      }
      Throwable mapped = mapError.apply(error);
      observation.onComplete(mapped);
      Completions.complete(completions, future, null, mapped);
    }
  }
}
