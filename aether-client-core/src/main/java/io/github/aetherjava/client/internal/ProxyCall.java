/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import com.google.protobuf.ByteString;
import io.github.aetherjava.client.AetherTimeoutException;
import io.github.aetherjava.client.RequestObservation;
import io.github.aetherjava.client.proxy.ProxyErrorKind;
import io.github.aetherjava.client.proxy.ProxyException;
import io.github.aetherjava.client.proxy.ProxyResponse;
import io.github.aetherjava.client.proxy.ProxyStreamingResponse;
import io.github.aetherjava.proto.v1.ProxyHttpBodyChunk;
import io.github.aetherjava.proto.v1.ProxyHttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One proxied call in flight on the calling side: waits for the response header, then collects (or
 * streams) the body chunks in order. Frames arrive on the reading thread, timers on the timer
 * thread, close from the user: every transition is under this object's monitor and runs no user
 * code (futures hand dependents to the callback executor).
 */
final class ProxyCall {

  private enum State {
    AWAITING_HEADER,
    RECEIVING_BODY,
    DONE
  }

  final String id;
  private final String operation;
  private final boolean streaming;
  private final long maxBodyBytes;
  private final Duration idleTimeout;
  private final int streamBuffer;
  private final Executor callbacks;
  private final RequestObservation observation;
  private final Consumer<ProxyCall> onDone;
  private final @Nullable CompletableFuture<ProxyResponse> whole;
  private final @Nullable CompletableFuture<ProxyStreamingResponse> head;

  // guarded by this
  private State state = State.AWAITING_HEADER;
  private @Nullable ScheduledFuture<?> timer;
  private int status;
  private Map<String, String> headers = Map.of();
  private ByteString collected = ByteString.EMPTY;
  private long received;
  private int nextSeq;
  private @Nullable ProxyBodyStream stream;
  private volatile boolean sent;

  ProxyCall(
      String id,
      String operation,
      boolean streaming,
      long maxBodyBytes,
      Duration idleTimeout,
      int streamBuffer,
      Executor callbacks,
      RequestObservation observation,
      Consumer<ProxyCall> onDone) {
    this.id = id;
    this.operation = operation;
    this.streaming = streaming;
    this.maxBodyBytes = maxBodyBytes;
    this.idleTimeout = idleTimeout;
    this.streamBuffer = streamBuffer;
    this.callbacks = callbacks;
    this.observation = observation;
    this.onDone = onDone;
    this.whole = streaming ? null : new CompletableFuture<>();
    this.head = streaming ? new CompletableFuture<>() : null;
  }

  CompletableFuture<ProxyResponse> whole() {
    return java.util.Objects.requireNonNull(whole);
  }

  CompletableFuture<ProxyStreamingResponse> head() {
    return java.util.Objects.requireNonNull(head);
  }

  /** Starts the deadline (whole call, or time to the header for a streamed one). */
  synchronized void start(Duration timeout) {
    if (state != State.DONE) {
      timer = schedule(timeout, () -> fail(new AetherTimeoutException(operation, timeout, null)));
    }
  }

  synchronized boolean isDone() {
    return state == State.DONE;
  }

  void markSent() {
    sent = true;
  }

  boolean sent() {
    return sent;
  }

  synchronized void onResponse(ProxyHttpResponse r) {
    if (r.hasError()) {
      fail(
          new ProxyException(
              ProxyErrorKind.fromProto(r.getError().getKind()), r.getError().getMessage()));
      return;
    }
    switch (state) {
      case AWAITING_HEADER -> {
        status = r.getStatusCode() == 0 ? 200 : r.getStatusCode();
        TreeMap<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(r.getHeadersMap());
        headers = java.util.Collections.unmodifiableMap(h);
        state = State.RECEIVING_BODY;
        if (streaming) {
          ProxyBodyStream s =
              new ProxyBodyStream(status, headers, streamBuffer, callbacks, this::closedByReader);
          stream = s;
          observation.onComplete(null);
          Completions.complete(callbacks, head(), s, null);
          cancelTimer();
          timer = schedule(idleTimeout, this::idle);
        }
        if (!append(r.getBody())) {
          return;
        }
        if (!r.getBodyChunked()) {
          complete();
        }
      }
      case RECEIVING_BODY -> complete(); // a second header without error ends the body
      case DONE -> {}
    }
  }

  synchronized void onChunk(ProxyHttpBodyChunk c) {
    if (state != State.RECEIVING_BODY) {
      return;
    }
    if (c.getSeq() != nextSeq) {
      fail(
          new ProxyException(
              ProxyErrorKind.DECODE_FAILED,
              "response chunk " + c.getSeq() + " arrived where " + nextSeq + " was expected"));
      return;
    }
    nextSeq++;
    if (!append(c.getData())) {
      return;
    }
    if (c.getFin()) {
      complete();
    } else if (streaming) {
      cancelTimer();
      timer = schedule(idleTimeout, this::idle);
    }
  }

  /** Adds body bytes; false if that failed the call. */
  private boolean append(ByteString data) {
    received += data.size();
    if (received > maxBodyBytes) {
      fail(
          new ProxyException(
              ProxyErrorKind.PAYLOAD_TOO_LARGE,
              "response body exceeds the limit of " + maxBodyBytes + " bytes"));
      return false;
    }
    ProxyBodyStream s = stream;
    if (s != null) {
      if (!s.offer(data.asReadOnlyByteBuffer())) {
        fail(
            new ProxyException(
                ProxyErrorKind.PAYLOAD_TOO_LARGE,
                "the reader fell more than " + streamBuffer + " bytes behind the stream"));
        return false;
      }
    } else if (!data.isEmpty()) {
      collected = collected.concat(data);
    }
    return true;
  }

  private void complete() {
    if (state == State.DONE) {
      return;
    }
    state = State.DONE;
    cancelTimer();
    onDone.accept(this);
    ProxyBodyStream s = stream;
    if (s != null) {
      s.end();
    } else {
      observation.onComplete(null);
      Completions.complete(
          callbacks, whole(), ProxyResponse.of(status, headers, collected.toByteArray()), null);
    }
  }

  synchronized void fail(Throwable error) {
    if (state == State.DONE) {
      return;
    }
    state = State.DONE;
    cancelTimer();
    onDone.accept(this);
    ProxyBodyStream s = stream;
    if (s != null) {
      s.fail(error);
    } else {
      observation.onComplete(error);
      if (whole != null) {
        Completions.complete(callbacks, whole, null, error);
      } else {
        Completions.complete(callbacks, head(), null, error);
      }
    }
  }

  private void idle() {
    fail(
        new ProxyException(
            ProxyErrorKind.TIMEOUT,
            "no response chunk for " + idleTimeout.toMillis() + " ms (stream idle timeout)"));
  }

  private synchronized void closedByReader() {
    if (state != State.DONE) {
      state = State.DONE;
      cancelTimer();
      onDone.accept(this);
    }
  }

  private @Nullable ScheduledFuture<?> schedule(Duration d, Runnable r) {
    return ClientExecutors.scheduler().schedule(r, d.toNanos(), TimeUnit.NANOSECONDS);
  }

  private void cancelTimer() {
    ScheduledFuture<?> t = timer;
    if (t != null) {
      t.cancel(false);
      timer = null;
    }
  }
}
