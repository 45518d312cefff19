/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.task;

/**
 * Why a paused task waits; decides the status it is paused in.
 *
 * @since 0.1.0
 */
public enum WaitReason {
  /** Not set (paused as waiting for input). */
  UNSPECIFIED(io.github.aetherjava.proto.v1.WaitReason.WAIT_REASON_UNSPECIFIED),
  /** {@link TaskStatus#WAITING_INPUT}. */
  INPUT(io.github.aetherjava.proto.v1.WaitReason.WAIT_REASON_INPUT),
  /** {@link TaskStatus#WAITING_AUTHORITY}. */
  AUTHORITY(io.github.aetherjava.proto.v1.WaitReason.WAIT_REASON_AUTHORITY),
  /** {@link TaskStatus#WAITING_DEPENDENCY}. */
  DEPENDENCY(io.github.aetherjava.proto.v1.WaitReason.WAIT_REASON_DEPENDENCY),
  /** {@link TaskStatus#HIBERNATED}: the worker is told to close its stream. */
  HIBERNATION(io.github.aetherjava.proto.v1.WaitReason.WAIT_REASON_HIBERNATION);

  private final io.github.aetherjava.proto.v1.WaitReason wire;

  WaitReason(io.github.aetherjava.proto.v1.WaitReason wire) {
    this.wire = wire;
  }

  /**
   * @return the wire value
   */
  public io.github.aetherjava.proto.v1.WaitReason toProto() {
    return wire;
  }

  /**
   * @param wire wire value
   * @return the reason; {@link #UNSPECIFIED} for unknown values
   */
  public static WaitReason fromProto(io.github.aetherjava.proto.v1.WaitReason wire) {
    for (WaitReason r : values()) {
      if (r.wire == wire) {
        return r;
      }
    }
    return UNSPECIFIED;
  }
}
