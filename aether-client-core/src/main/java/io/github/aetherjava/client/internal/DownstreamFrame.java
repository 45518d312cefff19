/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import com.google.protobuf.CodedInputStream;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.IncomingMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
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
  // where the encoded IncomingMessage starts in bytes; it runs to the end
  private final int offset;

  private DownstreamFrame(@Nullable DownstreamMessage parsed, byte @Nullable [] bytes, int offset) {
    this.parsed = parsed;
    this.bytes = bytes;
    this.offset = offset;
  }

  static DownstreamFrame parsed(DownstreamMessage message) {
    return new DownstreamFrame(message, null, 0);
  }

  /**
   * @param frame the whole encoded frame; not modified afterwards
   * @param offset where the encoded {@code IncomingMessage} starts; it runs to the end of the frame
   */
  static DownstreamFrame message(byte[] frame, int offset) {
    return new DownstreamFrame(null, frame, offset);
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
    CodedInputStream in = CodedInputStream.newInstance(b, offset, b.length - offset);
    in.enableAliasing(true);
    IncomingMessage m = IncomingMessage.parseFrom(in);
    in.checkLastTagWas(0);
    return m;
  }

  /**
   * @return the frame as it came off the wire
   */
  InputStream encoded() {
    return parsed != null
        ? parsed.toByteString().newInput()
        : new ByteArrayInputStream(Objects.requireNonNull(bytes));
  }
}
