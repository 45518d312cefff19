package io.github.aetherjava.client;

import com.google.protobuf.ByteString;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A message delivered to this client.
 *
 * @param sourceTopic gateway-stamped sender topic ({@code ag::…}, {@code us::…}; the workflow engine appears
 *     as {@code event::receiver0}, an orchestrator as the empty string)
 * @param payload raw payload (do not modify)
 * @param messageType payload kind
 * @param workspace workspace the gateway reported; usually empty (the real gateway does not fill it)
 * @param onBehalfOf subject of an on-behalf-of send, or null
 * @param receivedAt local time the frame arrived
 * @since 0.1.0
 */
public record IncomingMessage(String sourceTopic, byte[] payload, MessageType messageType, String workspace,
        @Nullable PrincipalRef onBehalfOf, Instant receivedAt) {

    /** @return the payload decoded as UTF-8 */
    public String payloadAsString() {
        return payloadAsString(StandardCharsets.UTF_8);
    }

    /**
     * @param charset charset to decode with
     * @return the payload decoded
     */
    public String payloadAsString(Charset charset) {
        return new String(payload, charset);
    }

    /** @return the wire form */
    public io.github.aetherjava.proto.v1.IncomingMessage toProto() {
        io.github.aetherjava.proto.v1.IncomingMessage.Builder b = io.github.aetherjava.proto.v1.IncomingMessage
                .newBuilder().setSourceTopic(sourceTopic).setPayload(ByteString.copyFrom(payload))
                .setMessageType(messageType.toProto()).setWorkspace(workspace);
        if (onBehalfOf != null) {
            b.setOnBehalfSubject(onBehalfOf.toProto());
        }
        return b.build();
    }

    /**
     * @param proto wire form
     * @param receivedAt local arrival time
     * @return value
     */
    public static IncomingMessage fromProto(io.github.aetherjava.proto.v1.IncomingMessage proto, Instant receivedAt) {
        return new IncomingMessage(proto.getSourceTopic(), proto.getPayload().toByteArray(),
                MessageType.fromProto(proto.getMessageType()), proto.getWorkspace(),
                proto.hasOnBehalfSubject() ? PrincipalRef.fromProto(proto.getOnBehalfSubject()) : null, receivedAt);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof IncomingMessage m && sourceTopic.equals(m.sourceTopic) && Arrays.equals(payload, m.payload)
                && messageType == m.messageType && workspace.equals(m.workspace)
                && Objects.equals(onBehalfOf, m.onBehalfOf) && receivedAt.equals(m.receivedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sourceTopic, Arrays.hashCode(payload), messageType, workspace, onBehalfOf, receivedAt);
    }

    @Override
    public String toString() {
        return "IncomingMessage[sourceTopic=" + sourceTopic + ", type=" + messageType + ", bytes=" + payload.length
                + ", receivedAt=" + receivedAt + "]";
    }
}
