/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import io.github.aetherjava.client.testing.FakeGateway;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.PrincipalRef;
import io.grpc.ServerBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Delivery over a network transport, where a frame that is only a message is decoded on the
 * callback thread instead of the transport thread (in-process transports hand over parsed frames).
 */
class TcpDeliveryTest {

  private FakeGateway gw;
  private AgentClient client;
  private final List<IncomingMessage> got = new CopyOnWriteArrayList<>();
  private final List<String> threads = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    gw = FakeGateway.on(ServerBuilder.forPort(0));
    client =
        AgentClient.builder(
                AetherClientOptions.builder()
                    .address(gw.address())
                    .reconnect(
                        ReconnectPolicy.builder()
                            .initialDelay(Duration.ofMillis(20))
                            .maxDelay(Duration.ofMillis(100))
                            .build())
                    .build())
            .workspace("prod")
            .implementation("worker")
            .specifier("1")
            .build();
    client.onMessage(
        m -> {
          threads.add(Thread.currentThread().getName());
          got.add(m);
        });
    client.connect().get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void tearDown() {
    client.close();
    gw.close();
  }

  private static io.github.aetherjava.proto.v1.IncomingMessage msg(byte[] payload) {
    return io.github.aetherjava.proto.v1.IncomingMessage.newBuilder()
        .setSourceTopic("ag::prod::sender::1")
        .setPayload(ByteString.copyFrom(payload))
        .setMessageType(io.github.aetherjava.proto.v1.MessageType.OPAQUE)
        .setWorkspace("prod")
        .setOnBehalfSubject(PrincipalRef.newBuilder().setPrincipalType("user").setPrincipalId("u"))
        .build();
  }

  private static DownstreamMessage frame(byte[] payload) {
    return DownstreamMessage.newBuilder().setMsg(msg(payload)).build();
  }

  @Test
  void messagesOfEverySizeArriveIntactInOrderOffTheTransportThread() throws Exception {
    FakeGateway.Conn c = gw.nextConnection();
    int[] sizes = {0, 1, 64, 127, 128, 1024, 16_384, 65_536, 1 << 20};
    byte[][] payloads = new byte[sizes.length][];
    Random random = new Random(23);
    for (int i = 0; i < sizes.length; i++) {
      payloads[i] = new byte[sizes[i]];
      random.nextBytes(payloads[i]);
      c.send(frame(payloads[i]));
    }
    // a message with a field beside it takes the parsed path and keeps its place in the order
    c.send(
        DownstreamMessage.newBuilder()
            .setMsg(msg(new byte[] {42}))
            .addActiveExtensions("ext")
            .build());
    await().until(() -> got.size() == sizes.length + 1);
    for (int i = 0; i < sizes.length; i++) {
      IncomingMessage m = got.get(i);
      assertThat(m.payload()).as("size %d", sizes[i]).isEqualTo(payloads[i]);
      assertThat(m.sourceTopic()).isEqualTo("ag::prod::sender::1");
      assertThat(m.workspace()).isEqualTo("prod");
      assertThat(m.onBehalfOf()).isNotNull();
      assertThat(m.receivedAt()).isNotNull();
    }
    assertThat(got.get(sizes.length).payload()).containsExactly(42);
    assertThat(threads).noneMatch(t -> t.startsWith("grpc-"));
  }

  @Test
  void anUnreadableMessageEndsTheStreamAsGrpcWouldAndTheClientReconnects() throws Exception {
    FakeGateway.Conn first = gw.nextConnection();
    first.send(frame(new byte[] {1}));
    // field 1 holding a string field that claims 5 bytes but has 1
    first.send(FakeGateway.messageFrameWithBody(new byte[] {0x0A, 0x05, 'a'}));
    FakeGateway.Conn second = gw.nextConnection();
    assertThat(second.init.getResumeSessionId()).isNotEmpty();
    await().until(() -> client.state() == ConnectionState.READY);
    second.send(frame(new byte[] {2}));
    await().until(() -> got.size() == 2);
    assertThat(got).extracting(m -> m.payload()[0]).containsExactly((byte) 1, (byte) 2);
    // the client cancelled the broken stream, as gRPC does when it cannot read a frame
    await().until(() -> first.cancelled);
  }
}
