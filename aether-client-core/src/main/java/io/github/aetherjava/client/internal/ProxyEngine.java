/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import io.github.aetherjava.client.ConnectionException;
import io.github.aetherjava.client.Registration;
import io.github.aetherjava.client.proxy.AetherFetch;
import io.github.aetherjava.client.proxy.FetchOptions;
import io.github.aetherjava.client.proxy.ProxyHandler;
import io.github.aetherjava.client.proxy.ServeOptions;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.ProxyHttpBodyChunk;
import io.github.aetherjava.proto.v1.ProxyHttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The service proxy of one client: owns the three downstream proxy payload cases, the calls this
 * client has in flight as a caller, and (once {@link #serve} is called) the requests it serves.
 * Body chunks of both directions share one payload case, told apart by {@code is_request}.
 */
public final class ProxyEngine {

  private final ClientCore core;
  private final Map<String, ProxyCall> calls = new ConcurrentHashMap<>();
  private final ProxyServing serving;

  /**
   * @param core the client's connection
   * @param identity the client's identity, for messages
   */
  public ProxyEngine(ClientCore core, Supplier<String> identity) {
    this.core = core;
    this.serving = new ProxyServing(core, identity);
    DownstreamRoutes routes = core.routes();
    routes.internal(
        DownstreamMessage.PayloadCase.PROXY_HTTP_RESPONSE,
        m -> onResponse(m.getProxyHttpResponse()));
    routes.internal(
        DownstreamMessage.PayloadCase.PROXY_HTTP_BODY_CHUNK,
        m -> onChunk(m.getProxyHttpBodyChunk()));
    routes.internal(
        DownstreamMessage.PayloadCase.PROXY_HTTP_REQUEST,
        m -> serving.onRequest(m.getProxyHttpRequest()));
    core.onStreamEnd(this::streamEnded);
  }

  /**
   * @param target target topic
   * @param options defaults
   * @return a fetch bound to {@code target}
   */
  public AetherFetch fetch(String target, FetchOptions options) {
    return new AetherFetchImpl(this, core, target, options);
  }

  /**
   * @param handler answers requests
   * @param options serving options
   * @return stops serving
   */
  public Registration serve(ProxyHandler handler, ServeOptions options) {
    return serving.serve(handler, options);
  }

  /** Calls in flight (for tests). */
  int inFlight() {
    return calls.size();
  }

  void register(ProxyCall call) {
    if (calls.putIfAbsent(call.id, call) != null) {
      throw new IllegalStateException("duplicate proxy request id " + call.id);
    }
  }

  void done(ProxyCall call) {
    calls.remove(call.id, call);
  }

  private void onResponse(ProxyHttpResponse r) {
    ProxyCall call = calls.get(r.getRequestId());
    if (call != null) {
      call.onResponse(r);
    } else {
      // the gateway tells a serving side the same way that its caller went away
      serving.onPeerGone(r);
    }
  }

  private void onChunk(ProxyHttpBodyChunk c) {
    if (c.getIsRequest()) {
      serving.onChunk(c);
      return;
    }
    ProxyCall call = calls.get(c.getRequestId());
    if (call != null) {
      call.onChunk(c);
    }
  }

  /**
   * Calls already written died with the stream; unwritten ones go out on the next one, unless there
   * is none (the client closed), when they fail too and release their timers.
   */
  private void streamEnded(ConnectionException error) {
    boolean reconnecting = error.isRecoverable();
    for (ProxyCall call : calls.values()) {
      if (call.sent() || !reconnecting) {
        call.fail(error);
      }
    }
    serving.streamEnded();
  }
}
