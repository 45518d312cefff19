/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.checkpoint;

import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.internal.Arguments;
import java.time.Duration;

/**
 * Expiry of a saved checkpoint: the gateway's default, never, or a duration (whole seconds, rounded
 * up).
 *
 * @param seconds wire value: -1 = server default, 0 = never, &gt; 0 = seconds
 * @since 0.1.0
 */
public record CheckpointTtl(long seconds) {

  private static final CheckpointTtl SERVER_DEFAULT = new CheckpointTtl(-1);
  private static final CheckpointTtl NEVER = new CheckpointTtl(0);

  /** Validates the wire value. */
  public CheckpointTtl {
    if (seconds < -1) {
      throw new InvalidArgumentException("seconds must be -1, 0 or positive, was " + seconds);
    }
  }

  /**
   * @return the gateway's configured default
   */
  public static CheckpointTtl serverDefault() {
    return SERVER_DEFAULT;
  }

  /**
   * @return never expires
   */
  public static CheckpointTtl never() {
    return NEVER;
  }

  /**
   * @param ttl positive duration
   * @return expires after that duration (rounded up to seconds)
   */
  public static CheckpointTtl of(Duration ttl) {
    if (Arguments.notNull(ttl, "ttl").isZero() || ttl.isNegative()) {
      throw new InvalidArgumentException(
          "ttl must be positive (use CheckpointTtl.never() for no expiry), was " + ttl);
    }
    long s = ttl.getSeconds() + (ttl.getNano() > 0 ? 1 : 0);
    return new CheckpointTtl(s);
  }
}
