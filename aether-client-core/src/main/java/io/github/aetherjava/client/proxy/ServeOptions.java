/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.proxy;

import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.internal.Arguments;
import java.util.List;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * How a principal serves proxied requests. Immutable.
 *
 * @since 0.1.0
 */
public final class ServeOptions {

  /** Handlers running at once, by default. */
  public static final int DEFAULT_MAX_CONCURRENCY = 64;

  /** Requests waiting for a handler slot, by default; more are answered with status 503. */
  public static final int DEFAULT_MAX_QUEUED = 1024;

  /** Largest request body collected from chunks, by default; more fails with PAYLOAD_TOO_LARGE. */
  public static final long DEFAULT_MAX_REQUEST_BODY_BYTES = 64L * 1024 * 1024;

  private static final ServeOptions DEFAULTS = builder().build();

  private final List<String> allowedPaths;
  private final int maxConcurrency;
  private final int maxQueued;
  private final long maxRequestBodyBytes;
  private final @Nullable Executor executor;

  private ServeOptions(Builder b) {
    this.allowedPaths = List.copyOf(b.allowedPaths);
    this.maxConcurrency = b.maxConcurrency;
    this.maxQueued = b.maxQueued;
    this.maxRequestBodyBytes = b.maxRequestBodyBytes;
    this.executor = b.executor;
  }

  /**
   * @return the defaults: every path, 64 handlers at once, 1024 waiting
   */
  public static ServeOptions defaults() {
    return DEFAULTS;
  }

  /**
   * @return a builder starting from the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return path patterns served (empty = all)
   */
  public List<String> allowedPaths() {
    return allowedPaths;
  }

  /**
   * @return handlers running at once
   */
  public int maxConcurrency() {
    return maxConcurrency;
  }

  /**
   * @return requests that may wait for a handler slot
   */
  public int maxQueued() {
    return maxQueued;
  }

  /**
   * @return largest request body collected
   */
  public long maxRequestBodyBytes() {
    return maxRequestBodyBytes;
  }

  /**
   * @return the executor handlers run on, or null for the client's callback executor
   */
  public @Nullable Executor executor() {
    return executor;
  }

  /**
   * Whether {@code path} (query ignored) is served. A pattern ending in {@code /**} matches that
   * prefix and everything below it; {@code *} alone in a segment matches one segment; anything else
   * must match exactly.
   *
   * @param path a request path
   * @return true if allowed
   */
  public boolean allows(String path) {
    if (allowedPaths.isEmpty()) {
      return true;
    }
    int q = path.indexOf('?');
    String p = q < 0 ? path : path.substring(0, q);
    for (String pattern : allowedPaths) {
      if (matches(pattern, p)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(String pattern, String path) {
    if (pattern.endsWith("/**")) {
      String base = pattern.substring(0, pattern.length() - 3);
      return path.equals(base) || path.startsWith(base + "/") || base.isEmpty();
    }
    String[] ps = pattern.split("/", -1);
    String[] xs = path.split("/", -1);
    if (ps.length != xs.length) {
      return false;
    }
    for (int i = 0; i < ps.length; i++) {
      if (!ps[i].equals("*") && !ps[i].equals(xs[i])) {
        return false;
      }
    }
    return true;
  }

  /** Builder for {@link ServeOptions}. */
  public static final class Builder {
    private List<String> allowedPaths = List.of();
    private int maxConcurrency = DEFAULT_MAX_CONCURRENCY;
    private int maxQueued = DEFAULT_MAX_QUEUED;
    private long maxRequestBodyBytes = DEFAULT_MAX_REQUEST_BODY_BYTES;
    private @Nullable Executor executor;

    private Builder() {}

    /**
     * Serves only these paths; others are answered with {@code ACL_DENIED}.
     *
     * @param patterns patterns such as {@code /api/**} or {@code /items/*}, each starting with /
     * @return this
     */
    public Builder allowedPaths(List<String> patterns) {
      Arguments.notNull(patterns, "allowedPaths");
      for (String p : patterns) {
        if (p == null || !p.startsWith("/")) {
          throw new InvalidArgumentException(
              "allowedPaths entries must start with '/', got '" + p + "'");
        }
      }
      this.allowedPaths = List.copyOf(patterns);
      return this;
    }

    /**
     * @param n handlers running at once
     * @return this
     */
    public Builder maxConcurrency(int n) {
      if (n < 1) {
        throw new InvalidArgumentException("maxConcurrency must be >= 1, got " + n);
      }
      this.maxConcurrency = n;
      return this;
    }

    /**
     * @param n requests that may wait for a handler slot
     * @return this
     */
    public Builder maxQueued(int n) {
      if (n < 0) {
        throw new InvalidArgumentException("maxQueued must be >= 0, got " + n);
      }
      this.maxQueued = n;
      return this;
    }

    /**
     * @param max largest request body collected from chunks
     * @return this
     */
    public Builder maxRequestBodyBytes(long max) {
      if (max <= 0) {
        throw new InvalidArgumentException("maxRequestBodyBytes must be positive, got " + max);
      }
      this.maxRequestBodyBytes = max;
      return this;
    }

    /**
     * @param executor where handlers run (null = the client's callback executor)
     * @return this
     */
    public Builder executor(@Nullable Executor executor) {
      this.executor = executor;
      return this;
    }

    /**
     * @return the options
     */
    public ServeOptions build() {
      return new ServeOptions(this);
    }
  }
}
