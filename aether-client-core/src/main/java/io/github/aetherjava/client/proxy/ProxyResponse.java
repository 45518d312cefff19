/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.proxy;

import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.internal.Arguments;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP response carried by the proxy: what {@link AetherFetch#fetch} returns, and what a {@link
 * ProxyHandler} answers with. A handler may instead answer with a {@linkplain #streaming streamed
 * body}, which is sent in chunks as it is read.
 *
 * @since 0.1.0
 */
public final class ProxyResponse {

  private final int status;
  private final Map<String, String> headers;
  private final byte[] body;
  private final @Nullable InputStream stream;

  private ProxyResponse(
      int status, Map<String, String> headers, byte[] body, @Nullable InputStream stream) {
    if (status < 100 || status > 999) {
      throw new InvalidArgumentException("status must be 100-999, got " + status);
    }
    this.status = status;
    this.headers =
        Collections.unmodifiableMap(
            ProxyRequest.copyHeaders(Arguments.notNull(headers, "headers")));
    this.body = body;
    this.stream = stream;
  }

  /**
   * @param status HTTP status
   * @param headers headers
   * @param body body (copied)
   * @return the response
   */
  public static ProxyResponse of(int status, Map<String, String> headers, byte[] body) {
    return new ProxyResponse(status, headers, Arguments.notNull(body, "body").clone(), null);
  }

  /**
   * @param status HTTP status
   * @param body body, sent as UTF-8 with {@code Content-Type: text/plain; charset=utf-8}
   * @return the response
   */
  public static ProxyResponse text(int status, String body) {
    return new ProxyResponse(
        status,
        Map.of("Content-Type", "text/plain; charset=utf-8"),
        Arguments.notNull(body, "body").getBytes(StandardCharsets.UTF_8),
        null);
  }

  /**
   * A reply whose body is read from {@code body} and sent in chunks as it is read (serving side
   * only). The stream is closed when it is exhausted or the reply fails.
   *
   * @param status HTTP status
   * @param headers headers
   * @param body the body source
   * @return the response
   */
  public static ProxyResponse streaming(int status, Map<String, String> headers, InputStream body) {
    return new ProxyResponse(status, headers, new byte[0], Arguments.notNull(body, "body"));
  }

  /**
   * @return the HTTP status ({@code 200} when the serving side sent none)
   */
  public int status() {
    return status;
  }

  /**
   * @return headers; names are matched without regard to case
   */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * @param name header name (any case)
   * @return its value
   */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name));
  }

  /**
   * @return a copy of the body (empty for a streamed reply)
   */
  public byte[] body() {
    return body.clone();
  }

  /**
   * @return the body size in bytes (0 for a streamed reply)
   */
  public int bodyLength() {
    return body.length;
  }

  /**
   * @return the body decoded as UTF-8
   */
  public String bodyAsString() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * @return the source of a streamed reply, if this is one
   */
  public Optional<InputStream> streamingBody() {
    return Optional.ofNullable(stream);
  }

  @Override
  public String toString() {
    return "ProxyResponse["
        + status
        + ", "
        + (stream != null ? "streamed" : body.length + " bytes")
        + "]";
  }
}
