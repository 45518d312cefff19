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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Requests awaiting a correlated response, keyed by request id. Each ends exactly once: with its
 * response, an error or its deadline, whichever comes first (the first removes the entry). The
 * outcome is decided on the thread that saw it (a gRPC or timer thread); the caller's future is
 * then completed on the callback executor through a {@link Handoff}, which never loses the task, so
 * user continuations never run on gRPC threads. A request whose future only an SDK thread waits on
 * (a blocking convenience) is completed in place instead: that wakes the waiter without a hand-off
 * and does not depend on the callback executor at all.
 */
public final class PendingRequests {

  /** Turns a response frame into a request's value; may throw to fail the request. */
  @FunctionalInterface
  public interface Decoder<T> {
    /**
     * @param response the correlated response frame
     * @return the value
     */
    @Nullable T decode(DownstreamMessage response);
  }

  /** One waiting request. */
  private static final class Entry<T> {
    final CompletableFuture<T> future = new CompletableFuture<>();
    final UpstreamMessage frame;
    final boolean idempotent;
    final @Nullable Executor completer;
    final Decoder<T> decoder;
    final Function<Throwable, Throwable> mapError;
    final RequestObservation observation;
    volatile @Nullable ScheduledFuture<?> timer;

    Entry(
        UpstreamMessage frame,
        boolean idempotent,
        @Nullable Executor completer,
        Decoder<T> decoder,
        Function<Throwable, Throwable> mapError,
        RequestObservation observation) {
      this.frame = frame;
      this.idempotent = idempotent;
      this.completer = completer;
      this.decoder = decoder;
      this.mapError = mapError;
      this.observation = observation;
    }
  }

  private final Map<String, Entry<?>> entries = new ConcurrentHashMap<>();
  private final Executor completions;

  /**
   * @param completions hand-off to the callback executor
   */
  public PendingRequests(Handoff completions) {
    this.completions = completions;
  }

  /**
   * @param <T> value type
   * @param requestId unique id
   * @param operation operation name for timeouts
   * @param timeout deadline
   * @param frame the request frame
   * @param idempotent whether the frame may be re-sent after a reconnect while its deadline allows
   * @param completer where the future completes, or null for the callback executor: {@code
   *     Runnable::run} (the thread that decides the outcome) only for futures no user code sees (a
   *     blocking convenience waiting on it), an SDK thread for requests made inside handlers
   * @param decoder turns the response into the value (runs on the thread that read the response)
   * @param mapError turns a failure (timeout, disconnect, gateway error) into what the caller sees
   * @param observation told of the outcome before the future completes
   * @return future of the value
   */
  public <T> CompletableFuture<T> register(
      String requestId,
      String operation,
      Duration timeout,
      UpstreamMessage frame,
      boolean idempotent,
      @Nullable Executor completer,
      Decoder<T> decoder,
      Function<Throwable, Throwable> mapError,
      RequestObservation observation) {
    Entry<T> e = new Entry<>(frame, idempotent, completer, decoder, mapError, observation);
    entries.put(requestId, e);
    e.timer =
        ClientExecutors.scheduler()
            .schedule(
                () -> fail(requestId, new AetherTimeoutException(operation, timeout, null)),
                timeout.toNanos(),
                TimeUnit.NANOSECONDS);
    return e.future;
  }

  /**
   * @param requestId id from the response
   * @param response the response frame
   * @return true if a request was waiting
   */
  public boolean complete(String requestId, DownstreamMessage response) {
    Entry<?> e = requestId.isEmpty() ? null : entries.remove(requestId);
    if (e == null) {
      return false;
    }
    cancelTimer(e);
    succeed(e, response);
    return true;
  }

  /**
   * @param requestId id
   * @param error failure
   * @return true if a request was waiting
   */
  public boolean fail(String requestId, Throwable error) {
    Entry<?> e = entries.remove(requestId);
    if (e == null) {
      return false;
    }
    cancelTimer(e);
    Throwable mapped;
    try {
      mapped = e.mapError.apply(error);
    } catch (RuntimeException x) {
      mapped = x;
    }
    observe(e, mapped);
    finish(e, null, mapped);
    return true;
  }

  /**
   * Ends the requests whose frames went to the transport of a stream that has ended (their
   * responses died with it): idempotent ones are handed to {@code resend} (their deadline keeps
   * running), the others fail. Requests still queued stay: they are written on the next stream.
   *
   * @param error failure for the others
   * @param stillQueued frames still waiting in the outbound queue
   * @param resend re-queues an idempotent request frame, or null to fail everything
   */
  public void endSent(
      Throwable error,
      Set<UpstreamMessage> stillQueued,
      @Nullable BiConsumer<String, UpstreamMessage> resend) {
    List<String> failed = new ArrayList<>();
    entries.forEach(
        (id, e) -> {
          if (stillQueued.contains(e.frame)) {
            return;
          }
          if (resend != null && e.idempotent) {
            resend.accept(id, e.frame);
          } else {
            failed.add(id);
          }
        });
    failed.forEach(id -> fail(id, error));
  }

  /**
   * @param error failure for every waiting request
   */
  public void failAll(Throwable error) {
    new ArrayList<>(entries.keySet()).forEach(id -> fail(id, error));
  }

  /**
   * @param requestId a request id
   * @return true if that request is still waiting
   */
  public boolean isWaiting(String requestId) {
    return entries.containsKey(requestId);
  }

  /**
   * @return number of waiting requests
   */
  public int size() {
    return entries.size();
  }

  private <T> void succeed(Entry<T> e, DownstreamMessage response) {
    T value;
    try {
      value = e.decoder.decode(response);
    } catch (RuntimeException x) {
      observe(e, x);
      finish(e, null, x);
      return;
    }
    observe(e, null);
    finish(e, value, null);
  }

  private static void observe(Entry<?> e, @Nullable Throwable error) {
    try {
      e.observation.onComplete(error);
    } catch (RuntimeException ignored) {
      // observations are guarded where they are built; this keeps the request's end unconditional
    }
  }

  private <T> void finish(Entry<T> e, @Nullable T value, @Nullable Throwable error) {
    Executor completer = e.completer;
    (completer != null ? completer : completions).execute(() -> apply(e.future, value, error));
  }

  private static <T> void apply(
      CompletableFuture<T> future, @Nullable T value, @Nullable Throwable error) {
    if (error != null) {
      future.completeExceptionally(error);
    } else {
      future.complete(value);
    }
  }

  private static void cancelTimer(Entry<?> e) {
    ScheduledFuture<?> t = e.timer;
    if (t != null) {
      t.cancel(false);
    }
  }
}
