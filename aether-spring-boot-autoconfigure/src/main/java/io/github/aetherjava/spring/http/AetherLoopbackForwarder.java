/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.http;

import io.github.aetherjava.client.proxy.ProxyErrorKind;
import io.github.aetherjava.client.proxy.ProxyException;
import io.github.aetherjava.client.proxy.ProxyHandler;
import io.github.aetherjava.client.proxy.ProxyResponse;
import io.github.aetherjava.client.proxy.ServedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Serves proxied requests by forwarding them to an HTTP server on this host, as upstream's proxy
 * sidecar does: a Spring Boot application that is a service principal exposes its own web endpoints
 * to the fabric this way. Headers pass through, the gateway-minted {@code X-Auth-*} and {@code
 * x-aether-*} ones included; hop-by-hop headers do not. A refused connection is answered with
 * {@code DIAL_FAILED}, a timeout with {@code TIMEOUT}, another transport failure with {@code
 * UPSTREAM_RESET}. A caller that asked for a streamed response gets the body as the server sends
 * it.
 *
 * @since 0.1.0
 */
public final class AetherLoopbackForwarder implements ProxyHandler {

  /** Used when the caller sent no deadline. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  /** Headers that describe one connection, or that the JDK client sets itself. */
  private static final Set<String> NOT_FORWARDED =
      Set.of(
          "connection",
          "content-length",
          "expect",
          "host",
          "keep-alive",
          "proxy-connection",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade");

  private final URI base;
  private final HttpClient http;

  /**
   * @param port the local server's port
   */
  public AetherLoopbackForwarder(int port) {
    this(URI.create("http://127.0.0.1:" + port), HttpClient.newHttpClient());
  }

  /**
   * @param base scheme, host and port of the server to forward to (no path)
   * @param http the client to forward with
   */
  public AetherLoopbackForwarder(URI base, HttpClient http) {
    this.base = Objects.requireNonNull(base, "base");
    this.http = Objects.requireNonNull(http, "http");
  }

  @Override
  public ProxyResponse handle(ServedRequest request) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(request.path()))
            .timeout(request.timeout().orElse(DEFAULT_TIMEOUT))
            .method(
                request.method(),
                request.bodyLength() == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(request.body()));
    request
        .headers()
        .forEach(
            (name, value) -> {
              if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                b.header(name, value);
              }
            });
    try {
      if (request.streamResponse()) {
        HttpResponse<InputStream> r =
            http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        return ProxyResponse.streaming(r.statusCode(), headers(r), r.body());
      }
      HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      return ProxyResponse.of(r.statusCode(), headers(r), r.body());
    } catch (HttpConnectTimeoutException | ConnectException e) {
      throw new ProxyException(ProxyErrorKind.DIAL_FAILED, "cannot reach " + base + ": " + e, e);
    } catch (HttpTimeoutException e) {
      throw new ProxyException(ProxyErrorKind.TIMEOUT, base + " did not answer in time", e);
    } catch (IOException e) {
      throw new ProxyException(ProxyErrorKind.UPSTREAM_RESET, base + " failed: " + e, e);
    }
  }

  private static Map<String, String> headers(HttpResponse<?> r) {
    Map<String, String> out = new LinkedHashMap<>();
    r.headers()
        .map()
        .forEach(
            (name, values) -> {
              if (!name.startsWith(":") && !NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                out.put(name, String.join(", ", values));
              }
            });
    return out;
  }

  @Override
  public String toString() {
    return "AetherLoopbackForwarder[" + base + "]";
  }
}
