/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded;

import static io.github.aetherjava.gateway.embedded.TestClient.agent;
import static io.github.aetherjava.gateway.embedded.TestClient.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.ErrorResponse;
import io.github.aetherjava.proto.v1.IncomingMessage;
import io.github.aetherjava.proto.v1.InitConnection;
import io.github.aetherjava.proto.v1.MessageType;
import io.github.aetherjava.proto.v1.Metric;
import io.github.aetherjava.proto.v1.MetricEntry;
import io.github.aetherjava.proto.v1.SendMessage;
import io.github.aetherjava.proto.v1.Signal;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RoutingTest extends GatewayTestBase {

  @Test
  void directMessageIsStampedWithSourceAndWorkspace() {
    TestClient a = connected(agent("prod", "impl", "a"));
    TestClient b = connected(agent("prod", "impl", "b"));
    a.sendMessage("ag::prod::impl::b", "hello");
    IncomingMessage m = b.nextMessage();
    assertThat(m.getSourceTopic()).isEqualTo("ag::prod::impl::a");
    assertThat(utf8(m.getPayload())).isEqualTo("hello");
    assertThat(m.getMessageType()).isEqualTo(MessageType.CHAT);
    assertThat(m.getWorkspace()).isEqualTo("prod");
  }

  @Test
  void appWorkspaceOverridesTheEffectiveWorkspace() {
    TestClient a = connected(agent("prod", "impl", "a"));
    TestClient b = connected(agent("prod", "impl", "b"));
    a.send(
        UpstreamMessage.newBuilder()
            .setSend(
                SendMessage.newBuilder()
                    .setTargetTopic("ag::prod::impl::b")
                    .setAppWorkspace("other"))
            .build());
    assertThat(b.nextMessage().getWorkspace()).isEqualTo("other");
  }

  @Test
  void offlineMessagesAreQueuedAndReplayedInOrderAfterTheAck() {
    TestClient sender = connected(TestClient.user("alice", "t1"));
    for (int i = 0; i < 50; i++) {
      sender.sendMessage("ag::prod::impl::off", "m" + i);
    }
    Awaitility.await().until(() -> gateway.topicBacklog("ag::prod::impl::off") == 50);

    TestClient target = client();
    target.connect(agent("prod", "impl", "off")); // asserts the ack is the very first frame
    assertThat(target.next().hasConfig()).isTrue();
    for (int i = 0; i < 50; i++) {
      IncomingMessage m = target.next().getMsg();
      assertThat(utf8(m.getPayload())).isEqualTo("m" + i);
      assertThat(m.getSourceTopic()).isEqualTo("us::alice::t1");
    }
    Awaitility.await().until(() -> gateway.topicBacklog("ag::prod::impl::off") == 0);
  }

  @Test
  void messagesNotYetDeliveredSurviveAReconnectWithoutDuplicates() {
    TestClient sender = connected(TestClient.service("svc", "1"));
    TestClient first = connected(TestClient.user("bob", "w"));
    sender.sendMessage("us::bob::w", "a");
    assertThat(utf8(first.nextMessage().getPayload())).isEqualTo("a");
    first.halfClose();
    first.awaitClosed();
    Awaitility.await()
        .until(() -> gateway.connectedIdentities().equals(java.util.Set.of("sv::svc::1")));
    sender.sendMessage("us::bob::w", "b");
    sender.sendMessage("us::bob::w", "c");
    Awaitility.await().until(() -> gateway.topicBacklog("us::bob::w") == 2);
    TestClient second = connected(TestClient.user("bob", "w"));
    assertThat(utf8(second.nextMessage().getPayload())).isEqualTo("b");
    assertThat(utf8(second.nextMessage().getPayload())).isEqualTo("c");
  }

  @Test
  void perSenderOrderIsKeptUnderLoad() {
    TestClient sender = connected(agent("prod", "impl", "s"));
    TestClient target = connected(agent("prod", "impl", "t"));
    target.next(); // config snapshot
    for (int i = 0; i < 500; i++) {
      sender.sendMessage("ag::prod::impl::t", Integer.toString(i));
    }
    for (int i = 0; i < 500; i++) {
      assertThat(utf8(target.nextMessage().getPayload())).isEqualTo(Integer.toString(i));
    }
  }

  @Test
  void agentBroadcastReachesEveryAgentOfTheWorkspaceIncludingTheSender() {
    TestClient a = connected(agent("prod", "impl", "a"));
    TestClient b = connected(agent("prod", "impl", "b"));
    TestClient other = connected(agent("dev", "impl", "c"));
    a.sendMessage("ga::prod", "all");
    assertThat(utf8(a.nextMessage().getPayload())).isEqualTo("all");
    assertThat(utf8(b.nextMessage().getPayload())).isEqualTo("all");
    other.sendMessage("ga::dev", "dev-only");
    assertThat(utf8(other.nextMessage().getPayload())).isEqualTo("dev-only");
  }

  @Test
  void broadcastLanesStartAtTheTail() {
    TestClient a = connected(agent("prod", "impl", "a"));
    a.sendMessage("ga::prod", "before");
    assertThat(utf8(a.nextMessage().getPayload())).isEqualTo("before");
    TestClient late = connected(agent("prod", "impl", "late"));
    a.sendMessage("ga::prod", "after");
    assertThat(utf8(late.nextMessage().getPayload())).isEqualTo("after");
  }

  @Test
  void taskBroadcastReachesEveryNonUniqueWorker() {
    TestClient w1 = connected(TestClient.task("prod", "worker", ""));
    TestClient w2 = connected(TestClient.task("prod", "worker", ""));
    TestClient unique = connected(TestClient.task("prod", "worker", "u"));
    TestClient sender = connected(TestClient.orchestrator("k8s", "1"));
    sender.sendMessage("tb::prod::worker", "job");
    assertThat(utf8(w1.nextMessage().getPayload())).isEqualTo("job");
    assertThat(utf8(w2.nextMessage().getPayload())).isEqualTo("job");
    // The orchestrator stamps "" as source; the unique task is not on the tb lane.
    sender.sendMessage("tu::prod::worker::u", "direct");
    IncomingMessage direct = unique.nextMessage();
    assertThat(utf8(direct.getPayload())).isEqualTo("direct");
    assertThat(direct.getSourceTopic()).isEmpty();
  }

  @Test
  void nonUniqueTaskReceivesOnItsAssignedTopic() {
    TestClient w = client();
    String id = w.connect(TestClient.task("prod", "worker", "")).getAssignedId();
    TestClient sender = connected(agent("prod", "impl", "a"));
    sender.sendMessage("ta::prod::worker::" + id, "hi");
    assertThat(utf8(w.nextMessage().getPayload())).isEqualTo("hi");
  }

  @Test
  void userLanesFollowSwitchWorkspace() {
    TestClient alice = connected(TestClient.user("alice", "t1"));
    TestClient svc = connected(TestClient.service("svc", "1"));
    svc.sendMessage("uu::alice", "everywhere");
    assertThat(utf8(alice.nextMessage().getPayload())).isEqualTo("everywhere");

    alice.switchWorkspace("prod");
    // SwitchWorkspace is silent; a later frame on the same stream (to herself) proves it was
    // applied.
    alice.sendMessage("us::alice::t1", "marker");
    assertThat(utf8(alice.nextMessage().getPayload())).isEqualTo("marker");
    svc.sendMessage("gu::prod", "users-of-prod");
    assertThat(utf8(alice.nextMessage().getPayload())).isEqualTo("users-of-prod");
    svc.sendMessage("uw::alice::prod", "alice-in-prod");
    assertThat(utf8(alice.nextMessage().getPayload())).isEqualTo("alice-in-prod");

    alice.switchWorkspace("dev");
    alice.sendMessage("us::alice::t1", "marker2");
    assertThat(utf8(alice.nextMessage().getPayload())).isEqualTo("marker2");
    svc.sendMessage("gu::prod", "not-for-alice");
    svc.sendMessage("gu::dev", "dev-users");
    assertThat(utf8(alice.nextMessage().getPayload())).isEqualTo("dev-users");
  }

  @Test
  void userMessagesCarryEmptyWorkspaceUntilSwitch() {
    TestClient alice = connected(TestClient.user("alice", "t1"));
    TestClient b = connected(agent("prod", "impl", "b"));
    alice.sendMessage("ag::prod::impl::b", "x");
    assertThat(b.nextMessage().getWorkspace()).isEmpty();
    alice.switchWorkspace("prod");
    alice.sendMessage("ag::prod::impl::b", "y");
    assertThat(b.nextMessage().getWorkspace()).isEqualTo("prod");
  }

  @Test
  void onlyUsersMaySwitchWorkspace() {
    TestClient a = connected(agent("prod", "impl", "a"));
    a.next();
    a.switchWorkspace("dev");
    ErrorResponse e = a.expectError("ERR_INVALID_PRINCIPAL");
    assertThat(e.getMessage()).isEqualTo("only users can switch workspaces");
  }

  @Test
  void eventsAndMetricsAreRewrittenToTheFanInTopics() throws Exception {
    TestClient wfe = connected(TestClient.wfe());
    TestClient mb = connected(TestClient.metricsBridge());
    TestClient a = connected(agent("prod", "impl", "a"));
    a.sendMessage("event::*", "e".getBytes(), MessageType.EVENT);
    IncomingMessage ev = wfe.nextMessage();
    assertThat(ev.getSourceTopic()).isEqualTo("ag::prod::impl::a");
    assertThat(ev.getWorkspace()).isEqualTo("prod");
    a.sendMessage("event::other", "e2".getBytes(), MessageType.EVENT);
    assertThat(wfe.nextMessage().getWorkspace()).isEqualTo("other");

    byte[] metric =
        Metric.newBuilder()
            .addEntries(MetricEntry.newBuilder().setName("tokens").setQty(3))
            .build()
            .toByteArray();
    a.sendMessage("metric::*", metric, MessageType.METRIC);
    IncomingMessage m = mb.nextMessage();
    assertThat(Metric.parseFrom(m.getPayload()).getEntries(0).getName()).isEqualTo("tokens");

    // The workflow engine's own sends are stamped event::receiver0.
    wfe.sendMessage("ag::prod::impl::a", "cmd");
    assertThat(a.nextMessage().getSourceTopic()).isEqualTo("event::receiver0");
  }

  @Test
  void eventsForAnOfflineWorkflowEngineAreQueued() {
    TestClient a = connected(agent("prod", "impl", "a"));
    a.sendMessage("event::*", "queued".getBytes(), MessageType.EVENT);
    Awaitility.await().until(() -> gateway.topicBacklog("event::receiver0") == 1);
    TestClient wfe = connected(TestClient.wfe());
    assertThat(utf8(wfe.nextMessage().getPayload())).isEqualTo("queued");
  }

  static Stream<Arguments> badMetrics() {
    MetricEntry ok = MetricEntry.newBuilder().setName("n").setQty(1).build();
    Metric.Builder tooMuchMeta = Metric.newBuilder().addEntries(ok);
    for (int i = 0; i < 65; i++) {
      tooMuchMeta.putMetadata("k" + i, "v");
    }
    return Stream.of(
        Arguments.of(new byte[] {(byte) 0xFF, 0x01}, "ERR_METRIC_INVALID"),
        Arguments.of(Metric.getDefaultInstance().toByteArray(), "ERR_METRIC_EMPTY"),
        Arguments.of(tooMuchMeta.build().toByteArray(), "ERR_METRIC_INVALID"),
        Arguments.of(
            Metric.newBuilder()
                .addEntries(MetricEntry.newBuilder().setQty(1))
                .build()
                .toByteArray(),
            "ERR_METRIC_INVALID_ENTRY"),
        Arguments.of(
            Metric.newBuilder()
                .addEntries(MetricEntry.newBuilder().setName("x").setQty(Double.NaN))
                .build()
                .toByteArray(),
            "ERR_METRIC_INVALID_ENTRY"),
        Arguments.of(
            Metric.newBuilder()
                .addEntries(MetricEntry.newBuilder().setName("x").setQty(-1))
                .build()
                .toByteArray(),
            "ERR_METRIC_NEGATIVE_FORBIDDEN"));
  }

  @ParameterizedTest
  @MethodSource("badMetrics")
  void metricPayloadsAreValidated(byte[] payload, String code) {
    TestClient a = connected(agent("prod", "impl", "a"));
    a.next();
    a.sendMessage("metric::*", payload, MessageType.METRIC);
    a.expectError(code);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "ag.prod.impl.s", "ag", "::x", "xx::y", "event.task.completed"})
  void invalidTopicsAreRejected(String topic) {
    TestClient a = connected(TestClient.user("u", "w"));
    a.sendMessage(topic, "x");
    ErrorResponse e = a.expectError("ERR_INVALID_TOPIC");
    assertThat(e.getMessage())
        .isEqualTo(
            topic.isEmpty()
                ? "invalid target topic: topic length must be 1-256 characters"
                : "invalid target topic: invalid topic prefix");
    assertThat(e.getRequestId()).isEmpty();
  }

  @Test
  void tooLongTopicIsRejected() {
    TestClient a = connected(TestClient.user("u", "w"));
    a.sendMessage("us::" + "x".repeat(253), "x");
    assertThat(a.expectError("ERR_INVALID_TOPIC").getMessage())
        .isEqualTo("invalid target topic: topic length must be 1-256 characters");
  }

  @Test
  void everyTopicFormIsAccepted() {
    TestClient svc = connected(TestClient.service("svc", "1"));
    List<String> topics =
        List.of(
            "ag::w::i::s",
            "tu::w::i::s",
            "ta::w::i::id",
            "tb::w::i",
            "us::u::w",
            "uw::u::w",
            "uu::u",
            "ga::w",
            "gu::w",
            "pg::w",
            "tk::w::t1::msg",
            "event::*",
            "event::w",
            "event::receiver0",
            "metric::receiver0",
            "br::i::s",
            "sv::svc::1",
            "sv::svc",
            "ag::x");
    for (String t : topics) {
      svc.sendMessage(t, "x");
    }
    // Every one was accepted silently: the next frame the service sees is the one it sent itself
    // via sv::svc.
    IncomingMessage first = svc.nextMessage();
    assertThat(first.getSourceTopic()).isEqualTo("sv::svc::1");
    assertThat(svc.received).noneMatch(DownstreamMessage::hasError);
    assertThat(gateway.topicBacklog("ag::w::i::s")).isEqualTo(1);
    assertThat(gateway.topicBacklog("event::receiver0")).isEqualTo(3);
    Awaitility.await().until(() -> gateway.topicBacklog("ag::x") == 1);
  }

  @Test
  void bareServiceTopicResolvesToAConnectedInstance() {
    TestClient user = connected(TestClient.user("u", "w"));
    user.sendMessage("sv::search", "q");
    ErrorResponse e = user.expectError("ERR_SV_UNAVAILABLE");
    assertThat(e.getRetryable()).isTrue();
    assertThat(e.getMessage()).isEqualTo("no healthy sv::search instances available");
    TestClient svc = connected(TestClient.service("search", "1"));
    user.sendMessage("sv::search", "q2");
    assertThat(utf8(svc.nextMessage().getPayload())).isEqualTo("q2");
  }

  @Test
  void payloadOverOneMebibyteIsRejected() {
    TestClient a = connected(TestClient.user("u", "w"));
    a.sendMessage("us::u::x", new byte[1024 * 1024 + 1], MessageType.OPAQUE);
    assertThat(a.expectError("ERR_PAYLOAD_TOO_LARGE").getMessage())
        .isEqualTo("message payload size 1048577 exceeds maximum of 1048576 bytes");
    a.sendMessage("us::u::x", new byte[1024 * 1024], MessageType.OPAQUE);
    Awaitility.await().until(() -> gateway.topicBacklog("us::u::x") == 1);
  }

  @Test
  void oboAuthorizationWithoutSubjectOrGrantIsRefusedLikeTheRealGateway() {
    TestClient a = connected(TestClient.user("u", "w"));
    a.send(
        UpstreamMessage.newBuilder()
            .setSend(
                SendMessage.newBuilder()
                    .setTargetTopic("us::u::x")
                    .setAuthorization(
                        io.github.aetherjava.proto.v1.AuthorizationContext.newBuilder()
                            .setAuthorityMode("on_behalf_of")))
            .build());
    assertThat(a.expectError("ERR_PERMISSION_DENIED").getMessage())
        .isEqualTo("not authorized to send to topic us::u::x");
  }

  // ---- send matrix
  // ----------------------------------------------------------------------------------------------

  private static final List<String> MATRIX_TOPICS =
      List.of(
          "ag::w::i::s",
          "tu::w::i::s",
          "ta::w::i::x",
          "tb::w::i",
          "us::u::w",
          "uw::u::w",
          "uu::u",
          "ga::w",
          "gu::w",
          "pg::w",
          "event::*",
          "metric::receiver0",
          "br::i::s",
          "sv::i::s",
          "tk::w::t::msg");

  static Stream<Arguments> matrix() {
    List<Arguments> out = new ArrayList<>();
    InitConnection[] senders = {
      agent("w", "i", "snd"),
      TestClient.task("w", "i", "snd"),
      TestClient.user("snd", "w"),
      TestClient.orchestrator("o", "1"),
      TestClient.wfe(),
      TestClient.metricsBridge(),
      TestClient.bridge("b", "1"),
      TestClient.service("v", "1")
    };
    for (InitConnection s : senders) {
      for (String t : MATRIX_TOPICS) {
        out.add(Arguments.of(s.getClientTypeCase().name(), s, t, expectedAllowed(s, t)));
      }
    }
    return out.stream();
  }

  private static boolean expectedAllowed(InitConnection s, String topic) {
    String p = topic.substring(0, topic.indexOf("::"));
    return switch (s.getClientTypeCase()) {
      case AGENT, TASK -> !p.equals("uu");
      case USER -> !List.of("uu", "event", "metric", "pg").contains(p);
      case ORCHESTRATOR -> List.of("ag", "tu", "ta", "tb").contains(p);
      case METRICS_BRIDGE -> false;
      default -> true;
    };
  }

  @ParameterizedTest(name = "{0} -> {2}: allowed={3}")
  @MethodSource("matrix")
  void sendMatrix(String kind, InitConnection sender, String topic, boolean allowed) {
    TestClient c = connected(sender);
    c.sendMessage(topic, "x");
    // A denied send answers with an error; an allowed one is silent, so probe with a frame that
    // always errors.
    c.sendMessage("bogus", "probe");
    ErrorResponse first = c.nextError();
    if (allowed) {
      assertThat(first.getCode()).as("%s -> %s", kind, topic).isEqualTo("ERR_INVALID_TOPIC");
    } else {
      assertThat(first.getCode()).as("%s -> %s", kind, topic).isEqualTo("ERR_PERMISSION_DENIED");
      String rewritten = topic.equals("event::*") ? "event::receiver0" : topic;
      assertThat(first.getMessage()).isEqualTo("not authorized to send to topic " + rewritten);
    }
  }

  // ---- shutdown and back-pressure
  // --------------------------------------------------------------------------------

  @Test
  void closeSignalsGracefulDisconnectAndDrainsWhatClientsStillSend() throws Exception {
    // A drain timeout far beyond the test: both clients half-close, so close() must not wait for
    // it.
    EmbeddedAetherGateway gw =
        track(
            EmbeddedAetherGateway.builder()
                .inProcessName("drain-" + java.util.UUID.randomUUID())
                .shutdownDrainTimeout(java.time.Duration.ofSeconds(120))
                .start());
    var ch = io.grpc.inprocess.InProcessChannelBuilder.forName(gw.inProcessName()).build();
    track(() -> ch.shutdownNow());
    TestClient a = track(TestClient.open(ch));
    a.connect(TestClient.user("a", "1"));
    var tcp =
        io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder.forTarget(gw.address())
            .usePlaintext()
            .build();
    track(() -> tcp.shutdownNow());
    TestClient b = track(TestClient.open(tcp));
    b.connect(TestClient.user("b", "1"));

    java.util.concurrent.CompletableFuture<Void> closing =
        java.util.concurrent.CompletableFuture.runAsync(gw::close);
    for (TestClient c : List.of(a, b)) {
      DownstreamMessage sig = c.next(DownstreamMessage::hasSignal);
      assertThat(sig.getSignal().getType()).isEqualTo(Signal.SignalType.GRACEFUL_DISCONNECT);
      assertThat(sig.getSignal().getReason()).isEqualTo("server shutting down");
    }
    // Frames written after the signal are still processed while the gateway drains.
    a.sendMessage("us::b::1", "late");
    assertThat(utf8(b.nextMessage().getPayload())).isEqualTo("late");
    // A client that half-closes ends cleanly.
    a.halfClose();
    b.halfClose();
    assertThat(a.awaitClosed().isOk()).isTrue();
    assertThat(b.awaitClosed().isOk()).isTrue();
    closing.get(60, java.util.concurrent.TimeUnit.SECONDS);
    // No new stream is accepted once closing started.
    var late = io.grpc.inprocess.InProcessChannelBuilder.forName(gw.inProcessName()).build();
    track(() -> late.shutdownNow());
    TestClient refused = track(TestClient.open(late));
    assertThat(refused.connectExpectingFailure(TestClient.user("c", "1")).getCode())
        .isEqualTo(Status.Code.UNAVAILABLE);
  }

  @Test
  void closeEndsStreamsThatDoNotHalfCloseWhenTheDrainTimeoutExpires() throws Exception {
    EmbeddedAetherGateway gw =
        track(
            EmbeddedAetherGateway.builder()
                .inProcessName("drain-" + java.util.UUID.randomUUID())
                .shutdownDrainTimeout(java.time.Duration.ofMillis(200))
                .start());
    var tcp =
        io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder.forTarget(gw.address())
            .usePlaintext()
            .build();
    track(() -> tcp.shutdownNow());
    TestClient b = track(TestClient.open(tcp));
    b.connect(TestClient.user("b", "1"));

    java.util.concurrent.CompletableFuture<Void> closing =
        java.util.concurrent.CompletableFuture.runAsync(gw::close);
    assertThat(b.next(DownstreamMessage::hasSignal).getSignal().getType())
        .isEqualTo(Signal.SignalType.GRACEFUL_DISCONNECT);
    Status bStatus = b.awaitClosed();
    assertThat(bStatus.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(bStatus.getDescription()).isEqualTo("server shutting down");
    closing.get(60, java.util.concurrent.TimeUnit.SECONDS);
  }

  private TestClient neverReading(EmbeddedAetherGateway gw, InitConnection init) {
    var ch =
        io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder.forTarget(gw.address())
            .usePlaintext()
            .build();
    track(() -> ch.shutdownNow());
    TestClient slow = track(TestClient.openNeverReading(ch));
    slow.send(UpstreamMessage.newBuilder().setInit(init).build());
    Awaitility.await().until(() -> gw.connectedIdentities().size() == 1);
    return slow;
  }

  private TestClient tcpClientOf(EmbeddedAetherGateway gw, InitConnection init) {
    var ch =
        io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder.forTarget(gw.address())
            .usePlaintext()
            .build();
    track(() -> ch.shutdownNow());
    TestClient c = track(TestClient.open(ch));
    c.connect(init);
    return c;
  }

  @Test
  void broadcastFramesForAClientThatNeverReadsAreBoundedAndDropped() {
    EmbeddedAetherGateway small =
        track(EmbeddedAetherGateway.builder().sessionQueueCapacity(16).start());
    TestClient slow = neverReading(small, agent("prod", "impl", "slow"));
    TestClient sender = tcpClientOf(small, agent("prod", "impl", "fast"));
    byte[] payload = new byte[32 * 1024];
    for (int i = 0; i < 400; i++) {
      sender.sendMessage("ga::prod", payload, MessageType.OPAQUE);
    }
    Awaitility.await()
        .untilAsserted(
            () ->
                assertThat(small.sessions())
                    .filteredOn(s -> s.identity().endsWith("slow"))
                    .singleElement()
                    .satisfies(s -> assertThat(s.backpressureDrops()).isPositive()));
    assertThat(small.sessions())
        .allSatisfy(s -> assertThat(s.queuedFrames()).isLessThanOrEqualTo(32));
    // Broadcasts never slow the sender down.
    sender.sendMessage("bogus", "probe");
    sender.next(f -> f.hasError() && f.getError().getCode().equals("ERR_INVALID_TOPIC"));
    // Once the slow client reads again it learns about the loss.
    slow.request(Integer.MAX_VALUE);
    slow.next(f -> f.hasError() && f.getError().getCode().equals("BACKPRESSURE"));
    assertThat(slow.closed).isNotDone();
  }

  @Test
  void aConnectedSlowConsumerPushesBackOnItsSendersInsteadOfLosingMessages() {
    EmbeddedAetherGateway gw =
        track(EmbeddedAetherGateway.builder().senderPushbackThreshold(50).start());
    TestClient slow = neverReading(gw, agent("prod", "impl", "slow"));
    TestClient sender = tcpClientOf(gw, agent("prod", "impl", "fast"));
    int total = 2000;
    byte[] pad = new byte[8 * 1024];
    for (int i = 0; i < total; i++) {
      byte[] p = java.util.Arrays.copyOf(pad, pad.length);
      System.arraycopy(Integer.toString(i).getBytes(), 0, p, 0, Integer.toString(i).length());
      sender.sendMessage("ag::prod::impl::slow", p, MessageType.OPAQUE);
    }
    Awaitility.await()
        .untilAsserted(
            () ->
                assertThat(gw.sessions())
                    .filteredOn(s -> s.identity().endsWith("fast"))
                    .singleElement()
                    .satisfies(s -> assertThat(s.inboundPaused()).isTrue()));
    // Past the threshold only the frames already requested from the transport (the inbound window)
    // still arrive,
    // and nothing more is read while the consumer stays congested.
    int bound = 50 + io.github.aetherjava.gateway.embedded.internal.GatewaySettings.INBOUND_WINDOW;
    Awaitility.await()
        .during(java.time.Duration.ofMillis(300))
        .atMost(java.time.Duration.ofSeconds(10))
        .until(() -> gw.topicBacklog("ag::prod::impl::slow") <= bound);

    slow.request(Integer.MAX_VALUE);
    for (int i = 0; i < total; i++) {
      var m = slow.next(DownstreamMessage::hasMsg).getMsg();
      String n = m.getPayload().substring(0, Integer.toString(i).length()).toStringUtf8();
      assertThat(n).isEqualTo(Integer.toString(i));
    }
    assertThat(gw.droppedMessages("ag::prod::impl::slow")).isZero();
    assertThat(gw.backpressureDrops()).isZero();
  }

  @Test
  void offlineBacklogIsBoundedOldestFirst() {
    EmbeddedAetherGateway gw =
        track(
            EmbeddedAetherGateway.builder()
                .offlineQueueCapacity(10)
                .inProcessName("bound-" + java.util.UUID.randomUUID())
                .start());
    var ch = io.grpc.inprocess.InProcessChannelBuilder.forName(gw.inProcessName()).build();
    track(() -> ch.shutdownNow());
    TestClient sender = track(TestClient.open(ch));
    sender.connect(TestClient.user("u", "1"));
    for (int i = 0; i < 15; i++) {
      sender.sendMessage("ag::prod::impl::off", "m" + i);
    }
    Awaitility.await().until(() -> gw.droppedMessages("ag::prod::impl::off") == 5);
    assertThat(gw.topicBacklog("ag::prod::impl::off")).isEqualTo(10);
    TestClient target = track(TestClient.open(ch));
    target.connect(agent("prod", "impl", "off"));
    for (int i = 5; i < 15; i++) {
      assertThat(utf8(target.nextMessage().getPayload())).isEqualTo("m" + i);
    }
    // Offline consumers never pause the sender.
    assertThat(gw.sessions()).noneMatch(SessionInfo::inboundPaused);
  }

  @Test
  void aClientThatSendsRequestsButNeverReadsHasBoundedResponseQueues() {
    EmbeddedAetherGateway small =
        track(EmbeddedAetherGateway.builder().sessionQueueCapacity(16).start());
    var ch =
        io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder.forTarget(small.address())
            .usePlaintext()
            .build();
    track(() -> ch.shutdownNow());
    TestClient slow = track(TestClient.openNeverReading(ch));
    slow.send(UpstreamMessage.newBuilder().setInit(agent("prod", "impl", "greedy")).build());
    byte[] value = new byte[64 * 1024];
    slow.send(
        UpstreamMessage.newBuilder()
            .setKvOp(
                io.github.aetherjava.proto.v1.KVOperation.newBuilder()
                    .setOp(io.github.aetherjava.proto.v1.KVOperation.OpType.PUT)
                    .setScope(io.github.aetherjava.proto.v1.KVOperation.Scope.GLOBAL)
                    .setKey("big")
                    .setValue(com.google.protobuf.ByteString.copyFrom(value)))
            .build());
    for (int i = 0; i < 2000; i++) {
      slow.send(
          UpstreamMessage.newBuilder()
              .setKvOp(
                  io.github.aetherjava.proto.v1.KVOperation.newBuilder()
                      .setOp(io.github.aetherjava.proto.v1.KVOperation.OpType.GET)
                      .setScope(io.github.aetherjava.proto.v1.KVOperation.Scope.GLOBAL)
                      .setKey("big")
                      .setRequestId("r" + i))
              .build());
    }
    Awaitility.await()
        .untilAsserted(
            () ->
                assertThat(small.sessions())
                    .singleElement()
                    .satisfies(s -> assertThat(s.backpressureDrops()).isPositive()));
    assertThat(small.sessions())
        .singleElement()
        .satisfies(s -> assertThat(s.queuedFrames()).isLessThanOrEqualTo(32));
    assertThat(slow.closed).isNotDone();
  }

  @Test
  void undecodableBytesEndOnlyThatStream() throws Exception {
    io.grpc.MethodDescriptor<byte[], byte[]> raw =
        io.grpc.MethodDescriptor.<byte[], byte[]>newBuilder()
            .setType(io.grpc.MethodDescriptor.MethodType.BIDI_STREAMING)
            .setFullMethodName("aether.v1.AetherGateway/Connect")
            .setRequestMarshaller(new BytesMarshaller())
            .setResponseMarshaller(new BytesMarshaller())
            .build();
    io.grpc.ClientCall<byte[], byte[]> call = channel.newCall(raw, io.grpc.CallOptions.DEFAULT);
    java.util.concurrent.CompletableFuture<Status> closed =
        new java.util.concurrent.CompletableFuture<>();
    call.start(
        new io.grpc.ClientCall.Listener<>() {
          @Override
          public void onClose(Status status, io.grpc.Metadata trailers) {
            closed.complete(status);
          }
        },
        new io.grpc.Metadata());
    call.request(1);
    call.sendMessage(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x01, 0x02});
    call.halfClose();
    Status status = closed.get(10, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(status.getCode()).isEqualTo(Status.Code.INTERNAL);
    assertThat(status.getDescription()).startsWith("grpc: error unmarshalling request: ");
    // The server is fine.
    connected(TestClient.user("alice", "t1"));
  }

  private static final class BytesMarshaller
      implements io.grpc.MethodDescriptor.Marshaller<byte[]> {
    @Override
    public java.io.InputStream stream(byte[] value) {
      return new java.io.ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(java.io.InputStream stream) {
      try {
        return stream.readAllBytes();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
