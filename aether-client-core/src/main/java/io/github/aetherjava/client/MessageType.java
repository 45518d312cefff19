/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

/**
 * Kind of a message payload. {@link #OPAQUE} is the default for every send helper; the gateway
 * never inspects opaque payloads, and validates {@link #METRIC} payloads as serialized {@code
 * Metric} protos.
 *
 * @since 0.1.0
 */
public enum MessageType {
  /** Conversational message. */
  CHAT(io.github.aetherjava.proto.v1.MessageType.CHAT),
  /** Control / command message. */
  CONTROL(io.github.aetherjava.proto.v1.MessageType.CONTROL),
  /** Tool invocation. */
  TOOL_CALL(io.github.aetherjava.proto.v1.MessageType.TOOL_CALL),
  /** Event for the workflow engine. */
  EVENT(io.github.aetherjava.proto.v1.MessageType.EVENT),
  /** Serialized {@code Metric} for the metrics bridge. */
  METRIC(io.github.aetherjava.proto.v1.MessageType.METRIC),
  /** Opaque bytes (default). */
  OPAQUE(io.github.aetherjava.proto.v1.MessageType.OPAQUE);

  private final io.github.aetherjava.proto.v1.MessageType proto;

  MessageType(io.github.aetherjava.proto.v1.MessageType proto) {
    this.proto = proto;
  }

  /**
   * @return the wire enum value
   */
  public io.github.aetherjava.proto.v1.MessageType toProto() {
    return proto;
  }

  /**
   * Maps a wire value; unspecified or unknown values map to {@link #OPAQUE}.
   *
   * @param proto wire value
   * @return our enum
   */
  public static MessageType fromProto(io.github.aetherjava.proto.v1.MessageType proto) {
    // a switch, not values(): that clones the array on every inbound message
    return switch (proto) {
      case CHAT -> CHAT;
      case CONTROL -> CONTROL;
      case TOOL_CALL -> TOOL_CALL;
      case EVENT -> EVENT;
      case METRIC -> METRIC;
      default -> OPAQUE;
    };
  }
}
