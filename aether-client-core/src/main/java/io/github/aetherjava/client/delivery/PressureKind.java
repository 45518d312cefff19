/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.delivery;

import org.jspecify.annotations.Nullable;

/**
 * The gateway refusals and drops reported as {@link PressureEvent}s.
 *
 * @since 0.2.0
 */
public enum PressureKind {
  /**
   * A send or progress report refused by a rate limit: {@code ERR_RATE_LIMITED} (per connection) or
   * {@code ERR_WORKSPACE_RATE_LIMITED} (per workspace). The frame was not delivered.
   */
  RATE_LIMITED,

  /** A send refused by a quota: {@code ERR_QUOTA_001}. The frame was not delivered. */
  QUOTA_EXCEEDED,

  /**
   * The gateway dropped frames on their way to this client because it did not read its stream fast
   * enough ({@code BACKPRESSURE}): the frames are lost for this client.
   */
  BACKPRESSURE;

  /**
   * @param code a gateway error code
   * @return the kind that code reports, or null for other errors
   */
  public static @Nullable PressureKind ofCode(String code) {
    return switch (code) {
      case "ERR_RATE_LIMITED", "ERR_WORKSPACE_RATE_LIMITED" -> RATE_LIMITED;
      case "ERR_QUOTA_001" -> QUOTA_EXCEEDED;
      case "BACKPRESSURE" -> BACKPRESSURE;
      default -> null;
    };
  }
}
