/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.proxy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A proxied request as the serving side receives it. The gateway has removed any {@code X-Auth-*}
 * and {@code X-Aether-*} headers the caller sent and minted trusted ones ({@code
 * x-aether-actor-topic}, {@code X-Auth-User-ID}, {@code X-Auth-Principal-Type}, ...), so those can
 * be trusted when the gateway is.
 *
 * @since 0.1.0
 */
public final class ServedRequest {

  private final String wireId;
  private final String method;
  private final String path;
  private final Map<String, String> headers;
  private final byte[] body;
  private final @Nullable Duration timeout;
  private final boolean followRedirects;
  private final String backendName;
  private final boolean streamResponse;
  private final int chainDepth;

  /**
   * @param wireId the gateway's id of this request
   * @param method HTTP method
   * @param path path and query
   * @param headers headers
   * @param body body (taken over, not copied)
   * @param timeout the caller's deadline, if it sent one
   * @param followRedirects whether the caller asked to follow redirects
   * @param backendName named backend ("" = default)
   * @param streamResponse whether the caller asked for a streamed response
   * @param chainDepth proxy hops taken, this one included
   */
  public ServedRequest(
      String wireId,
      String method,
      String path,
      Map<String, String> headers,
      byte[] body,
      @Nullable Duration timeout,
      boolean followRedirects,
      String backendName,
      boolean streamResponse,
      int chainDepth) {
    this.wireId = wireId;
    this.method = method;
    this.path = path;
    this.headers = Collections.unmodifiableMap(ProxyRequest.copyHeaders(headers));
    this.body = body;
    this.timeout = timeout;
    this.followRedirects = followRedirects;
    this.backendName = backendName;
    this.streamResponse = streamResponse;
    this.chainDepth = chainDepth;
  }

  /**
   * @return the gateway's wire id of this request
   */
  public String wireId() {
    return wireId;
  }

  /**
   * @return HTTP method
   */
  public String method() {
    return method;
  }

  /**
   * @return path and query
   */
  public String path() {
    return path;
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
   * @return the caller's topic as the gateway stamped it ({@code x-aether-actor-topic})
   */
  public Optional<String> callerTopic() {
    return header("x-aether-actor-topic");
  }

  /**
   * @return a copy of the body
   */
  public byte[] body() {
    return body.clone();
  }

  /**
   * @return the body decoded as UTF-8
   */
  public String bodyAsString() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * @return body size in bytes
   */
  public int bodyLength() {
    return body.length;
  }

  /**
   * @return the caller's deadline, if it sent one
   */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /**
   * @return whether the caller asked to follow redirects
   */
  public boolean followRedirects() {
    return followRedirects;
  }

  /**
   * @return named backend ("" = default)
   */
  public String backendName() {
    return backendName;
  }

  /**
   * @return whether the caller asked for a streamed response
   */
  public boolean streamResponse() {
    return streamResponse;
  }

  /**
   * @return proxy hops taken, this one included; pass it to {@link ProxyRequest.Builder#chainDepth}
   *     for further proxied calls
   */
  public int chainDepth() {
    return chainDepth;
  }

  @Override
  public String toString() {
    return "ServedRequest[" + method + " " + path + ", " + body.length + " bytes]";
  }
}
