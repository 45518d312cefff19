/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.reliability;

import static io.github.aetherjava.reliability.Fixtures.agent;
import static io.github.aetherjava.reliability.Fixtures.agentTopic;
import static io.github.aetherjava.reliability.Fixtures.options;
import static io.github.aetherjava.reliability.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.ConnectionState;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.github.aetherjava.proto.v1.AetherGatewayGrpc;
import io.github.aetherjava.proto.v1.AgentIdentity;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.ErrorResponse;
import io.github.aetherjava.proto.v1.InitConnection;
import io.github.aetherjava.proto.v1.SendMessage;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A raw gRPC client feeds the embedded gateway malformed frames. Each is answered with the real
 * gateway's status (fatal) or ErrorResponse (non-fatal), and a well-behaved client connected to the
 * same gateway keeps being served.
 */
@Order(80)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedFrameTest {

  /**
   * The Connect method with raw byte frames upstream, so the test can send anything, even
   * non-protobuf.
   */
  private static final MethodDescriptor<byte[], DownstreamMessage> RAW_CONNECT =
      AetherGatewayGrpc.getConnectMethod().toBuilder(
              new BytesMarshaller(), AetherGatewayGrpc.getConnectMethod().getResponseMarshaller())
          .build();

  private EmbeddedAetherGateway gw;
  private ManagedChannel channel;
  private AgentClient bystander;
  private final ConcurrentLinkedQueue<String> bystanderReceived = new ConcurrentLinkedQueue<>();
  private AgentClient sender;

  @BeforeAll
  void start() {
    gw = EmbeddedAetherGateway.builder().start();
    channel = NettyChannelBuilder.forTarget(gw.address()).usePlaintext().build();
    bystander = agent(options(gw.address()).build(), "bystander");
    bystander.onMessage(m -> bystanderReceived.add(m.payloadAsString()));
    bystander.connectBlocking();
    sender = agent(options(gw.address()).build(), "bystander-sender");
    sender.connectBlocking();
  }

  @AfterAll
  void stop() throws InterruptedException {
    bystander.close();
    sender.close();
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    gw.close();
  }

  private static byte[] init(String specifier) {
    return UpstreamMessage.newBuilder()
        .setInit(
            InitConnection.newBuilder()
                .setAgent(
                    AgentIdentity.newBuilder()
                        .setWorkspace("raw")
                        .setImplementation("raw")
                        .setSpecifier(specifier)))
        .build()
        .toByteArray();
  }

  private static byte[] send(String topic, int payloadBytes) {
    return UpstreamMessage.newBuilder()
        .setSend(
            SendMessage.newBuilder()
                .setTargetTopic(topic)
                .setPayload(ByteString.copyFrom(new byte[payloadBytes])))
        .build()
        .toByteArray();
  }

  /**
   * Expected outcome: a final status (code + description) or an ErrorResponse (code + message),
   * stream open.
   */
  record Expect(
      Status.@org.jspecify.annotations.Nullable Code status, String text, boolean errorFrame) {
    static Expect closes(Status.Code code, String description) {
      return new Expect(code, description, false);
    }

    static Expect answers(String errorCode, String message) {
      return new Expect(null, errorCode + ": " + message, true);
    }
  }

  private static final Function<String, List<byte[]>> NOT_PROTOBUF =
      s -> List.of(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x01, 0x02});
  private static final Function<String, List<byte[]>> OVERSIZED =
      s -> List.of(init(s), send("ag::raw::raw::x", 4 * 1024 * 1024 + 16));

  static Stream<Arguments> frames() {
    return Stream.of(
        Arguments.of(
            "first frame is not InitConnection",
            (Function<String, List<byte[]>>) s -> List.of(send("ag::raw::raw::x", 1)),
            Expect.closes(Status.Code.INVALID_ARGUMENT, "first message must be InitConnection")),
        Arguments.of(
            "InitConnection without a principal",
            (Function<String, List<byte[]>>)
                s ->
                    List.of(
                        UpstreamMessage.newBuilder()
                            .setInit(InitConnection.getDefaultInstance())
                            .build()
                            .toByteArray()),
            Expect.closes(
                Status.Code.INVALID_ARGUMENT, "invalid identity: unknown principal type")),
        Arguments.of(
            "identifier with a space",
            (Function<String, List<byte[]>>)
                s ->
                    List.of(
                        UpstreamMessage.newBuilder()
                            .setInit(
                                InitConnection.newBuilder()
                                    .setAgent(
                                        AgentIdentity.newBuilder()
                                            .setWorkspace("a b")
                                            .setImplementation("raw")
                                            .setSpecifier(s)))
                            .build()
                            .toByteArray()),
            Expect.closes(
                Status.Code.INVALID_ARGUMENT,
                "invalid identity: invalid workspace \"a b\": contains whitespace")),
        Arguments.of(
            "second InitConnection",
            (Function<String, List<byte[]>>) s -> List.of(init(s), init(s)),
            Expect.closes(Status.Code.INVALID_ARGUMENT, "InitConnection already sent")),
        // the Go gateway's texts for frames gRPC itself rejects (R4, fixed by the gateway owner)
        Arguments.of(
            "bytes that are not protobuf",
            NOT_PROTOBUF,
            Expect.closes(
                Status.Code.INTERNAL,
                "grpc: error unmarshalling request: Protocol message tag had invalid wire type.")),
        Arguments.of(
            "frame over the 4 MiB limit",
            OVERSIZED,
            Expect.closes(
                Status.Code.RESOURCE_EXHAUSTED,
                "grpc: received message larger than max (4194347 vs. 4194304)")),
        Arguments.of(
            "empty upstream frame",
            (Function<String, List<byte[]>>) s -> List.of(init(s), new byte[0]),
            Expect.answers(
                "ERR_NOT_IMPLEMENTED", "upstream message has no payload (unknown or empty oneof)")),
        Arguments.of(
            "unknown oneof field",
            (Function<String, List<byte[]>>)
                s ->
                    List.of(
                        init(s),
                        // field 999, varint 1: a payload this gateway does not know
                        new byte[] {(byte) 0xb8, 0x3e, 0x01}),
            Expect.answers(
                "ERR_NOT_IMPLEMENTED", "upstream message has no payload (unknown or empty oneof)")),
        Arguments.of(
            "dotted target topic",
            (Function<String, List<byte[]>>) s -> List.of(init(s), send("ag.raw.raw.x", 1)),
            Expect.answers("ERR_INVALID_TOPIC", "invalid target topic: invalid topic prefix")),
        Arguments.of(
            "payload over 1 MiB",
            (Function<String, List<byte[]>>)
                s -> List.of(init(s), send("ag::raw::raw::x", 1024 * 1024 + 1)),
            Expect.answers(
                "ERR_PAYLOAD_TOO_LARGE",
                "message payload size 1048577 exceeds maximum of 1048576 bytes")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("frames")
  void malformedFrameGetsTheRightAnswerAndOthersAreStillServed(
      String name, Function<String, List<byte[]>> frames, Expect expect) throws Exception {
    String spec = "raw-" + Math.abs(name.hashCode());
    List<DownstreamMessage> got = new CopyOnWriteArrayList<>();
    CompletableFuture<Status> closed = new CompletableFuture<>();
    ClientCall<byte[], DownstreamMessage> call = channel.newCall(RAW_CONNECT, CallOptions.DEFAULT);
    call.start(
        new ClientCall.Listener<>() {
          @Override
          public void onMessage(DownstreamMessage message) {
            got.add(message);
            call.request(1);
          }

          @Override
          public void onClose(Status status, Metadata trailers) {
            closed.complete(status);
          }
        },
        new Metadata());
    call.request(1);
    for (byte[] f : frames.apply(spec)) {
      call.sendMessage(f);
    }
    if (expect.errorFrame()) {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> got.stream().anyMatch(DownstreamMessage::hasError));
      ErrorResponse e =
          got.stream().filter(DownstreamMessage::hasError).findFirst().orElseThrow().getError();
      assertThat(e.getCode() + ": " + e.getMessage()).isEqualTo(expect.text());
      assertThat(closed).as("a non-fatal error keeps the stream open").isNotDone();
      call.halfClose();
      assertThat(closed.get(10, TimeUnit.SECONDS).getCode()).isEqualTo(Status.Code.OK);
    } else {
      Status st = closed.get(10, TimeUnit.SECONDS);
      assertThat(st.getCode() + ": " + st.getDescription())
          .isEqualTo(expect.status() + ": " + expect.text());
    }
    // meanwhile a well-behaved client is still served
    String marker = "after " + name;
    sender.send(agentTopic("bystander"), utf8(marker)).join();
    await().atMost(Duration.ofSeconds(10)).until(() -> bystanderReceived.contains(marker));
    assertThat(bystander.state()).isEqualTo(ConnectionState.READY);
  }

  /** Passes bytes through unchanged. */
  static final class BytesMarshaller implements MethodDescriptor.Marshaller<byte[]> {
    @Override
    public InputStream stream(byte[] value) {
      return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
      try {
        return stream.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
