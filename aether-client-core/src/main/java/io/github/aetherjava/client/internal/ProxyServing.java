/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import io.github.aetherjava.client.Registration;
import io.github.aetherjava.client.proxy.ProxyErrorKind;
import io.github.aetherjava.client.proxy.ProxyException;
import io.github.aetherjava.client.proxy.ProxyHandler;
import io.github.aetherjava.client.proxy.ProxyResponse;
import io.github.aetherjava.client.proxy.ServeOptions;
import io.github.aetherjava.client.proxy.ServedRequest;
import io.github.aetherjava.proto.v1.ProxyError;
import io.github.aetherjava.proto.v1.ProxyHttpBodyChunk;
import io.github.aetherjava.proto.v1.ProxyHttpRequest;
import io.github.aetherjava.proto.v1.ProxyHttpResponse;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serving side: collects chunked request bodies, runs the handler on the serve executor with
 * bounded concurrency (a bounded queue behind it, 503 beyond), and replies under the gateway's wire
 * id, in chunks when the body is large or streamed.
 */
final class ProxyServing {

  private static final Logger LOG = LoggerFactory.getLogger(ProxyServing.class);

  /** How long a chunked request body may take to arrive when the caller set no timeout. */
  private static final Duration DEFAULT_COLLECT_TIMEOUT = Duration.ofSeconds(60);

  private record Server(ProxyHandler handler, ServeOptions options, Executor executor) {}

  private record Job(Server server, ProxyHttpRequest header, ByteString body) {}

  /** A request whose body is still arriving in chunks. */
  private final class Collecting {
    final ProxyHttpRequest header;
    final Server server;
    ByteString body = ByteString.EMPTY;
    int nextSeq;
    @Nullable ScheduledFuture<?> timer;

    Collecting(ProxyHttpRequest header, Server server) {
      this.header = header;
      this.server = server;
    }
  }

  private final ClientCore core;
  private final Supplier<String> identity;
  private final AtomicReference<@Nullable Server> server = new AtomicReference<>();
  private final Map<String, Collecting> collecting = new ConcurrentHashMap<>();

  private final Object slots = new Object();
  // guarded by slots
  private int running;
  private final ArrayDeque<Job> waiting = new ArrayDeque<>();

  ProxyServing(ClientCore core, Supplier<String> identity) {
    this.core = core;
    this.identity = identity;
  }

  Registration serve(ProxyHandler handler, ServeOptions options) {
    Arguments.notNull(handler, "handler");
    Arguments.notNull(options, "options");
    Executor ex = options.executor() != null ? options.executor() : core.callbackExecutor();
    Server s = new Server(handler, options, java.util.Objects.requireNonNull(ex));
    if (!server.compareAndSet(null, s)) {
      throw new IllegalStateException(
          identity.get() + " already serves proxied requests; close that registration first");
    }
    return () -> server.compareAndSet(s, null);
  }

  /** Reading thread: never blocks, never runs the handler. */
  void onRequest(ProxyHttpRequest r) {
    Server s = server.get();
    if (s == null) {
      replyError(
          r.getRequestId(),
          ProxyErrorKind.SIDECAR_UNAVAILABLE,
          identity.get() + " does not serve proxied requests");
      return;
    }
    if (!s.options().allows(r.getPath())) {
      replyError(
          r.getRequestId(),
          ProxyErrorKind.ACL_DENIED,
          "path " + pathOnly(r.getPath()) + " is not in the allow-list");
      return;
    }
    if (!r.getBodyChunked()) {
      submit(s, r, r.getBody());
      return;
    }
    Collecting c = new Collecting(r, s);
    Duration wait =
        r.getTimeoutMs() > 0
            ? Duration.ofMillis(r.getTimeoutMs()).plus(DEFAULT_COLLECT_TIMEOUT)
            : DEFAULT_COLLECT_TIMEOUT;
    collecting.put(r.getRequestId(), c);
    c.timer =
        ClientExecutors.scheduler()
            .schedule(
                () -> {
                  if (collecting.remove(r.getRequestId(), c)) {
                    replyError(
                        r.getRequestId(),
                        ProxyErrorKind.TIMEOUT,
                        "request body did not arrive within " + wait.toMillis() + " ms");
                  }
                },
                wait.toMillis(),
                TimeUnit.MILLISECONDS);
  }

  /** Reading thread. */
  void onChunk(ProxyHttpBodyChunk chunk) {
    Collecting c = collecting.get(chunk.getRequestId());
    if (c == null) {
      return;
    }
    String id = chunk.getRequestId();
    if (chunk.getSeq() != c.nextSeq) {
      drop(id, c);
      replyError(
          id,
          ProxyErrorKind.DECODE_FAILED,
          "request chunk " + chunk.getSeq() + " arrived where " + c.nextSeq + " was expected");
      return;
    }
    c.nextSeq++;
    if (c.body.size() + (long) chunk.getData().size() > c.server.options().maxRequestBodyBytes()) {
      drop(id, c);
      replyError(
          id,
          ProxyErrorKind.PAYLOAD_TOO_LARGE,
          "request body exceeds the limit of "
              + c.server.options().maxRequestBodyBytes()
              + " bytes");
      return;
    }
    c.body = c.body.concat(chunk.getData());
    if (chunk.getFin()) {
      drop(id, c);
      submit(c.server, c.header, c.body);
    }
  }

  /** The gateway says the caller of a request went away: stop collecting its body. */
  void onPeerGone(ProxyHttpResponse r) {
    Collecting c = collecting.get(r.getRequestId());
    if (c != null && r.hasError()) {
      drop(r.getRequestId(), c);
    }
  }

  /** The gateway forgot every pin of the ended stream. */
  void streamEnded() {
    for (Map.Entry<String, Collecting> e : collecting.entrySet()) {
      drop(e.getKey(), e.getValue());
    }
  }

  private void drop(String id, Collecting c) {
    if (collecting.remove(id, c)) {
      ScheduledFuture<?> t = c.timer;
      if (t != null) {
        t.cancel(false);
      }
    }
  }

  // ------------------------------------------------------------------ bounded execution

  private void submit(Server s, ProxyHttpRequest header, ByteString body) {
    Job job = new Job(s, header, body);
    boolean start = false;
    boolean refused = false;
    synchronized (slots) {
      if (running < s.options().maxConcurrency()) {
        running++;
        start = true;
      } else if (waiting.size() < s.options().maxQueued()) {
        waiting.add(job);
      } else {
        refused = true;
      }
    }
    if (refused) {
      reply(header.getRequestId(), ProxyResponse.text(503, "too many concurrent proxied requests"));
    } else if (start) {
      launch(job);
    }
  }

  /** Runs {@code job} in a slot it already holds; the slot passes on when it finishes. */
  private void launch(Job job) {
    try {
      job.server()
          .executor()
          .execute(
              () -> {
                try {
                  handle(job.server(), job.header(), job.body());
                } finally {
                  released();
                }
              });
    } catch (RejectedExecutionException e) {
      reply(
          job.header().getRequestId(),
          ProxyResponse.text(503, "serve executor refused the request"));
      released();
    }
  }

  private void released() {
    Job next;
    synchronized (slots) {
      next = waiting.poll();
      if (next == null) {
        running--;
        return;
      }
    }
    launch(next);
  }

  private void handle(Server s, ProxyHttpRequest r, ByteString body) {
    ServedRequest req =
        new ServedRequest(
            r.getRequestId(),
            r.getMethod(),
            r.getPath(),
            r.getHeadersMap(),
            body.toByteArray(),
            r.getTimeoutMs() > 0 ? Duration.ofMillis(r.getTimeoutMs()) : null,
            r.getFollowRedirects(),
            r.getBackendName(),
            r.getStreamResponseIndefinitely(),
            r.getProxyChainDepth());
    ProxyResponse resp;
    try {
      resp = s.handler().handle(req);
      if (resp == null) {
        throw new IllegalStateException("handler returned null");
      }
    } catch (ProxyException e) {
      // a handler that fronts another server reports transport failures with their kind
      replyError(r.getRequestId(), e.kind(), e.detail());
      return;
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      LOG.warn("{}: proxy handler failed for {} {}", identity.get(), r.getMethod(), r.getPath(), e);
      resp = ProxyResponse.text(500, "handler failed: " + e.getClass().getSimpleName());
    }
    reply(r.getRequestId(), resp);
  }

  // ------------------------------------------------------------------ replies

  private void reply(String id, ProxyResponse resp) {
    ProxyHttpResponse.Builder head =
        ProxyHttpResponse.newBuilder()
            .setRequestId(id)
            .setStatusCode(resp.status())
            .putAllHeaders(resp.headers());
    InputStream streamed = resp.streamingBody().orElse(null);
    if (streamed != null) {
      core.enqueue(frame(head.setBodyChunked(true)), null);
      try (InputStream in = streamed) {
        if (!ProxyChunks.sendBlocking(core, id, false, in)) {
          LOG.warn("{}: streamed reply {} stalled or failed", identity.get(), id);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        replyError(id, ProxyErrorKind.UPSTREAM_RESET, "reply interrupted");
      } catch (java.io.IOException | RuntimeException e) {
        // the header is out: a second response carrying an error ends the stream as failed
        replyError(id, ProxyErrorKind.UPSTREAM_RESET, "reading the reply body failed: " + e);
      }
      return;
    }
    byte[] body = resp.body();
    if (body.length <= ProxyChunks.CHUNK_BYTES) {
      core.enqueue(frame(head.setBody(UnsafeByteOperations.unsafeWrap(body))), null);
      return;
    }
    core.enqueue(frame(head.setBodyChunked(true)), null);
    ProxyChunks.sendAsync(
        core,
        id,
        false,
        body,
        () -> false,
        e -> LOG.warn("{}: reply {} could not be queued: {}", identity.get(), id, e.toString()));
  }

  private void replyError(String id, ProxyErrorKind kind, String message) {
    core.enqueue(
        frame(
            ProxyHttpResponse.newBuilder()
                .setRequestId(id)
                .setError(ProxyError.newBuilder().setKind(kind.toProto()).setMessage(message))),
        null);
  }

  private static UpstreamMessage frame(ProxyHttpResponse.Builder r) {
    return UpstreamMessage.newBuilder().setProxyHttpResponse(r).build();
  }

  private static String pathOnly(String path) {
    int q = path.indexOf('?');
    return q < 0 ? path : path.substring(0, q);
  }
}
