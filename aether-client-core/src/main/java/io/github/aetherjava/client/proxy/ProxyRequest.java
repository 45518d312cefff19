/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.proxy;

import io.github.aetherjava.client.AuthorizationContext;
import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.internal.Arguments;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request to send through the proxy. Immutable; the body is copied in and never exposed
 * for writing. Settings left unset here come from the {@link FetchOptions} of the {@link
 * AetherFetch} that sends it.
 *
 * @since 0.1.0
 */
public final class ProxyRequest {

  private final String method;
  private final String path;
  private final Map<String, String> headers;
  private final byte[] body;
  private final @Nullable Duration timeout;
  private final boolean followRedirects;
  private final @Nullable String backendName;
  private final @Nullable Duration streamIdleTimeout;
  private final long maxResponseBodyBytes;
  private final int chainDepth;
  private final @Nullable AuthorizationContext authorization;

  private ProxyRequest(Builder b) {
    this.method = b.method;
    this.path = b.path;
    this.headers = Collections.unmodifiableMap(copyHeaders(b.headers));
    this.body = b.body;
    this.timeout = b.timeout;
    this.followRedirects = b.followRedirects;
    this.backendName = b.backendName;
    this.streamIdleTimeout = b.streamIdleTimeout;
    this.maxResponseBodyBytes = b.maxResponseBodyBytes;
    this.chainDepth = b.chainDepth;
    this.authorization = b.authorization;
  }

  /**
   * @param path path and query, starting with {@code /}
   * @return a GET request
   */
  public static ProxyRequest get(String path) {
    return builder("GET", path).build();
  }

  /**
   * @param method HTTP method, e.g. {@code POST}
   * @param path path and query, starting with {@code /}
   * @return a builder
   * @throws InvalidArgumentException if the method or path is malformed
   */
  public static Builder builder(String method, String path) {
    return new Builder(method, path);
  }

  /**
   * @return the HTTP method, upper case
   */
  public String method() {
    return method;
  }

  /**
   * @return path and query, e.g. {@code /v1/items?limit=5}
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
   * @return a copy of the body (empty if none)
   */
  public byte[] body() {
    return body.clone();
  }

  /**
   * @return the body size in bytes
   */
  public int bodyLength() {
    return body.length;
  }

  /**
   * @return the per-call timeout, or null for the fetch default
   */
  public @Nullable Duration timeout() {
    return timeout;
  }

  /**
   * @return whether the serving side should follow redirects (default true)
   */
  public boolean followRedirects() {
    return followRedirects;
  }

  /**
   * @return the named backend on the serving side, or null for the fetch default
   */
  public @Nullable String backendName() {
    return backendName;
  }

  /**
   * @return idle timeout of a streamed response, or null for the fetch default
   */
  public @Nullable Duration streamIdleTimeout() {
    return streamIdleTimeout;
  }

  /**
   * @return cap on the response body in bytes, 0 for the fetch default
   */
  public long maxResponseBodyBytes() {
    return maxResponseBodyBytes;
  }

  /**
   * @return proxy hops already taken (set when a served request makes a further proxied call)
   */
  public int chainDepth() {
    return chainDepth;
  }

  /**
   * @return the authorization context sent with the request, or null (the caller's own authority)
   */
  public @Nullable AuthorizationContext authorization() {
    return authorization;
  }

  @Override
  public String toString() {
    return "ProxyRequest[" + method + " " + path + ", " + body.length + " bytes]";
  }

  static TreeMap<String, String> copyHeaders(Map<String, String> in) {
    TreeMap<String, String> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    out.putAll(in);
    return out;
  }

  /** Builder for {@link ProxyRequest}. */
  public static final class Builder {
    private final String method;
    private final String path;
    private @Nullable AuthorizationContext authorization;
    private final TreeMap<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private byte[] body = new byte[0];
    private @Nullable Duration timeout;
    private boolean followRedirects = true;
    private @Nullable String backendName;
    private @Nullable Duration streamIdleTimeout;
    private long maxResponseBodyBytes;
    private int chainDepth;

    private Builder(String method, String path) {
      Arguments.notEmpty(method, "method");
      Arguments.notNull(path, "path");
      if (!method.chars().allMatch(c -> c > ' ' && c < 127 && c != ':')) {
        throw new InvalidArgumentException("method must be an HTTP token, got '" + method + "'");
      }
      if (!path.startsWith("/")) {
        throw new InvalidArgumentException("path must start with '/', got '" + path + "'");
      }
      this.method = method.toUpperCase(java.util.Locale.ROOT);
      this.path = path;
    }

    /**
     * Sets a header (one value per name, as on the wire; join several values with {@code ", "}).
     *
     * @param name header name
     * @param value header value
     * @return this
     */
    public Builder header(String name, String value) {
      Arguments.notEmpty(name, "name");
      Arguments.notNull(value, "value");
      headers.remove(name);
      headers.put(name, value);
      return this;
    }

    /**
     * @param all headers to set
     * @return this
     */
    public Builder headers(Map<String, String> all) {
      Arguments.notNull(all, "headers");
      all.forEach(this::header);
      return this;
    }

    /**
     * @param body the body (copied)
     * @return this
     */
    public Builder body(byte[] body) {
      this.body = Arguments.notNull(body, "body").clone();
      return this;
    }

    /**
     * @param body the body, sent as UTF-8
     * @return this
     */
    public Builder body(String body) {
      this.body = Arguments.notNull(body, "body").getBytes(StandardCharsets.UTF_8);
      return this;
    }

    /**
     * @param timeout whole-call deadline (time to first byte for streamed responses)
     * @return this
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Arguments.positive(timeout, "timeout");
      return this;
    }

    /**
     * @param follow whether the serving side follows redirects
     * @return this
     */
    public Builder followRedirects(boolean follow) {
      this.followRedirects = follow;
      return this;
    }

    /**
     * @param backendName named backend on the serving side
     * @return this
     */
    public Builder backendName(String backendName) {
      this.backendName = Arguments.notNull(backendName, "backendName");
      return this;
    }

    /**
     * @param idle how long a streamed response may go without a chunk
     * @return this
     */
    public Builder streamIdleTimeout(Duration idle) {
      this.streamIdleTimeout = Arguments.positive(idle, "streamIdleTimeout");
      return this;
    }

    /**
     * @param max cap on the response body in bytes
     * @return this
     */
    public Builder maxResponseBodyBytes(long max) {
      if (max <= 0) {
        throw new InvalidArgumentException("maxResponseBodyBytes must be positive, got " + max);
      }
      this.maxResponseBodyBytes = max;
      return this;
    }

    /**
     * @param depth proxy hops already taken; pass {@link ServedRequest#chainDepth()} when a handler
     *     calls further services, so the gateway can stop loops
     * @return this
     */
    public Builder chainDepth(int depth) {
      if (depth < 0) {
        throw new InvalidArgumentException("chainDepth must be >= 0, got " + depth);
      }
      this.chainDepth = depth;
      return this;
    }

    /**
     * Sends the request under an authorization context, typically on behalf of a user under an
     * authority grant; the gateway checks it (an invalid one fails the call with {@code
     * ACL_DENIED}) and gives the serving side the subject in the {@code X-Auth-*} headers.
     *
     * @param authorization the context
     * @return this
     */
    public Builder authorization(AuthorizationContext authorization) {
      this.authorization = Arguments.notNull(authorization, "authorization");
      return this;
    }

    /**
     * @return the request
     */
    public ProxyRequest build() {
      return new ProxyRequest(this);
    }
  }
}
