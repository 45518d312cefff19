/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import io.github.aetherjava.client.AetherException;
import io.github.aetherjava.client.ConnectionException;
import io.github.aetherjava.client.FailureReason;
import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.proxy.AetherFetch;
import io.github.aetherjava.client.proxy.FetchOptions;
import io.github.aetherjava.client.proxy.ProxyRequest;
import io.github.aetherjava.client.proxy.ProxyResponse;
import io.github.aetherjava.client.proxy.ProxyStreamingResponse;
import io.github.aetherjava.proto.v1.ProxyHttpRequest;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/** {@link AetherFetch} over a client's {@link ProxyEngine}. */
final class AetherFetchImpl implements AetherFetch {

  private final ProxyEngine engine;
  private final ClientCore core;
  private final String target;
  private final FetchOptions options;

  AetherFetchImpl(ProxyEngine engine, ClientCore core, String target, FetchOptions options) {
    Arguments.notBlank(target, "target");
    Arguments.notNull(options, "options");
    if (!target.contains("::")) {
      throw new InvalidArgumentException(
          "target must be a topic such as sv::impl::spec or sv::impl, got '" + target + "'");
    }
    this.engine = engine;
    this.core = core;
    this.target = target;
    this.options = options;
  }

  @Override
  public String target() {
    return target;
  }

  @Override
  public FetchOptions options() {
    return options;
  }

  @Override
  public CompletableFuture<ProxyResponse> fetch(ProxyRequest request) {
    return Arguments.check(
        () ->
            start(Arguments.notNull(request, "request"), timeoutOf(request, null), false).whole());
  }

  @Override
  public CompletableFuture<ProxyResponse> fetch(ProxyRequest request, Duration timeout) {
    return Arguments.check(
        () ->
            start(
                    Arguments.notNull(request, "request"),
                    Arguments.positive(timeout, "timeout"),
                    false)
                .whole());
  }

  @Override
  public ProxyResponse fetchBlocking(ProxyRequest request) {
    CompletableFuture<ProxyResponse> f = fetch(request);
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectionException(
          FailureReason.CLOSED, "proxy call to " + target + " interrupted", e, true, null);
    } catch (ExecutionException e) {
      throw unwrap(e.getCause());
    }
  }

  @Override
  public CompletableFuture<ProxyStreamingResponse> stream(ProxyRequest request) {
    return Arguments.check(
        () -> start(Arguments.notNull(request, "request"), timeoutOf(request, null), true).head());
  }

  private Duration timeoutOf(ProxyRequest request, @Nullable Duration override) {
    if (override != null) {
      return override;
    }
    Duration t = request.timeout();
    return t != null ? t : options.timeout();
  }

  private ProxyCall start(ProxyRequest request, Duration timeout, boolean streaming) {
    String id = core.nextRequestId();
    Duration idle =
        request.streamIdleTimeout() != null
            ? request.streamIdleTimeout()
            : options.streamIdleTimeout();
    long max =
        request.maxResponseBodyBytes() > 0
            ? request.maxResponseBodyBytes()
            : options.maxResponseBodyBytes();
    String backend = request.backendName() != null ? request.backendName() : options.backendName();
    String operation = "proxy " + request.method() + " " + target + request.path();
    ProxyCall call =
        new ProxyCall(
            id,
            operation,
            streaming,
            max,
            Objects.requireNonNull(idle),
            options.streamBufferBytes(),
            core.completions(),
            core.observe(streaming ? "proxy.stream" : "proxy.fetch"),
            engine::done);

    byte[] body = request.body(); // our own copy: chunks wrap it without copying again
    boolean chunked = body.length > ProxyChunks.CHUNK_BYTES;
    ProxyHttpRequest.Builder frame =
        ProxyHttpRequest.newBuilder()
            .setRequestId(id)
            .setTargetTopic(target)
            .setMethod(request.method())
            .setPath(request.path())
            .putAllHeaders(request.headers())
            .setBodyChunked(chunked)
            .setTimeoutMs(timeout.toMillis())
            .setFollowRedirects(request.followRedirects())
            .setBackendName(Objects.requireNonNull(backend))
            .setProxyChainDepth(request.chainDepth());
    if (!chunked) {
      frame.setBody(body.length == 0 ? ByteString.EMPTY : UnsafeByteOperations.unsafeWrap(body));
    }
    if (request.authorization() != null) {
      frame.setAuthorization(request.authorization().toProto());
    }
    if (request.maxResponseBodyBytes() > 0) {
      frame.setMaxResponseBodyBytes(request.maxResponseBodyBytes());
    }
    if (streaming) {
      frame.setStreamResponseIndefinitely(true).setStreamIdleTimeoutMs(idle.toMillis());
    }

    engine.register(call);
    call.start(timeout);
    CompletableFuture<Void> written =
        core.enqueue(
            UpstreamMessage.newBuilder().setProxyHttpRequest(frame).build(), call::markSent);
    if (written.isCompletedExceptionally()) {
      written.exceptionally(
          e -> {
            call.fail(e);
            return null;
          });
      return call;
    }
    written.exceptionally(
        e -> {
          call.fail(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
          return null;
        });
    if (chunked) {
      ProxyChunks.sendAsync(core, id, true, body, call::isDone, call::fail);
    }
    return call;
  }

  private static RuntimeException unwrap(@Nullable Throwable e) {
    if (e instanceof AetherException a) {
      return a;
    }
    if (e instanceof RuntimeException r) {
      return r;
    }
    return new AetherException(FailureReason.INTERNAL, String.valueOf(e), e, false);
  }

  @Override
  public String toString() {
    return "AetherFetch[" + target + "]";
  }
}
