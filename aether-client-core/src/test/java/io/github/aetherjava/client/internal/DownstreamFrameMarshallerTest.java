/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.github.aetherjava.client.testing.FakeGateway;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.IncomingMessage;
import io.github.aetherjava.proto.v1.KVResponse;
import io.github.aetherjava.proto.v1.MessageType;
import io.github.aetherjava.proto.v1.PrincipalRef;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DownstreamFrameMarshallerTest {

  /** What the Netty transport hands a marshaller: a stream that knows its length. */
  private static final class WireStream extends ByteArrayInputStream implements KnownLength {
    WireStream(byte[] b) {
      super(b);
    }
  }

  private static final MethodDescriptor.Marshaller<DownstreamFrame> NETWORK =
      DownstreamFrameMarshaller.connectMethod(false).getResponseMarshaller();

  private static DownstreamFrame overNetwork(DownstreamMessage m) {
    return NETWORK.parse(new WireStream(m.toByteArray()));
  }

  private static IncomingMessage message(int payloadBytes) {
    byte[] payload = new byte[payloadBytes];
    new Random(payloadBytes).nextBytes(payload);
    return IncomingMessage.newBuilder()
        .setSourceTopic("ag::prod::worker::1")
        .setPayload(ByteString.copyFrom(payload))
        .setMessageType(MessageType.OPAQUE)
        .setWorkspace("prod")
        .setOnBehalfSubject(
            PrincipalRef.newBuilder().setPrincipalType("user").setPrincipalId("u-7"))
        .build();
  }

  @Test
  void aFrameThatIsOnlyAMessageIsDecodedLaterAndEqualsTheOriginal() throws IOException {
    // sizes around the one- to three-byte length prefixes and a large frame
    for (int size : new int[] {0, 1, 60, 127, 128, 16_383, 16_384, 1 << 20}) {
      IncomingMessage original = message(size);
      DownstreamFrame f = overNetwork(DownstreamMessage.newBuilder().setMsg(original).build());
      assertThat(f.isUndecodedMessage()).as("size %d", size).isTrue();
      assertThat(f.decodeMessage()).as("size %d", size).isEqualTo(original);
    }
  }

  @Test
  void anEmptyMessageIsDecodedToTheDefault() throws IOException {
    DownstreamFrame f =
        overNetwork(
            DownstreamMessage.newBuilder().setMsg(IncomingMessage.getDefaultInstance()).build());
    assertThat(f.isUndecodedMessage()).isTrue();
    assertThat(f.decodeMessage()).isEqualTo(IncomingMessage.getDefaultInstance());
  }

  @Test
  void everyOtherFrameIsParsedAtOnce() {
    DownstreamMessage kv =
        DownstreamMessage.newBuilder()
            .setKv(KVResponse.newBuilder().setRequestId("r-1").setSuccess(true))
            .build();
    assertThat(overNetwork(kv).parsed()).isEqualTo(kv);
    // a message with another field beside it is not "only a message"
    DownstreamMessage withExtensions =
        DownstreamMessage.newBuilder().setMsg(message(10)).addActiveExtensions("x").build();
    DownstreamFrame f = overNetwork(withExtensions);
    assertThat(f.isUndecodedMessage()).isFalse();
    assertThat(f.parsed()).isEqualTo(withExtensions);
    assertThat(overNetwork(DownstreamMessage.getDefaultInstance()).parsed())
        .isEqualTo(DownstreamMessage.getDefaultInstance());
  }

  @Test
  void aMessageBodyThatCannotBeDecodedFailsOnlyWhenDecoded() {
    // field 1 holding a string field that claims 5 bytes but has 1
    DownstreamFrame f = overNetwork(FakeGateway.messageFrameWithBody(new byte[] {0x0A, 0x05, 'a'}));
    assertThat(f.isUndecodedMessage()).isTrue();
    assertThatThrownBy(f::decodeMessage).isInstanceOf(IOException.class);
  }

  @Test
  void anOuterFrameThatCannotBeParsedFailsLikeTheGeneratedMarshaller() {
    // a length prefix longer than the frame
    InputStream truncated = new WireStream(new byte[] {0x0A, 0x7f, 1, 2});
    assertThatThrownBy(() -> NETWORK.parse(truncated))
        .isInstanceOf(StatusRuntimeException.class)
        .hasMessageContaining("INTERNAL");
  }

  @Test
  void lengthPrefixesAreCheckedAgainstTheFrame() {
    assertThat(DownstreamFrameMarshaller.messageBodyStart(new byte[] {0x0A, 0x00})).isEqualTo(2);
    assertThat(DownstreamFrameMarshaller.messageBodyStart(new byte[] {0x0A, 0x01, 0x00}))
        .isEqualTo(2);
    assertThat(DownstreamFrameMarshaller.messageBodyStart(new byte[] {0x0A, 0x02, 0x00}))
        .isEqualTo(-1);
    // a varint that never ends, one that runs past ten bytes, and another field first
    assertThat(DownstreamFrameMarshaller.messageBodyStart(new byte[] {0x0A, (byte) 0x80}))
        .isEqualTo(-1);
    byte[] longVarint = new byte[12];
    longVarint[0] = 0x0A;
    java.util.Arrays.fill(longVarint, 1, 12, (byte) 0x80);
    assertThat(DownstreamFrameMarshaller.messageBodyStart(longVarint)).isEqualTo(-1);
    assertThat(DownstreamFrameMarshaller.messageBodyStart(new byte[] {0x12, 0x00})).isEqualTo(-1);
    assertThat(DownstreamFrameMarshaller.messageBodyStart(new byte[0])).isEqualTo(-1);
  }

  @Test
  void inProcessFramesAreAlwaysParsed() {
    DownstreamMessage m = DownstreamMessage.newBuilder().setMsg(message(10)).build();
    DownstreamFrame f =
        DownstreamFrameMarshaller.connectMethod(true)
            .getResponseMarshaller()
            .parse(new WireStream(m.toByteArray()));
    assertThat(f.isUndecodedMessage()).isFalse();
    assertThat(f.parsed()).isEqualTo(m);
  }

  @Test
  void aFrameStreamsBackToItsOwnBytes() throws IOException {
    DownstreamMessage m = DownstreamMessage.newBuilder().setMsg(message(300)).build();
    assertThat(NETWORK.stream(overNetwork(m)).readAllBytes()).isEqualTo(m.toByteArray());
    DownstreamMessage kv =
        DownstreamMessage.newBuilder().setKv(KVResponse.newBuilder().setRequestId("r")).build();
    assertThat(NETWORK.stream(overNetwork(kv)).readAllBytes()).isEqualTo(kv.toByteArray());
  }
}
