/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageTypeTest {

  @Test
  void everyTypeRoundTripsThroughItsWireValue() {
    for (MessageType t : MessageType.values()) {
      assertThat(MessageType.fromProto(t.toProto())).isEqualTo(t);
    }
  }

  @Test
  void unspecifiedAndUnknownWireValuesReadAsOpaque() {
    assertThat(
            MessageType.fromProto(
                io.github.aetherjava.proto.v1.MessageType.MESSAGE_TYPE_UNSPECIFIED))
        .isEqualTo(MessageType.OPAQUE);
    assertThat(MessageType.fromProto(io.github.aetherjava.proto.v1.MessageType.UNRECOGNIZED))
        .isEqualTo(MessageType.OPAQUE);
  }
}
