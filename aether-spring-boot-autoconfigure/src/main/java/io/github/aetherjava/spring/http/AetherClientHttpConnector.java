/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.http;

import io.github.aetherjava.client.AuthorizationContext;
import io.github.aetherjava.client.proxy.AetherFetch;
import io.github.aetherjava.client.proxy.ProxyRequest;
import io.github.aetherjava.client.proxy.ProxyStreamingResponse;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseCookie;
import org.springframework.http.client.reactive.AbstractClientHttpRequest;
import org.springframework.http.client.reactive.AbstractClientHttpResponse;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.util.LinkedMultiValueMap;
import reactor.adapter.JdkFlowAdapter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A {@link ClientHttpConnector} that sends {@code WebClient} requests through an {@link
 * AetherFetch}. The request body is collected and sent (chunked when over 256 KiB); the response is
 * requested as a stream, so its body flows to the {@code WebClient} as chunks arrive, with the
 * fetch's stream idle timeout and size cap. Only the URI's path and query travel.
 *
 * @since 0.1.0
 */
public final class AetherClientHttpConnector implements ClientHttpConnector {

  private final AetherFetch fetch;
  private final AetherAuthorizationResolver authorization;
  private final DataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;

  /**
   * @param fetch where requests go
   */
  public AetherClientHttpConnector(AetherFetch fetch) {
    this(fetch, AetherAuthorizationResolver.none());
  }

  /**
   * @param fetch where requests go
   * @param authorization asked for each exchange's authorization context when it is subscribed to
   */
  public AetherClientHttpConnector(AetherFetch fetch, AetherAuthorizationResolver authorization) {
    this.fetch = Objects.requireNonNull(fetch, "fetch");
    this.authorization = Objects.requireNonNull(authorization, "authorization");
  }

  @Override
  public Mono<ClientHttpResponse> connect(
      HttpMethod method, URI uri, Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
    Request request = new Request(method, uri);
    // asked on the subscribing thread, where thread-bound request state is still visible
    request.context = authorization.resolve(fetch.target());
    return requestCallback
        .apply(request)
        .then(Mono.defer(() -> Mono.fromFuture(() -> send(request), true)))
        .map(this::response);
  }

  private CompletableFuture<ProxyStreamingResponse> send(Request r) {
    ProxyRequest.Builder b =
        ProxyRequest.builder(r.getMethod().name(), HttpHeadersMapping.pathAndQuery(r.getURI()))
            .headers(HttpHeadersMapping.toProxy(r.getHeaders()))
            .body(r.body);
    if (r.context != null) {
      b.authorization(r.context);
    }
    if (!r.getCookies().isEmpty()) {
      StringBuilder cookie = new StringBuilder();
      r.getCookies()
          .forEach(
              (name, list) ->
                  list.forEach(
                      c -> {
                        if (cookie.length() > 0) {
                          cookie.append("; ");
                        }
                        cookie.append(c.getName()).append('=').append(c.getValue());
                      }));
      b.header(HttpHeaders.COOKIE, cookie.toString());
    }
    return fetch.stream(b.build());
  }

  private ClientHttpResponse response(ProxyStreamingResponse s) {
    Flux<DataBuffer> body =
        JdkFlowAdapter.flowPublisherToFlux(s.publisher()).map(buffers::wrap).doOnCancel(s::close);
    return new AbstractClientHttpResponse(
        HttpStatusCode.valueOf(s.status()),
        HttpHeadersMapping.fromProxy(s.headers()),
        new LinkedMultiValueMap<String, ResponseCookie>(),
        body) {};
  }

  /** Collects the body the {@code WebClient} writes. */
  private final class Request extends AbstractClientHttpRequest {
    private final HttpMethod method;
    private final URI uri;
    private byte[] body = new byte[0];
    private @Nullable AuthorizationContext context;

    Request(HttpMethod method, URI uri) {
      this.method = method;
      this.uri = uri;
    }

    @Override
    public HttpMethod getMethod() {
      return method;
    }

    @Override
    public URI getURI() {
      return uri;
    }

    @Override
    public DataBufferFactory bufferFactory() {
      return buffers;
    }

    @Override
    @SuppressWarnings("unchecked") // the native request is this object; callers name its type
    public <T> T getNativeRequest() {
      return (T) this;
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> content) {
      return doCommit(
          () ->
              DataBufferUtils.join(content)
                  .doOnNext(
                      joined -> {
                        byte[] bytes = new byte[joined.readableByteCount()];
                        joined.read(bytes);
                        DataBufferUtils.release(joined);
                        body = bytes;
                      })
                  .then());
    }

    @Override
    public Mono<Void> writeAndFlushWith(
        Publisher<? extends Publisher<? extends DataBuffer>> content) {
      return writeWith(Flux.from(content).flatMapSequential(p -> p));
    }

    @Override
    public Mono<Void> setComplete() {
      return doCommit();
    }

    @Override
    protected void applyHeaders() {
      // read from getHeaders() when the request is sent
    }

    @Override
    protected void applyCookies() {
      // folded into a Cookie header when the request is sent
    }
  }
}
