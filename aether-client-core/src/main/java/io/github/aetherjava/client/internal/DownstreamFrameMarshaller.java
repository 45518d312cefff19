/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import com.google.protobuf.InvalidProtocolBufferException;
import io.github.aetherjava.proto.v1.AetherGatewayGrpc;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads downstream frames for the {@code Connect} call. Over a network transport a frame that is
 * only a message for handlers (field 1 of {@code DownstreamMessage}, nothing else) keeps its bytes
 * undecoded, so the transport thread copies it once and the callback thread decodes it; every other
 * frame is parsed here, as the generated marshaller would. The in-process transport hands over
 * messages without encoding them, so it keeps the generated marshaller's shortcut.
 */
final class DownstreamFrameMarshaller implements MethodDescriptor.Marshaller<DownstreamFrame> {

  /** Tag of {@code DownstreamMessage.msg}: field 1, length-delimited. */
  private static final int MSG_TAG = (1 << 3) | 2;

  private static final MethodDescriptor.Marshaller<DownstreamMessage> GENERATED =
      AetherGatewayGrpc.getConnectMethod().getResponseMarshaller();

  private static final MethodDescriptor<UpstreamMessage, DownstreamFrame> NETWORK =
      AetherGatewayGrpc.getConnectMethod().toBuilder(
              AetherGatewayGrpc.getConnectMethod().getRequestMarshaller(),
              new DownstreamFrameMarshaller(true))
          .build();

  private static final MethodDescriptor<UpstreamMessage, DownstreamFrame> IN_PROCESS =
      AetherGatewayGrpc.getConnectMethod().toBuilder(
              AetherGatewayGrpc.getConnectMethod().getRequestMarshaller(),
              new DownstreamFrameMarshaller(false))
          .build();

  private final boolean deferMessages;

  private DownstreamFrameMarshaller(boolean deferMessages) {
    this.deferMessages = deferMessages;
  }

  /**
   * @param inProcess whether the channel is in-process
   * @return the {@code Connect} method with this marshaller for the responses
   */
  static MethodDescriptor<UpstreamMessage, DownstreamFrame> connectMethod(boolean inProcess) {
    return inProcess ? IN_PROCESS : NETWORK;
  }

  @Override
  public InputStream stream(DownstreamFrame value) {
    return value.encoded();
  }

  @Override
  public DownstreamFrame parse(InputStream stream) {
    if (!deferMessages || !(stream instanceof KnownLength)) {
      return DownstreamFrame.parsed(GENERATED.parse(stream));
    }
    byte[] b;
    try {
      b = readFully(stream);
    } catch (IOException e) {
      throw Status.INTERNAL.withDescription("cannot read frame").withCause(e).asRuntimeException();
    }
    int bodyStart = messageBodyStart(b);
    if (bodyStart > 0) {
      return DownstreamFrame.message(b, bodyStart);
    }
    try {
      return DownstreamFrame.parsed(DownstreamMessage.parseFrom(b));
    } catch (InvalidProtocolBufferException e) {
      throw Status.INTERNAL
          .withDescription("Invalid protobuf byte sequence")
          .withCause(e)
          .asRuntimeException();
    }
  }

  /** One copy into an array of the exact size ({@code readNBytes} would copy twice). */
  private static byte[] readFully(InputStream stream) throws IOException {
    byte[] b = new byte[stream.available()];
    int n = 0;
    while (n < b.length) {
      int r = stream.read(b, n, b.length - n);
      if (r < 0) {
        throw new IOException("frame ended after " + n + " of " + b.length + " bytes");
      }
      n += r;
    }
    return b;
  }

  /**
   * @return where the message starts if the frame is field 1 and nothing else, else -1
   */
  static int messageBodyStart(byte[] b) {
    if (b.length < 2 || b[0] != MSG_TAG) {
      return -1;
    }
    long len = 0;
    int i = 1;
    for (int shift = 0; shift < 35; shift += 7) {
      if (i >= b.length) {
        return -1;
      }
      byte x = b[i++];
      len |= (long) (x & 0x7f) << shift;
      if (x >= 0) {
        return len == b.length - i ? i : -1;
      }
    }
    return -1;
  }
}
