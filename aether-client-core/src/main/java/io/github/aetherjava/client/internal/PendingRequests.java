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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Requests awaiting a correlated response, keyed by request id. Each has a deadline. A response is
 * decoded on the thread that read it and completes a {@link ResponseFuture}, which keeps user
 * continuations off gRPC threads.
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

  private static final class Entry {
    final String operation;
    final Consumer<DownstreamMessage> onResponse;
    final Consumer<Throwable> onFailure;
    final @Nullable UpstreamMessage retryFrame;
    volatile @Nullable ScheduledFuture<?> timer;
    volatile boolean sent;

    Entry(
        String operation,
        Consumer<DownstreamMessage> onResponse,
        Consumer<Throwable> onFailure,
        @Nullable UpstreamMessage retryFrame) {
      this.operation = operation;
      this.onResponse = onResponse;
      this.onFailure = onFailure;
      this.retryFrame = retryFrame;
    }
  }

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Executor completions;

  /**
   * @param completions the callback executor
   */
  public PendingRequests(Executor completions) {
    this.completions = completions;
  }

  /**
   * @param <T> value type
   * @param requestId unique id
   * @param operation operation name for timeouts
   * @param timeout deadline
   * @param retryFrame the request frame if it is idempotent (re-sent after a reconnect while its
   *     deadline allows), else null
   * @param decoder turns the response into the value (runs on the thread that read the response)
   * @param mapError turns a failure (timeout, disconnect, gateway error) into what the caller sees
   * @param observation told of the outcome before the future completes
   * @return future of the value
   */
  public <T> CompletableFuture<T> register(
      String requestId,
      String operation,
      Duration timeout,
      @Nullable UpstreamMessage retryFrame,
      Decoder<T> decoder,
      Function<Throwable, Throwable> mapError,
      RequestObservation observation) {
    ResponseFuture<T> future = new ResponseFuture<>(completions);
    Consumer<Throwable> onFailure =
        error -> {
          Throwable mapped = mapError.apply(error);
          observation.onComplete(mapped);
          future.deliver(null, mapped);
        };
    Consumer<DownstreamMessage> onResponse =
        response -> {
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
        };
    Entry e = new Entry(operation, onResponse, onFailure, retryFrame);
    entries.put(requestId, e);
    e.timer =
        ClientExecutors.scheduler()
            .schedule(
                () -> fail(requestId, new AetherTimeoutException(operation, timeout, null)),
                timeout.toNanos(),
                TimeUnit.NANOSECONDS);
    return future;
  }

  /**
   * @param requestId request now handed to the transport
   */
  public void markSent(String requestId) {
    Entry e = entries.get(requestId);
    if (e != null) {
      e.sent = true;
    }
  }

  /**
   * @param requestId id from the response
   * @param response the response frame
   * @return true if a request was waiting
   */
  public boolean complete(String requestId, DownstreamMessage response) {
    Entry e = requestId.isEmpty() ? null : entries.remove(requestId);
    if (e == null) {
      return false;
    }
    cancelTimer(e);
    e.onResponse.accept(response);
    return true;
  }

  /**
   * @param requestId id
   * @param error failure
   * @return true if a request was waiting
   */
  public boolean fail(String requestId, Throwable error) {
    Entry e = entries.remove(requestId);
    if (e == null) {
      return false;
    }
    cancelTimer(e);
    e.onFailure.accept(error);
    return true;
  }

  /**
   * Fails requests already handed to the transport (their responses died with the stream). Requests
   * still buffered stay: they are written after the next acknowledgement.
   *
   * @param error failure
   */
  public void failSent(Throwable error) {
    failSent(error, null);
  }

  /**
   * Like {@link #failSent(Throwable)}, but idempotent requests are handed to {@code resend} instead
   * (their deadline keeps running): a read can safely be asked again on the next stream.
   *
   * @param error failure for the others
   * @param resend re-queues an idempotent request frame, or null to fail everything
   */
  public void failSent(Throwable error, @Nullable BiConsumer<String, UpstreamMessage> resend) {
    List<String> ids = new ArrayList<>();
    entries.forEach(
        (id, e) -> {
          if (e.sent) {
            UpstreamMessage frame = e.retryFrame;
            if (resend != null && frame != null) {
              e.sent = false;
              resend.accept(id, frame);
            } else {
              ids.add(id);
            }
          }
        });
    ids.forEach(id -> fail(id, error));
  }

  /**
   * @param error failure for every waiting request
   */
  public void failAll(Throwable error) {
    new ArrayList<>(entries.keySet()).forEach(id -> fail(id, error));
  }

  /**
   * @return number of waiting requests
   */
  public int size() {
    return entries.size();
  }

  private static void cancelTimer(Entry e) {
    ScheduledFuture<?> t = e.timer;
    if (t != null) {
      t.cancel(false);
    }
  }
}
