/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.delivery;

import io.github.aetherjava.client.InvalidArgumentException;

/**
 * Client-side pacing of the frames a gateway rate-limits (messages and progress reports): a token
 * bucket of {@link #burst()} tokens refilled at {@link #ratePerSecond()}. A frame that finds no
 * token waits in the outbound buffer (bounded as usual) instead of being refused by the gateway.
 * When the gateway still refuses one for a rate limit or quota, the bucket is emptied and pauses
 * for the {@code retry_after_ms} the gateway asked for. Off by default, since gateway limits are
 * configurable and pacing for the wrong limit only slows a client down.
 *
 * @since 0.2.0
 */
public final class SendPacing {

  /**
   * Rate of {@link #aetherLite()}: with {@link #AETHER_LITE_BURST} at most 90 frames leave in any
   * one second, below AetherLite's 100 messages per identity per one-second window ({@code
   * ERR_QUOTA_001}, stricter than its 100/s, burst 200 connection bucket) with room for frames the
   * network bunches together on the way.
   */
  public static final double AETHER_LITE_RATE = 80;

  /** Burst of {@link #aetherLite()}. */
  public static final int AETHER_LITE_BURST = 10;

  private static final SendPacing OFF = new SendPacing(0, 0);

  private final double ratePerSecond;
  private final int burst;

  private SendPacing(double ratePerSecond, int burst) {
    this.ratePerSecond = ratePerSecond;
    this.burst = burst;
  }

  /**
   * @return no pacing (the default): frames are written as fast as the transport takes them
   */
  public static SendPacing off() {
    return OFF;
  }

  /**
   * @param ratePerSecond tokens added per second, finite and &gt; 0
   * @param burst bucket size, &ge; 1
   * @return pacing at that rate
   * @throws InvalidArgumentException naming the bad argument
   */
  public static SendPacing of(double ratePerSecond, int burst) {
    if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
      throw new InvalidArgumentException(
          "ratePerSecond must be a finite number > 0, got " + ratePerSecond);
    }
    if (burst < 1) {
      throw new InvalidArgumentException("burst must be >= 1, got " + burst);
    }
    return new SendPacing(ratePerSecond, burst);
  }

  /**
   * @return pacing that a stock AetherLite (and a gateway with its default limits) never refuses:
   *     {@value #AETHER_LITE_RATE}/s, burst {@value #AETHER_LITE_BURST}
   */
  public static SendPacing aetherLite() {
    return of(AETHER_LITE_RATE, AETHER_LITE_BURST);
  }

  /**
   * @return whether frames are paced
   */
  public boolean enabled() {
    return ratePerSecond > 0;
  }

  /**
   * @return tokens per second (0 when off)
   */
  public double ratePerSecond() {
    return ratePerSecond;
  }

  /**
   * @return bucket size (0 when off)
   */
  public int burst() {
    return burst;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SendPacing p && p.ratePerSecond == ratePerSecond && p.burst == burst;
  }

  @Override
  public int hashCode() {
    return Double.hashCode(ratePerSecond) * 31 + burst;
  }

  @Override
  public String toString() {
    return enabled()
        ? "SendPacing[" + ratePerSecond + "/s, burst " + burst + "]"
        : "SendPacing[off]";
  }
}
