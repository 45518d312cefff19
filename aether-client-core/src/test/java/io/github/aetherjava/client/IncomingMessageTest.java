/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IncomingMessageTest {

  private static final Instant AT = Instant.parse("2026-11-27T12:00:00Z");

  private static io.github.aetherjava.proto.v1.IncomingMessage wire(String text) {
    return io.github.aetherjava.proto.v1.IncomingMessage.newBuilder()
        .setSourceTopic("ag::ws::impl::a")
        .setPayload(ByteString.copyFromUtf8(text))
        .setMessageType(io.github.aetherjava.proto.v1.MessageType.CHAT)
        .build();
  }

  @Test
  void readsThePayloadWithoutCopyingAndCopiesOnceOnDemand() {
    IncomingMessage m = IncomingMessage.fromProto(wire("héllo wörld"), AT);

    assertThat(m.payloadSize()).isEqualTo("héllo wörld".getBytes(StandardCharsets.UTF_8).length);
    assertThat(m.payloadAsString()).isEqualTo("héllo wörld");
    ByteBuffer view = m.payloadBuffer();
    assertThat(view.isReadOnly()).isTrue();
    assertThat(view.remaining()).isEqualTo(m.payloadSize());
    assertThat(view.get(0)).isEqualTo((byte) 'h');
    assertThatThrownBy(() -> view.put(0, (byte) 'x')).isInstanceOf(ReadOnlyBufferException.class);
    // every call gets its own position
    view.get();
    assertThat(m.payloadBuffer().position()).isZero();

    byte[] first = m.payload();
    assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo("héllo wörld");
    assertThat(m.payload()).as("copied once, then shared").isSameAs(first);
  }

  @Test
  void theArrayConstructorCopiesItsInput() {
    byte[] input = "abc".getBytes(StandardCharsets.US_ASCII);
    IncomingMessage m = new IncomingMessage("us::u", input, MessageType.OPAQUE, "", null, AT);
    input[0] = 'z';
    assertThat(m.payloadAsString()).isEqualTo("abc");
  }

  @Test
  void roundTripsThroughTheWireFormAndComparesByValue() {
    io.github.aetherjava.proto.v1.IncomingMessage proto = wire("payload");
    IncomingMessage m = IncomingMessage.fromProto(proto, AT);

    assertThat(m.toProto()).isEqualTo(proto);
    assertThat(m)
        .isEqualTo(
            new IncomingMessage(
                "ag::ws::impl::a",
                "payload".getBytes(StandardCharsets.UTF_8),
                MessageType.CHAT,
                "",
                null,
                AT));
    assertThat(m.hashCode()).isEqualTo(IncomingMessage.fromProto(proto, AT).hashCode());
    assertThat(m).isNotEqualTo(IncomingMessage.fromProto(wire("other"), AT));
    assertThat(m.toString())
        .contains("ag::ws::impl::a", "CHAT", "bytes=7")
        .doesNotContain("payload");
  }

  @Test
  void rejectsMissingRequiredParts() {
    assertThatThrownBy(
            () -> new IncomingMessage("t", new byte[0], MessageType.OPAQUE, "", null, null))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("receivedAt");
  }
}
