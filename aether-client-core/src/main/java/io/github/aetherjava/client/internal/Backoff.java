/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import io.github.aetherjava.client.ReconnectPolicy;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Reconnect delay maths: {@code min(initial * multiplier^n, max)} varied by ±jitter. Pure and unit
 * tested.
 */
public final class Backoff {

  private Backoff() {}

  /**
   * @param policy reconnect policy
   * @param index 0-based index of the delayed retry
   * @param random source of uniform values in [0, 1)
   * @return the delay
   */
  public static Duration delay(ReconnectPolicy policy, int index, DoubleSupplier random) {
    double base =
        policy.initialDelay().toNanos() * Math.pow(policy.multiplier(), Math.max(0, index));
    double capped = Math.min(base, policy.maxDelay().toNanos());
    double factor = 1.0 + policy.jitter() * (2.0 * random.getAsDouble() - 1.0);
    return Duration.ofNanos((long) Math.max(0, capped * factor));
  }
}
