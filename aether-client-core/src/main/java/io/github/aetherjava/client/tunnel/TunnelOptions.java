/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.tunnel;

import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.internal.Arguments;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to open a tunnel. Immutable; build with {@link #builder()}.
 *
 * @since 0.1.0
 */
public final class TunnelOptions {

  /** Frames the dialer may send before the other end acknowledges any, as in the other SDKs. */
  public static final int DEFAULT_INITIAL_CREDITS = 16;

  /**
   * Largest initial window: the serving side of this SDK ends a tunnel whose peer has more frames
   * unread than this.
   */
  public static final int MAX_INITIAL_CREDITS = 32;

  /** No idle timeout unless one is set. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ZERO;

  /** No byte quota unless one is set. */
  public static final long DEFAULT_MAX_BYTES = 0;

  private static final TunnelOptions DEFAULTS = builder().build();

  private final String remoteHint;
  private final Map<String, String> metadata;
  private final Duration idleTimeout;
  private final long maxBytes;
  private final int initialCredits;
  private final String backend;

  private TunnelOptions(Builder b) {
    this.remoteHint = b.remoteHint;
    this.metadata = Map.copyOf(b.metadata);
    this.idleTimeout = b.idleTimeout;
    this.maxBytes = b.maxBytes;
    this.initialCredits = b.initialCredits;
    this.backend = b.backend;
  }

  /**
   * @return the defaults: no hint, no idle timeout, no quota, 16 initial credits
   */
  public static TunnelOptions defaults() {
    return DEFAULTS;
  }

  /**
   * @return a builder starting from the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return where the serving side should connect ("" = its own default)
   */
  public String remoteHint() {
    return remoteHint;
  }

  /**
   * @return metadata sent in the open
   */
  public Map<String, String> metadata() {
    return metadata;
  }

  /**
   * @return idle timeout, enforced by both ends ({@link Duration#ZERO} = none)
   */
  public Duration idleTimeout() {
    return idleTimeout;
  }

  /**
   * @return byte quota over both directions, enforced by both ends (0 = none)
   */
  public long maxBytes() {
    return maxBytes;
  }

  /**
   * @return frames this side may send before the other end acknowledges any
   */
  public int initialCredits() {
    return initialCredits;
  }

  /**
   * @return the serving backend to use ("" = the target's default)
   */
  public String backend() {
    return backend;
  }

  /** Builder for {@link TunnelOptions}. */
  public static final class Builder {
    private String remoteHint = "";
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
    private long maxBytes = DEFAULT_MAX_BYTES;
    private int initialCredits = DEFAULT_INITIAL_CREDITS;
    private String backend = "";

    private Builder() {}

    /**
     * @param remoteHint where the serving side should connect, for example {@code host:port}
     * @return this
     */
    public Builder remoteHint(String remoteHint) {
      this.remoteHint = Arguments.notNull(remoteHint, "remoteHint");
      return this;
    }

    /**
     * @param key metadata key
     * @param value metadata value
     * @return this
     */
    public Builder metadata(String key, String value) {
      metadata.put(Arguments.notNull(key, "key"), Arguments.notNull(value, "value"));
      return this;
    }

    /**
     * @param idleTimeout close the tunnel after this long without data either way (zero = never)
     * @return this
     * @throws InvalidArgumentException if negative
     */
    public Builder idleTimeout(Duration idleTimeout) {
      Arguments.notNull(idleTimeout, "idleTimeout");
      if (idleTimeout.isNegative()) {
        throw new InvalidArgumentException("idleTimeout must not be negative, got " + idleTimeout);
      }
      this.idleTimeout = idleTimeout;
      return this;
    }

    /**
     * @param maxBytes close the tunnel once more bytes than this crossed it, both directions
     *     together (0 = no quota)
     * @return this
     * @throws InvalidArgumentException if negative
     */
    public Builder maxBytes(long maxBytes) {
      if (maxBytes < 0) {
        throw new InvalidArgumentException("maxBytes must not be negative, got " + maxBytes);
      }
      this.maxBytes = maxBytes;
      return this;
    }

    /**
     * @param initialCredits frames this side may send before the first acknowledgement (1 to {@link
     *     #MAX_INITIAL_CREDITS})
     * @return this
     * @throws InvalidArgumentException if out of range
     */
    public Builder initialCredits(int initialCredits) {
      if (initialCredits < 1 || initialCredits > MAX_INITIAL_CREDITS) {
        throw new InvalidArgumentException(
            "initialCredits must be between 1 and "
                + MAX_INITIAL_CREDITS
                + ", got "
                + initialCredits);
      }
      this.initialCredits = initialCredits;
      return this;
    }

    /**
     * @param backend the serving backend to use
     * @return this
     */
    public Builder backend(String backend) {
      this.backend = Arguments.notNull(backend, "backend");
      return this;
    }

    /**
     * @return the options
     */
    public TunnelOptions build() {
      return new TunnelOptions(this);
    }
  }
}
