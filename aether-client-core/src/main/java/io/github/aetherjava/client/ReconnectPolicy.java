/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import io.github.aetherjava.client.internal.Arguments;
import java.time.Duration;

/**
 * How a client reconnects after its stream drops: exponential backoff with cap and jitter,
 * unlimited attempts by default, an immediate first retry after a clean server close (the gateway
 * cuts every stream after about 2 h), and optional retries when the identity is still held by a
 * dying session.
 *
 * @since 0.1.0
 */
public final class ReconnectPolicy {

  /** Default first delay. */
  public static final Duration DEFAULT_INITIAL_DELAY = Duration.ofSeconds(1);

  /** Default maximum delay. */
  public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(30);

  /** Default multiplier per attempt. */
  public static final double DEFAULT_MULTIPLIER = 2.0;

  /** Default jitter: the delay varies by ±25 %. */
  public static final double DEFAULT_JITTER = 0.25;

  /** Default attempt limit: 0 = unlimited (a gateway restart or network cut can take minutes). */
  public static final int DEFAULT_MAX_ATTEMPTS = 0;

  /** Default wait between retries when the identity is still held ({@code ALREADY_EXISTS}). */
  public static final Duration DEFAULT_DUPLICATE_RETRY_DELAY = Duration.ofSeconds(5);

  /** Default number of duplicate-identity retries. */
  public static final int DEFAULT_DUPLICATE_MAX_ATTEMPTS = 5;

  private static final ReconnectPolicy DEFAULTS = builder().build();

  private final boolean enabled;
  private final Duration initialDelay;
  private final Duration maxDelay;
  private final double multiplier;
  private final double jitter;
  private final int maxAttempts;
  private final boolean immediateFirstRetry;
  private final boolean retryInitialConnect;
  private final boolean retryOnDuplicate;
  private final Duration duplicateRetryDelay;
  private final int duplicateMaxAttempts;

  private ReconnectPolicy(Builder b) {
    this.enabled = b.enabled;
    this.initialDelay = b.initialDelay;
    this.maxDelay = b.maxDelay;
    this.multiplier = b.multiplier;
    this.jitter = b.jitter;
    this.maxAttempts = b.maxAttempts;
    this.immediateFirstRetry = b.immediateFirstRetry;
    this.retryInitialConnect = b.retryInitialConnect;
    this.retryOnDuplicate = b.retryOnDuplicate;
    this.duplicateRetryDelay = b.duplicateRetryDelay;
    this.duplicateMaxAttempts = b.duplicateMaxAttempts;
  }

  /**
   * @return the default policy
   */
  public static ReconnectPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * @return a policy that never reconnects
   */
  public static ReconnectPolicy disabled() {
    return builder().enabled(false).build();
  }

  /**
   * @return a new builder with defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return a builder initialised from this policy
   */
  public Builder toBuilder() {
    return new Builder()
        .enabled(enabled)
        .initialDelay(initialDelay)
        .maxDelay(maxDelay)
        .multiplier(multiplier)
        .jitter(jitter)
        .maxAttempts(maxAttempts)
        .immediateFirstRetry(immediateFirstRetry)
        .retryInitialConnect(retryInitialConnect)
        .retryOnDuplicate(retryOnDuplicate)
        .duplicateRetryDelay(duplicateRetryDelay)
        .duplicateMaxAttempts(duplicateMaxAttempts);
  }

  /**
   * @return whether the client reconnects at all
   */
  public boolean enabled() {
    return enabled;
  }

  /**
   * @return delay before the first (non-immediate) retry
   */
  public Duration initialDelay() {
    return initialDelay;
  }

  /**
   * @return cap on the delay (before jitter)
   */
  public Duration maxDelay() {
    return maxDelay;
  }

  /**
   * @return growth factor per attempt
   */
  public double multiplier() {
    return multiplier;
  }

  /**
   * @return relative jitter, 0 ≤ jitter &lt; 1
   */
  public double jitter() {
    return jitter;
  }

  /**
   * @return consecutive failed attempts before giving up; 0 = unlimited
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * @return whether the first retry after a clean server close happens without delay
   */
  public boolean immediateFirstRetry() {
    return immediateFirstRetry;
  }

  /**
   * @return whether {@code connect()} keeps retrying recoverable failures of the very first attempt
   */
  public boolean retryInitialConnect() {
    return retryInitialConnect;
  }

  /**
   * @return whether {@code ALREADY_EXISTS} is retried
   */
  public boolean retryOnDuplicate() {
    return retryOnDuplicate;
  }

  /**
   * @return wait between duplicate-identity retries
   */
  public Duration duplicateRetryDelay() {
    return duplicateRetryDelay;
  }

  /**
   * @return number of duplicate-identity retries
   */
  public int duplicateMaxAttempts() {
    return duplicateMaxAttempts;
  }

  @Override
  public String toString() {
    return "ReconnectPolicy[enabled="
        + enabled
        + ", initialDelay="
        + initialDelay
        + ", maxDelay="
        + maxDelay
        + ", multiplier="
        + multiplier
        + ", jitter="
        + jitter
        + ", maxAttempts="
        + maxAttempts
        + ", immediateFirstRetry="
        + immediateFirstRetry
        + ", retryInitialConnect="
        + retryInitialConnect
        + ", retryOnDuplicate="
        + retryOnDuplicate
        + ", duplicateRetryDelay="
        + duplicateRetryDelay
        + ", duplicateMaxAttempts="
        + duplicateMaxAttempts
        + "]";
  }

  /** Builder for {@link ReconnectPolicy}. */
  public static final class Builder {
    private boolean enabled = true;
    private Duration initialDelay = DEFAULT_INITIAL_DELAY;
    private Duration maxDelay = DEFAULT_MAX_DELAY;
    private double multiplier = DEFAULT_MULTIPLIER;
    private double jitter = DEFAULT_JITTER;
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private boolean immediateFirstRetry = true;
    private boolean retryInitialConnect;
    private boolean retryOnDuplicate;
    private Duration duplicateRetryDelay = DEFAULT_DUPLICATE_RETRY_DELAY;
    private int duplicateMaxAttempts = DEFAULT_DUPLICATE_MAX_ATTEMPTS;

    private Builder() {}

    /**
     * @param enabled whether to reconnect
     * @return this
     */
    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    /**
     * @param initialDelay first delay, ≥ 0
     * @return this
     */
    public Builder initialDelay(Duration initialDelay) {
      this.initialDelay = Arguments.notNull(initialDelay, "initialDelay");
      return this;
    }

    /**
     * @param maxDelay cap, ≥ initial delay
     * @return this
     */
    public Builder maxDelay(Duration maxDelay) {
      this.maxDelay = Arguments.notNull(maxDelay, "maxDelay");
      return this;
    }

    /**
     * @param multiplier growth factor, ≥ 1
     * @return this
     */
    public Builder multiplier(double multiplier) {
      this.multiplier = multiplier;
      return this;
    }

    /**
     * @param jitter relative jitter in [0, 1)
     * @return this
     */
    public Builder jitter(double jitter) {
      this.jitter = jitter;
      return this;
    }

    /**
     * @param maxAttempts consecutive failed attempts before giving up; 0 = unlimited
     * @return this
     */
    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * @param immediate retry at once after a clean server close
     * @return this
     */
    public Builder immediateFirstRetry(boolean immediate) {
      this.immediateFirstRetry = immediate;
      return this;
    }

    /**
     * @param retry keep retrying recoverable failures of the first connect (e.g. gateway not up
     *     yet)
     * @return this
     */
    public Builder retryInitialConnect(boolean retry) {
      this.retryInitialConnect = retry;
      return this;
    }

    /**
     * @param retry retry when the identity is still held by another session
     * @return this
     */
    public Builder retryOnDuplicate(boolean retry) {
      this.retryOnDuplicate = retry;
      return this;
    }

    /**
     * @param delay wait between duplicate-identity retries
     * @return this
     */
    public Builder duplicateRetryDelay(Duration delay) {
      this.duplicateRetryDelay = Arguments.notNull(delay, "duplicateRetryDelay");
      return this;
    }

    /**
     * @param attempts number of duplicate-identity retries, ≥ 1
     * @return this
     */
    public Builder duplicateMaxAttempts(int attempts) {
      this.duplicateMaxAttempts = attempts;
      return this;
    }

    /**
     * @return the policy
     * @throws InvalidArgumentException if a value is out of range
     */
    public ReconnectPolicy build() {
      if (initialDelay.isNegative()) {
        throw new InvalidArgumentException("initialDelay must not be negative");
      }
      if (maxDelay.compareTo(initialDelay) < 0) {
        throw new InvalidArgumentException("maxDelay must be >= initialDelay");
      }
      if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
        throw new InvalidArgumentException("multiplier must be >= 1");
      }
      if (!(jitter >= 0.0 && jitter < 1.0)) {
        throw new InvalidArgumentException("jitter must be in [0, 1)");
      }
      if (maxAttempts < 0) {
        throw new InvalidArgumentException("maxAttempts must be >= 0 (0 = unlimited)");
      }
      if (duplicateRetryDelay.isNegative() || duplicateMaxAttempts < 1) {
        throw new InvalidArgumentException(
            "duplicateRetryDelay must be >= 0 and duplicateMaxAttempts >= 1");
      }
      return new ReconnectPolicy(this);
    }
  }
}
