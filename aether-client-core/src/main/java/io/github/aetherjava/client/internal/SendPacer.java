/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import io.github.aetherjava.client.delivery.SendPacing;

/**
 * The token bucket behind {@link SendPacing}. Not thread-safe: {@link Outbound} calls it under its
 * writer lock. Times are {@link System#nanoTime()} values passed in, so tests can drive it.
 */
final class SendPacer {

  private final double tokensPerNano;
  private final double burst;
  private double tokens;
  private long refilledAt;
  private long pausedUntil;

  SendPacer(SendPacing pacing, long now) {
    this.tokensPerNano = pacing.ratePerSecond() / 1e9;
    this.burst = pacing.burst();
    this.tokens = burst;
    this.refilledAt = now;
    this.pausedUntil = now;
  }

  /**
   * Takes a token if one is available.
   *
   * @param now current nano time
   * @return 0 if a token was taken, else the nanoseconds until one will be
   */
  long tryTake(long now) {
    if (now - pausedUntil < 0) {
      return pausedUntil - now;
    }
    double elapsed = now - refilledAt;
    if (elapsed > 0) {
      tokens = Math.min(burst, tokens + elapsed * tokensPerNano);
      refilledAt = now;
    }
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return Math.max(1, (long) Math.ceil((1 - tokens) / tokensPerNano));
  }

  /**
   * The gateway refused a frame anyway: our bucket was ahead of its own, so start over empty after
   * the wait it asked for.
   *
   * @param now current nano time
   * @param waitNanos the gateway's {@code retry_after_ms}, in nanoseconds
   */
  void pause(long now, long waitNanos) {
    tokens = 0;
    refilledAt = now + waitNanos;
    if (now + waitNanos - pausedUntil > 0) {
      pausedUntil = now + waitNanos;
    }
  }
}
