/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.http;

import io.github.aetherjava.client.AuthorizationContext;
import io.github.aetherjava.client.proxy.AetherFetch;
import io.github.aetherjava.client.proxy.ProxyRequest;
import io.github.aetherjava.client.proxy.ProxyResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.AbstractBufferingClientHttpRequest;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;

/**
 * A {@link ClientHttpRequestFactory} that sends every request through an {@link AetherFetch}, so
 * {@code RestClient} and {@code RestTemplate} call a service principal as they would any HTTP
 * server. Only the URI's path and query travel; use any base URL (for example {@code
 * http://aether}). Failures ({@code ProxyException}, timeout, disconnect) surface as an {@link
 * IOException} whose cause is the client's exception, which Spring wraps in its {@code
 * ResourceAccessException}. Observations and trace headers are added by the client as with any
 * factory.
 *
 * @since 0.1.0
 */
public final class AetherClientHttpRequestFactory implements ClientHttpRequestFactory {

  private final AetherFetch fetch;
  private final @Nullable Duration timeout;
  private final AetherAuthorizationResolver authorization;

  /**
   * @param fetch where requests go
   */
  public AetherClientHttpRequestFactory(AetherFetch fetch) {
    this(fetch, null);
  }

  /**
   * @param fetch where requests go
   * @param timeout per-call deadline, or null for the fetch's default
   */
  public AetherClientHttpRequestFactory(AetherFetch fetch, @Nullable Duration timeout) {
    this(fetch, timeout, AetherAuthorizationResolver.none());
  }

  /**
   * @param fetch where requests go
   * @param timeout per-call deadline, or null for the fetch's default
   * @param authorization asked for each request's authorization context
   */
  public AetherClientHttpRequestFactory(
      AetherFetch fetch, @Nullable Duration timeout, AetherAuthorizationResolver authorization) {
    this.fetch = Objects.requireNonNull(fetch, "fetch");
    this.timeout = timeout;
    this.authorization = Objects.requireNonNull(authorization, "authorization");
  }

  /**
   * @return the fetch requests go through
   */
  public AetherFetch fetch() {
    return fetch;
  }

  @Override
  public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) {
    return new Request(uri, httpMethod);
  }

  private final class Request extends AbstractBufferingClientHttpRequest {
    private final URI uri;
    private final HttpMethod method;

    Request(URI uri, HttpMethod method) {
      this.uri = uri;
      this.method = method;
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
    protected ClientHttpResponse executeInternal(HttpHeaders headers, byte[] body)
        throws IOException {
      ProxyRequest.Builder b =
          ProxyRequest.builder(method.name(), HttpHeadersMapping.pathAndQuery(uri))
              .headers(HttpHeadersMapping.toProxy(headers))
              .body(body);
      AuthorizationContext context = authorization.resolve(fetch.target());
      if (context != null) {
        b.authorization(context);
      }
      ProxyRequest request = b.build();
      try {
        ProxyResponse r =
            (timeout == null ? fetch.fetch(request) : fetch.fetch(request, timeout)).get();
        return new Response(r);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for " + fetch.target());
      } catch (ExecutionException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        throw new IOException(cause.getMessage(), cause);
      }
    }
  }

  private static final class Response implements ClientHttpResponse {
    private final ProxyResponse response;
    private final HttpHeaders headers;

    Response(ProxyResponse response) {
      this.response = response;
      this.headers = HttpHeadersMapping.fromProxy(response.headers());
    }

    @Override
    public HttpStatusCode getStatusCode() {
      return HttpStatusCode.valueOf(response.status());
    }

    @Override
    public String getStatusText() {
      HttpStatus s = HttpStatus.resolve(response.status());
      return s == null ? "" : s.getReasonPhrase();
    }

    @Override
    public HttpHeaders getHeaders() {
      return headers;
    }

    @Override
    public InputStream getBody() {
      return new ByteArrayInputStream(response.body());
    }

    @Override
    public void close() {
      // the body is already in memory
    }
  }
}
