/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.authority;

import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.internal.Arguments;
import java.time.Clock;
import java.time.Duration;

/**
 * Settings of an {@link AuthorityCache}. Immutable; build with {@link #builder()}.
 *
 * @since 0.1.0
 */
public final class AuthorityCacheOptions {

  /** Default time before expiry at which a cached grant counts as stale and is exchanged again. */
  public static final Duration DEFAULT_SOFT_RENEW_SKEW = Duration.ofSeconds(30);

  /** Default timeout of the exchanges and derivations the cache makes. */
  public static final Duration DEFAULT_OPERATION_TIMEOUT = Duration.ofSeconds(10);

  /** Default bound on cached grants; the least recently used one is dropped beyond it. */
  public static final int DEFAULT_MAX_ENTRIES = 1024;

  private final Duration softRenewSkew;
  private final Duration operationTimeout;
  private final int maxEntries;
  private final Clock clock;

  private AuthorityCacheOptions(Builder b) {
    this.softRenewSkew = b.softRenewSkew;
    this.operationTimeout = b.operationTimeout;
    this.maxEntries = b.maxEntries;
    this.clock = b.clock;
  }

  /**
   * @return a builder with the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return the defaults
   */
  public static AuthorityCacheOptions defaults() {
    return builder().build();
  }

  /**
   * @return how long before expiry a grant counts as stale
   */
  public Duration softRenewSkew() {
    return softRenewSkew;
  }

  /**
   * @return timeout of each exchange or derivation
   */
  public Duration operationTimeout() {
    return operationTimeout;
  }

  /**
   * @return most grants kept
   */
  public int maxEntries() {
    return maxEntries;
  }

  /**
   * @return the clock deciding staleness
   */
  public Clock clock() {
    return clock;
  }

  /** Builder of {@link AuthorityCacheOptions}. */
  public static final class Builder {
    private Duration softRenewSkew = DEFAULT_SOFT_RENEW_SKEW;
    private Duration operationTimeout = DEFAULT_OPERATION_TIMEOUT;
    private int maxEntries = DEFAULT_MAX_ENTRIES;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * @param value time before expiry at which a grant is exchanged again; zero or more
     * @return this
     */
    public Builder softRenewSkew(Duration value) {
      Arguments.notNull(value, "softRenewSkew");
      if (value.isNegative()) {
        throw new InvalidArgumentException("softRenewSkew must not be negative, got " + value);
      }
      this.softRenewSkew = value;
      return this;
    }

    /**
     * @param value timeout of each exchange or derivation; positive
     * @return this
     */
    public Builder operationTimeout(Duration value) {
      this.operationTimeout = Arguments.positive(value, "operationTimeout");
      return this;
    }

    /**
     * @param value most grants kept; at least 1
     * @return this
     */
    public Builder maxEntries(int value) {
      if (value < 1) {
        throw new InvalidArgumentException("maxEntries must be at least 1, got " + value);
      }
      this.maxEntries = value;
      return this;
    }

    /**
     * @param value clock deciding staleness (tests)
     * @return this
     */
    public Builder clock(Clock value) {
      this.clock = Arguments.notNull(value, "clock");
      return this;
    }

    /**
     * @return the options
     */
    public AuthorityCacheOptions build() {
      return new AuthorityCacheOptions(this);
    }
  }
}
