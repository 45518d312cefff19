/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.coord;

import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.internal.Arguments;
import io.github.aetherjava.client.kv.KvTarget;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Settings shared by the primitives of one {@link Coordination}: the KV scope they live in, the
 * lease they hold and how often they renew and retry. Immutable; build with {@link #builder()}.
 *
 * <p>A holder considers its lease valid until {@code leaseTime - leaseTime/10} after it sent the
 * last write the gateway confirmed (acquire or renewal), measured on its own monotonic clock. The
 * gateway counts the same lease from when it applied the write, rounded up to whole seconds, so a
 * holder always gives up before anyone else can take over, even while disconnected.
 *
 * @since 0.1.0
 */
public final class CoordinationOptions {

  /** Default lease of a lock, a leadership or a permit: 30 s (as the upstream Go SDK). */
  public static final Duration DEFAULT_LEASE_TIME = Duration.ofSeconds(30);

  /** Default interval between lease renewals: 10 s (as the upstream Go SDK). */
  public static final Duration DEFAULT_RENEW_INTERVAL = Duration.ofSeconds(10);

  /**
   * Default pause between two acquisition attempts (lock waits, leader campaigns, permit waits): 1
   * s, varied by ±25 % so contenders do not poll in step.
   */
  public static final Duration DEFAULT_RETRY_INTERVAL = Duration.ofSeconds(1);

  /** Smallest lease the gateway can express (its TTLs are whole seconds). */
  public static final Duration MIN_LEASE_TIME = Duration.ofSeconds(1);

  private final KvTarget target;
  private final Duration leaseTime;
  private final Duration renewInterval;
  private final Duration retryInterval;
  private final @Nullable Duration requestTimeout;
  private final @Nullable String ownerId;

  private CoordinationOptions(Builder b) {
    if (b.target == null) {
      throw new InvalidArgumentException(
          "target: every coordination primitive needs an explicit KV scope, e.g."
              + " KvTarget.workspaceScope() or KvTarget.global()");
    }
    this.target = b.target;
    this.leaseTime = b.leaseTime;
    this.renewInterval = b.renewInterval;
    this.retryInterval = b.retryInterval;
    this.requestTimeout = b.requestTimeout;
    this.ownerId = b.ownerId;
    if (leaseTime.compareTo(MIN_LEASE_TIME) < 0) {
      throw new InvalidArgumentException("leaseTime must be at least 1 s, got " + leaseTime);
    }
    if (renewInterval.isZero()
        || renewInterval.isNegative()
        || renewInterval.compareTo(leaseTime.minus(leaseTime.dividedBy(10))) >= 0) {
      throw new InvalidArgumentException(
          "renewInterval must be positive and shorter than 90 % of leaseTime ("
              + leaseTime
              + "), got "
              + renewInterval);
    }
    Arguments.positive(retryInterval, "retryInterval");
    if (requestTimeout != null) {
      Arguments.positive(requestTimeout, "requestTimeout");
    }
  }

  /**
   * @return a builder (the target is required)
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @param target the KV scope the primitives use
   * @return options with that scope and every other default
   */
  public static CoordinationOptions of(KvTarget target) {
    return builder().target(target).build();
  }

  /**
   * @return KV scope (and workspace / user) holding the coordination keys
   */
  public KvTarget target() {
    return target;
  }

  /**
   * @return lease of a lock, leadership or permit
   */
  public Duration leaseTime() {
    return leaseTime;
  }

  /**
   * @return interval between renewals of a held lease
   */
  public Duration renewInterval() {
    return renewInterval;
  }

  /**
   * @return pause between acquisition attempts (±25 %)
   */
  public Duration retryInterval() {
    return retryInterval;
  }

  /**
   * @return timeout of each KV request, or null for the client's request timeout
   */
  public @Nullable Duration requestTimeout() {
    return requestTimeout;
  }

  /**
   * @return owner id written into held keys, or null to generate {@code host:random}
   */
  public @Nullable String ownerId() {
    return ownerId;
  }

  /**
   * @return a builder with these values
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.target = target;
    b.leaseTime = leaseTime;
    b.renewInterval = renewInterval;
    b.retryInterval = retryInterval;
    b.requestTimeout = requestTimeout;
    b.ownerId = ownerId;
    return b;
  }

  @Override
  public String toString() {
    return "CoordinationOptions[target="
        + target
        + ", leaseTime="
        + leaseTime
        + ", renewInterval="
        + renewInterval
        + ", retryInterval="
        + retryInterval
        + "]";
  }

  /** Builder of {@link CoordinationOptions}. */
  public static final class Builder {

    private @Nullable KvTarget target;
    private Duration leaseTime = DEFAULT_LEASE_TIME;
    private Duration renewInterval = DEFAULT_RENEW_INTERVAL;
    private Duration retryInterval = DEFAULT_RETRY_INTERVAL;
    private @Nullable Duration requestTimeout;
    private @Nullable String ownerId;

    private Builder() {}

    /**
     * @param target KV scope for the coordination keys (required). Every participant must reach the
     *     same keys: use a shared scope ({@code global}, {@code workspace}); the exclusive scopes
     *     are per implementation + specifier.
     * @return this
     */
    public Builder target(KvTarget target) {
      this.target = Arguments.notNull(target, "target");
      return this;
    }

    /**
     * @param leaseTime lease (at least 1 s; default {@link #DEFAULT_LEASE_TIME})
     * @return this
     */
    public Builder leaseTime(Duration leaseTime) {
      this.leaseTime = Arguments.notNull(leaseTime, "leaseTime");
      return this;
    }

    /**
     * @param renewInterval renewal interval (below 90 % of the lease; default {@link
     *     #DEFAULT_RENEW_INTERVAL})
     * @return this
     */
    public Builder renewInterval(Duration renewInterval) {
      this.renewInterval = Arguments.notNull(renewInterval, "renewInterval");
      return this;
    }

    /**
     * @param retryInterval pause between acquisition attempts (default {@link
     *     #DEFAULT_RETRY_INTERVAL})
     * @return this
     */
    public Builder retryInterval(Duration retryInterval) {
      this.retryInterval = Arguments.notNull(retryInterval, "retryInterval");
      return this;
    }

    /**
     * @param requestTimeout timeout of each KV request, or null for the client's
     * @return this
     */
    public Builder requestTimeout(@Nullable Duration requestTimeout) {
      this.requestTimeout = requestTimeout;
      return this;
    }

    /**
     * @param ownerId owner id written into held keys (no {@code '#'}), or null to generate one
     * @return this
     */
    public Builder ownerId(@Nullable String ownerId) {
      if (ownerId != null && (ownerId.isBlank() || ownerId.indexOf('#') >= 0)) {
        throw new InvalidArgumentException(
            "ownerId must be non-blank and must not contain '#', got '" + ownerId + "'");
      }
      this.ownerId = ownerId;
      return this;
    }

    /**
     * @return the options
     * @throws InvalidArgumentException if the target is missing or a duration is out of range
     */
    public CoordinationOptions build() {
      return new CoordinationOptions(this);
    }
  }
}
