/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.proxy;

import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.internal.Arguments;
import java.time.Duration;

/**
 * Defaults of one {@link AetherFetch}. Immutable; {@link #defaults()} matches the TypeScript SDK's
 * {@code AetherFetchTransport} (30 s timeout, no backend name).
 *
 * @since 0.1.0
 */
public final class FetchOptions {

  /** Whole-call deadline when a request sets none (the upstream SDKs' 30 s). */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  /** Idle timeout of streamed responses (the gateway protocol's default). */
  public static final Duration DEFAULT_STREAM_IDLE_TIMEOUT = Duration.ofSeconds(30);

  /** Largest response body collected into memory by {@link AetherFetch#fetch}. */
  public static final long DEFAULT_MAX_RESPONSE_BODY_BYTES = 64L * 1024 * 1024;

  /**
   * Bytes of a streamed response buffered for a reader that has not caught up; beyond it the stream
   * fails rather than grow memory.
   */
  public static final int DEFAULT_STREAM_BUFFER_BYTES = 8 * 1024 * 1024;

  private static final FetchOptions DEFAULTS = builder().build();

  private final Duration timeout;
  private final String backendName;
  private final Duration streamIdleTimeout;
  private final long maxResponseBodyBytes;
  private final int streamBufferBytes;

  private FetchOptions(Builder b) {
    this.timeout = b.timeout;
    this.backendName = b.backendName;
    this.streamIdleTimeout = b.streamIdleTimeout;
    this.maxResponseBodyBytes = b.maxResponseBodyBytes;
    this.streamBufferBytes = b.streamBufferBytes;
  }

  /**
   * @return the defaults
   */
  public static FetchOptions defaults() {
    return DEFAULTS;
  }

  /**
   * @return a builder starting from the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return default whole-call deadline
   */
  public Duration timeout() {
    return timeout;
  }

  /**
   * @return default backend name ("" = the serving side's default)
   */
  public String backendName() {
    return backendName;
  }

  /**
   * @return default idle timeout of streamed responses
   */
  public Duration streamIdleTimeout() {
    return streamIdleTimeout;
  }

  /**
   * @return default cap on a response body
   */
  public long maxResponseBodyBytes() {
    return maxResponseBodyBytes;
  }

  /**
   * @return bytes a streamed response may buffer ahead of its reader
   */
  public int streamBufferBytes() {
    return streamBufferBytes;
  }

  /** Builder for {@link FetchOptions}. */
  public static final class Builder {
    private Duration timeout = DEFAULT_TIMEOUT;
    private String backendName = "";
    private Duration streamIdleTimeout = DEFAULT_STREAM_IDLE_TIMEOUT;
    private long maxResponseBodyBytes = DEFAULT_MAX_RESPONSE_BODY_BYTES;
    private int streamBufferBytes = DEFAULT_STREAM_BUFFER_BYTES;

    private Builder() {}

    /**
     * @param timeout default whole-call deadline
     * @return this
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Arguments.positive(timeout, "timeout");
      return this;
    }

    /**
     * @param backendName default named backend on the serving side
     * @return this
     */
    public Builder backendName(String backendName) {
      this.backendName = Arguments.notNull(backendName, "backendName");
      return this;
    }

    /**
     * @param idle default idle timeout of streamed responses
     * @return this
     */
    public Builder streamIdleTimeout(Duration idle) {
      this.streamIdleTimeout = Arguments.positive(idle, "streamIdleTimeout");
      return this;
    }

    /**
     * @param max default cap on a response body in bytes
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
     * @param bytes bytes a streamed response may buffer ahead of its reader
     * @return this
     */
    public Builder streamBufferBytes(int bytes) {
      if (bytes < 256 * 1024) {
        throw new InvalidArgumentException(
            "streamBufferBytes must be at least one chunk (262144), got " + bytes);
      }
      this.streamBufferBytes = bytes;
      return this;
    }

    /**
     * @return the options
     */
    public FetchOptions build() {
      return new FetchOptions(this);
    }
  }
}
