/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import com.google.protobuf.CodedInputStream;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.IncomingMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One downstream frame as the transport thread hands it over: parsed, or, for a frame that holds
 * nothing but a message for handlers, its undecoded bytes. The message is decoded on the callback
 * thread that runs the handlers, so the transport thread only reads and routes.
 */
final class DownstreamFrame {

  private final @Nullable DownstreamMessage parsed;
  private final byte @Nullable [] bytes;
  private final int offset;
  private final int length;

  private DownstreamFrame(
      @Nullable DownstreamMessage parsed, byte @Nullable [] bytes, int offset, int length) {
    this.parsed = parsed;
    this.bytes = bytes;
    this.offset = offset;
    this.length = length;
  }

  static DownstreamFrame parsed(DownstreamMessage message) {
    return new DownstreamFrame(message, null, 0, 0);
  }

  /**
   * @param bytes holds the encoded {@code IncomingMessage}; not modified afterwards
   */
  static DownstreamFrame message(byte[] bytes, int offset, int length) {
    return new DownstreamFrame(null, bytes, offset, length);
  }

  /**
   * @return true if this frame is a message whose decoding was left to {@link #decodeMessage()}
   */
  boolean isUndecodedMessage() {
    return parsed == null;
  }

  /**
   * @return the parsed frame; only for frames that are not {@link #isUndecodedMessage()}
   */
  DownstreamMessage parsed() {
    return Objects.requireNonNull(parsed, "undecoded message frame");
  }

  /**
   * Decodes the message; its payload shares this frame's bytes instead of copying them.
   *
   * @return the message
   * @throws IOException if the bytes are not a valid message
   */
  IncomingMessage decodeMessage() throws IOException {
    byte[] b = Objects.requireNonNull(bytes, "parsed frame");
    CodedInputStream in = CodedInputStream.newInstance(b, offset, length);
    in.enableAliasing(true);
    IncomingMessage m = IncomingMessage.parseFrom(in);
    in.checkLastTagWas(0);
    return m;
  }

  /**
   * @return the frame as it came off the wire
   */
  byte[] encoded() {
    if (parsed != null) {
      return parsed.toByteArray();
    }
    byte[] b = Objects.requireNonNull(bytes);
    return Arrays.copyOfRange(b, 0, offset + length);
  }
}
