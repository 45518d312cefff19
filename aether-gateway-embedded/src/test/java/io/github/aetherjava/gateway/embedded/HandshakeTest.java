/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded;

import static io.github.aetherjava.gateway.embedded.TestClient.agent;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.aetherjava.proto.v1.ConnectionAck;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.ExtensionDeclaration;
import io.github.aetherjava.proto.v1.InitConnection;
import io.github.aetherjava.proto.v1.PrincipalType;
import io.github.aetherjava.proto.v1.SendMessage;
import io.github.aetherjava.proto.v1.Signal;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HandshakeTest extends GatewayTestBase {

  static Stream<Arguments> principals() {
    return Stream.of(
        Arguments.of(agent("prod", "impl", "s1"), "ag::prod::impl::s1", true),
        Arguments.of(TestClient.task("prod", "impl", "u1"), "tu::prod::impl::u1", true),
        Arguments.of(TestClient.user("alice", "tab-1"), "us::alice::tab-1", false),
        Arguments.of(TestClient.orchestrator("k8s", "c1"), "orc::k8s::c1", false),
        Arguments.of(TestClient.wfe(), "wfe::shard0", false),
        Arguments.of(TestClient.metricsBridge(), "metrics::shard0", false),
        Arguments.of(TestClient.bridge("slack", "1"), "br::slack::1", false),
        Arguments.of(TestClient.service("search", "1"), "sv::search::1", false));
  }

  @ParameterizedTest
  @MethodSource("principals")
  @SuppressWarnings("deprecation") // the legacy snapshot maps must stay empty
  void everyPrincipalConnectsWithAckAndSnapshotForAgentsAndTasks(
      InitConnection init, String identity, boolean snapshot) {
    TestClient c = client();
    ConnectionAck ack = c.connect(init);
    assertThat(UUID.fromString(ack.getSessionId())).isNotNull();
    assertThat(ack.getResumed()).isFalse();
    assertThat(ack.getReconnectionCount()).isZero();
    assertThat(ack.getServerVersion()).isEqualTo("0.2.2");
    assertThat(ack.getInitialConnectionUnixMs()).isPositive();
    assertThat(ack.getAssignedId()).isEmpty();
    assertThat(gateway.connectedIdentities()).containsExactly(identity);
    if (snapshot) {
      DownstreamMessage next = c.next();
      assertThat(next.hasConfig()).isTrue();
      assertThat(next.getConfig().getKvCount()).isZero();
      assertThat(next.getConfig().getGlobalKvCount()).isZero();
    }
  }

  @Test
  void nonUniqueTaskGetsFreshUuidInAssignedIdEveryConnect() {
    TestClient c1 = client();
    String id1 = c1.connect(TestClient.task("prod", "worker", "")).getAssignedId();
    TestClient c2 = client();
    String id2 = c2.connect(TestClient.task("prod", "worker", "")).getAssignedId();
    assertThat(UUID.fromString(id1)).isNotEqualTo(UUID.fromString(id2));
    assertThat(gateway.connectedIdentities())
        .containsExactlyInAnyOrder("ta::prod::worker::" + id1, "ta::prod::worker::" + id2);
  }

  @Test
  void orchestratorWithoutSpecifierGetsEightCharacterId() {
    connected(TestClient.orchestrator("k8s", ""));
    assertThat(gateway.connectedIdentities())
        .singleElement()
        .satisfies(id -> assertThat(id).matches("orc::k8s::[0-9a-f-]{8}"));
  }

  @Test
  void identityWithDotsAndEmptySegmentsIsAccepted() {
    connected(agent("", "com.example.bot", "a.b"));
    assertThat(gateway.connectedIdentities()).containsExactly("ag::::com.example.bot::a.b");
  }

  static Stream<Arguments> invalidIdentities() {
    return Stream.of(
        Arguments.of(
            agent("pro*d", "i", "s"),
            "invalid identity: invalid workspace \"pro*d\": contains forbidden character '*' (NATS wildcard)"),
        Arguments.of(
            agent("w", "a>b", "s"),
            "invalid identity: invalid impl \"a>b\": contains forbidden character '>' (NATS wildcard)"),
        Arguments.of(
            agent("w", "i", "a b"),
            "invalid identity: invalid specifier \"a b\": contains whitespace"),
        Arguments.of(
            agent("w", "i", "a\tb"),
            "invalid identity: invalid specifier \"a\\tb\": contains control character 0x09"),
        Arguments.of(
            agent("w", "i", "a\u007fb"),
            "invalid identity: invalid specifier \"a\\x7fb\": contains DEL control character (0x7F)"),
        Arguments.of(
            agent("w", "a::b", "s"),
            "invalid identity: invalid impl \"a::b\": contains reserved separator \"::\""),
        Arguments.of(
            agent("w".repeat(129), "i", "s"),
            "invalid identity: invalid workspace: length 129 exceeds maximum 128"),
        Arguments.of(
            TestClient.user("al ice", "t"),
            "invalid identity: invalid id \"al ice\": contains whitespace"),
        Arguments.of(
            InitConnection.getDefaultInstance(), "invalid identity: unknown principal type"));
  }

  @ParameterizedTest
  @MethodSource("invalidIdentities")
  void invalidIdentityIsRejected(InitConnection init, String message) {
    Status status = client().connectExpectingFailure(init);
    assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(status.getDescription()).isEqualTo(message);
    assertThat(gateway.connectedIdentities()).isEmpty();
  }

  @Test
  void firstFrameMustBeInit() {
    TestClient c = client();
    c.send(
        UpstreamMessage.newBuilder()
            .setSend(SendMessage.newBuilder().setTargetTopic("ag::x::y::z"))
            .build());
    Status status = c.awaitClosed();
    assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(status.getDescription()).isEqualTo("first message must be InitConnection");
  }

  @Test
  void secondInitEndsTheStream() {
    TestClient c = connected(TestClient.user("alice", "t1"));
    c.send(UpstreamMessage.newBuilder().setInit(TestClient.user("alice", "t1")).build());
    Status status = c.awaitClosed();
    assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(status.getDescription()).isEqualTo("InitConnection already sent");
    Awaitility.await().until(() -> gateway.connectedIdentities().isEmpty());
  }

  @Test
  void initTimeout() {
    // A short init timeout only here: for every other test it would race the handshake against CPU
    // starvation.
    EmbeddedAetherGateway gw =
        track(
            EmbeddedAetherGateway.builder()
                .tcp(false)
                .inProcessName("init-timeout-" + UUID.randomUUID())
                .initTimeout(Duration.ofMillis(500))
                .start());
    ManagedChannel ch = InProcessChannelBuilder.forName(gw.inProcessName()).build();
    track(() -> ch.shutdownNow());
    TestClient c = track(TestClient.open(ch));
    Status status = c.awaitClosed();
    assertThat(status.getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
    assertThat(status.getDescription()).isEqualTo("timeout waiting for InitConnection");
  }

  @Test
  void duplicateIdentityIsRejected() {
    connected(agent("prod", "impl", "s1"));
    Status status = client().connectExpectingFailure(agent("prod", "impl", "s1"));
    assertThat(status.getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
    assertThat(status.getDescription())
        .isEqualTo("DuplicateIdentityError: identity (ag::prod::impl::s1) already connected");
  }

  @Test
  void singletonsRejectASecondInstance() {
    connected(TestClient.wfe());
    connected(TestClient.metricsBridge());
    Status wfe = client().connectExpectingFailure(TestClient.wfe());
    Status mb = client().connectExpectingFailure(TestClient.metricsBridge());
    assertThat(wfe.getDescription())
        .isEqualTo("DuplicateIdentityError: identity (wfe::shard0) already connected");
    assertThat(mb.getDescription())
        .isEqualTo("DuplicateIdentityError: identity (metrics::shard0) already connected");
  }

  @Test
  void wrongResumeIdIsStillADuplicate() {
    connected(agent("prod", "impl", "s1"));
    InitConnection init =
        agent("prod", "impl", "s1").toBuilder().setResumeSessionId("not-the-holder").build();
    assertThat(client().connectExpectingFailure(init).getCode())
        .isEqualTo(Status.Code.ALREADY_EXISTS);
  }

  @Test
  void resumeTakesTheLockOverAndEndsTheOldStream() {
    TestClient first = connected(agent("prod", "impl", "s1"));
    ConnectionAck ack1 = first.ack;
    TestClient second = client();
    ConnectionAck ack2 =
        second.connect(
            agent("prod", "impl", "s1").toBuilder()
                .setResumeSessionId(ack1.getSessionId())
                .build());
    assertThat(ack2.getResumed()).isTrue();
    assertThat(ack2.getReconnectionCount()).isEqualTo(1);
    assertThat(ack2.getInitialConnectionUnixMs()).isEqualTo(ack1.getInitialConnectionUnixMs());
    assertThat(ack2.getSessionId()).isNotEqualTo(ack1.getSessionId());
    Status old = first.awaitClosed();
    assertThat(old.getCode()).isEqualTo(Status.Code.CANCELLED);
    assertThat(gateway.sessions())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.sessionId()).isEqualTo(ack2.getSessionId());
              assertThat(s.resumed()).isTrue();
            });

    TestClient third = client();
    ConnectionAck ack3 =
        third.connect(
            agent("prod", "impl", "s1").toBuilder()
                .setResumeSessionId(ack2.getSessionId())
                .build());
    assertThat(ack3.getReconnectionCount()).isEqualTo(2);
    assertThat(ack3.getInitialConnectionUnixMs()).isEqualTo(ack1.getInitialConnectionUnixMs());
  }

  @Test
  void afterACleanDisconnectTheNextConnectIsFresh() {
    TestClient first = connected(agent("prod", "impl", "s1"));
    String sessionId = first.ack.getSessionId();
    first.halfClose();
    assertThat(first.awaitClosed().isOk()).isTrue();
    Awaitility.await().until(() -> gateway.connectedIdentities().isEmpty());
    ConnectionAck ack =
        client()
            .connect(agent("prod", "impl", "s1").toBuilder().setResumeSessionId(sessionId).build());
    assertThat(ack.getResumed()).isFalse();
  }

  @Test
  void extensionsAreNegotiatedAsUnsupported() {
    TestClient c = client();
    ConnectionAck ack =
        c.connect(
            TestClient.user("u", "w").toBuilder()
                .addExtensions(ExtensionDeclaration.newBuilder().setUri("urn:x").setVersion("1"))
                .build());
    assertThat(ack.getNegotiatedExtensionsList())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.getUri()).isEqualTo("urn:x");
              assertThat(n.getSupported()).isFalse();
              assertThat(n.getRejectionReason())
                  .isEqualTo("extension URI not supported by this gateway");
            });
  }

  @Test
  void extensionsFromTheHeaderAreListedAfterTheDeclaredOnes() {
    io.grpc.Metadata headers = new io.grpc.Metadata();
    headers.put(
        io.grpc.Metadata.Key.of("aether-extensions", io.grpc.Metadata.ASCII_STRING_MARSHALLER),
        "urn:h1, urn:h2");
    io.grpc.Channel ch =
        io.grpc.ClientInterceptors.intercept(
            channel, io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(headers));
    TestClient c = track(TestClient.open(ch));
    ConnectionAck ack =
        c.connect(
            TestClient.user("u", "w").toBuilder()
                .addExtensions(ExtensionDeclaration.newBuilder().setUri("urn:p").setRequired(false))
                .build());
    assertThat(ack.getNegotiatedExtensionsList())
        .extracting(n -> n.getUri())
        .containsExactly("urn:p", "urn:h1", "urn:h2");
  }

  @Test
  void requiredUnsupportedExtensionGetsAckThenFailedPrecondition() {
    TestClient c = client();
    c.connect(
        TestClient.user("u", "w").toBuilder()
            .addExtensions(ExtensionDeclaration.newBuilder().setUri("urn:must").setRequired(true))
            .build());
    Status status = c.awaitClosed();
    assertThat(status.getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(status.getDescription())
        .isEqualTo("ERR_EXTENSION_UNSUPPORTED: extension required but not supported: urn:must");
    Awaitility.await().until(() -> gateway.connectedIdentities().isEmpty());
  }

  @Test
  void adminKickSendsForceDisconnectThenEnds() {
    TestClient c = connected(TestClient.user("alice", "t1"));
    assertThat(gateway.disconnect(c.ack.getSessionId())).isTrue();
    DownstreamMessage signal = c.next();
    assertThat(signal.getSignal().getType()).isEqualTo(Signal.SignalType.FORCE_DISCONNECT);
    assertThat(signal.getSignal().getReason()).isEqualTo("disconnected by administrator");
    Status status = c.awaitClosed();
    assertThat(status.getCode()).isEqualTo(Status.Code.CANCELLED);
    assertThat(status.getDescription()).isEqualTo("session disconnected by administrator");
    assertThat(gateway.disconnect("no-such-session")).isFalse();
  }

  @Test
  void introspectionDescribesSessions() {
    TestClient c = connected(TestClient.user("alice", "t1"));
    c.switchWorkspace("prod");
    Awaitility.await()
        .untilAsserted(
            () ->
                assertThat(gateway.sessions())
                    .singleElement()
                    .satisfies(
                        s -> {
                          assertThat(s.identity()).isEqualTo("us::alice::t1");
                          assertThat(s.principalType()).isEqualTo(PrincipalType.PRINCIPAL_USER);
                          assertThat(s.workspace()).isEqualTo("prod");
                          assertThat(s.sessionId()).isEqualTo(c.ack.getSessionId());
                        }));
  }

  @Test
  void malformedFramesDoNotKillTheStreamOrServer() {
    TestClient c = connected(TestClient.user("alice", "t1"));
    c.send(UpstreamMessage.getDefaultInstance());
    assertThat(c.expectError("ERR_NOT_IMPLEMENTED").getMessage()).contains("no payload");
    c.send(
        UpstreamMessage.newBuilder()
            .setAdminQuery(io.github.aetherjava.proto.v1.AdminQuery.getDefaultInstance())
            .build());
    assertThat(c.expectError("ERR_NOT_IMPLEMENTED").getMessage())
        .isEqualTo(
            "This operation is not supported over the streaming API. Use the REST admin API.");
    // Still alive: a further request is answered.
    c.sendMessage("bogus", "x");
    c.expectError("ERR_INVALID_TOPIC");
  }

  @Test
  void oversizedFrameFailsOnlyThatStream() {
    TestClient big = tcpClient();
    big.connect(TestClient.user("alice", "t1"));
    big.sendMessage(
        "us::bob::t1", new byte[5 * 1024 * 1024], io.github.aetherjava.proto.v1.MessageType.OPAQUE);
    Status status = big.awaitClosed();
    assertThat(status.getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(status.getDescription())
        .startsWith("grpc: received message larger than max (")
        .endsWith(" vs. 4194304)");
    Awaitility.await().until(() -> gateway.connectedIdentities().isEmpty());
    TestClient next = tcpClient();
    next.connect(TestClient.user("alice", "t1"));
  }
}
