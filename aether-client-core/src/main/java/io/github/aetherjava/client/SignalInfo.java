/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

/**
 * A control signal from the gateway. {@link Type#FORCE_DISCONNECT} (administrator kick) closes the
 * client for good; {@link Type#GRACEFUL_DISCONNECT} (gateway shutdown) makes it reconnect.
 *
 * @param type signal type
 * @param reason gateway-supplied reason
 * @since 0.1.0
 */
public record SignalInfo(Type type, String reason) {

  /** Signal types. */
  public enum Type {
    /** Disconnect and do not reconnect. */
    FORCE_DISCONNECT,
    /** Disconnect and reconnect (gateway shutting down or rebalancing). */
    GRACEFUL_DISCONNECT
  }

  /**
   * @return the wire form
   */
  public io.github.aetherjava.proto.v1.Signal toProto() {
    return io.github.aetherjava.proto.v1.Signal.newBuilder()
        .setType(
            type == Type.FORCE_DISCONNECT
                ? io.github.aetherjava.proto.v1.Signal.SignalType.FORCE_DISCONNECT
                : io.github.aetherjava.proto.v1.Signal.SignalType.GRACEFUL_DISCONNECT)
        .setReason(reason)
        .build();
  }

  /**
   * @param proto wire form
   * @return value
   */
  public static SignalInfo fromProto(io.github.aetherjava.proto.v1.Signal proto) {
    return new SignalInfo(
        proto.getType() == io.github.aetherjava.proto.v1.Signal.SignalType.GRACEFUL_DISCONNECT
            ? Type.GRACEFUL_DISCONNECT
            : Type.FORCE_DISCONNECT,
        proto.getReason());
  }
}
