/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import com.google.protobuf.ByteString;
import io.github.aetherjava.client.internal.Arguments;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A message delivered to this client. Immutable and thread-safe.
 *
 * <p>The payload is kept as received: {@link #payloadBuffer()}, {@link #payloadSize()} and {@link
 * #payloadAsString()} read it without copying, {@link #payload()} copies it into an array once, on
 * first use, so a handler that only looks at part of a large payload never pays for the whole copy.
 *
 * @since 0.1.0
 */
public final class IncomingMessage {

  private final String sourceTopic;
  private final ByteString payload;
  private final MessageType messageType;
  private final String workspace;
  private final @Nullable PrincipalRef onBehalfOf;
  private final Instant receivedAt;
  private volatile byte @Nullable [] payloadArray;

  /**
   * @param sourceTopic gateway-stamped sender topic ({@code ag::…}, {@code us::…}; the workflow
   *     engine appears as {@code event::receiver0}, an orchestrator as the empty string)
   * @param payload raw payload (copied)
   * @param messageType payload kind
   * @param workspace workspace the gateway reported; usually empty (the real gateway does not fill
   *     it)
   * @param onBehalfOf subject of an on-behalf-of send, or null
   * @param receivedAt local time the frame arrived
   */
  public IncomingMessage(
      String sourceTopic,
      byte[] payload,
      MessageType messageType,
      String workspace,
      @Nullable PrincipalRef onBehalfOf,
      Instant receivedAt) {
    this(sourceTopic, ByteString.copyFrom(payload), messageType, workspace, onBehalfOf, receivedAt);
  }

  private IncomingMessage(
      String sourceTopic,
      ByteString payload,
      MessageType messageType,
      String workspace,
      @Nullable PrincipalRef onBehalfOf,
      Instant receivedAt) {
    this.sourceTopic = Arguments.notNull(sourceTopic, "sourceTopic");
    this.payload = payload;
    this.messageType = Arguments.notNull(messageType, "messageType");
    this.workspace = Arguments.notNull(workspace, "workspace");
    this.onBehalfOf = onBehalfOf;
    this.receivedAt = Arguments.notNull(receivedAt, "receivedAt");
  }

  /**
   * @param proto wire form; its payload is shared, not copied (protobuf byte strings are immutable)
   * @param receivedAt local arrival time
   * @return value
   */
  public static IncomingMessage fromProto(
      io.github.aetherjava.proto.v1.IncomingMessage proto, Instant receivedAt) {
    return new IncomingMessage(
        proto.getSourceTopic(),
        proto.getPayload(),
        MessageType.fromProto(proto.getMessageType()),
        proto.getWorkspace(),
        proto.hasOnBehalfSubject() ? PrincipalRef.fromProto(proto.getOnBehalfSubject()) : null,
        receivedAt);
  }

  /**
   * @return gateway-stamped sender topic ({@code ag::…}, {@code us::…}; the workflow engine appears
   *     as {@code event::receiver0}, an orchestrator as the empty string)
   */
  public String sourceTopic() {
    return sourceTopic;
  }

  /**
   * The payload as an array. The copy is made on the first call and shared by later calls and by
   * every handler of this message, so do not modify it.
   *
   * @return the raw payload
   */
  public byte[] payload() {
    byte[] a = payloadArray;
    if (a == null) {
      a = payload.toByteArray();
      payloadArray = a;
    }
    return a;
  }

  /**
   * @return a read-only view of the payload, positioned at its start; no copy
   */
  public ByteBuffer payloadBuffer() {
    return payload.asReadOnlyByteBuffer();
  }

  /**
   * @return payload length in bytes
   */
  public int payloadSize() {
    return payload.size();
  }

  /**
   * @return the payload decoded as UTF-8
   */
  public String payloadAsString() {
    return payloadAsString(StandardCharsets.UTF_8);
  }

  /**
   * @param charset charset to decode with
   * @return the payload decoded
   */
  public String payloadAsString(Charset charset) {
    return payload.toString(charset);
  }

  /**
   * @return payload kind
   */
  public MessageType messageType() {
    return messageType;
  }

  /**
   * @return workspace the gateway reported; usually empty (the real gateway does not fill it)
   */
  public String workspace() {
    return workspace;
  }

  /**
   * @return subject of an on-behalf-of send, or null
   */
  public @Nullable PrincipalRef onBehalfOf() {
    return onBehalfOf;
  }

  /**
   * @return local time the frame arrived
   */
  public Instant receivedAt() {
    return receivedAt;
  }

  /**
   * @return the wire form
   */
  public io.github.aetherjava.proto.v1.IncomingMessage toProto() {
    io.github.aetherjava.proto.v1.IncomingMessage.Builder b =
        io.github.aetherjava.proto.v1.IncomingMessage.newBuilder()
            .setSourceTopic(sourceTopic)
            .setPayload(payload)
            .setMessageType(messageType.toProto())
            .setWorkspace(workspace);
    if (onBehalfOf != null) {
      b.setOnBehalfSubject(onBehalfOf.toProto());
    }
    return b.build();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof IncomingMessage m
        && sourceTopic.equals(m.sourceTopic)
        && payload.equals(m.payload)
        && messageType == m.messageType
        && workspace.equals(m.workspace)
        && Objects.equals(onBehalfOf, m.onBehalfOf)
        && receivedAt.equals(m.receivedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sourceTopic, payload, messageType, workspace, onBehalfOf, receivedAt);
  }

  @Override
  public String toString() {
    return "IncomingMessage[sourceTopic="
        + sourceTopic
        + ", type="
        + messageType
        + ", bytes="
        + payload.size()
        + ", receivedAt="
        + receivedAt
        + "]";
  }
}
