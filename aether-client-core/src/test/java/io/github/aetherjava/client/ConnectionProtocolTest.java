/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import io.github.aetherjava.client.testing.FakeGateway;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.ErrorResponse;
import io.github.aetherjava.proto.v1.InitConnection;
import io.github.aetherjava.proto.v1.Signal;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Protocol behaviour of the connection core against a scriptable fake gateway. */
class ConnectionProtocolTest {

  static {
    // poll at once and often: Awaitility's default 100 ms first delay adds up over many small waits
    org.awaitility.Awaitility.setDefaultPollDelay(java.time.Duration.ZERO);
    org.awaitility.Awaitility.setDefaultPollInterval(java.time.Duration.ofMillis(5));
  }

  private FakeGateway gw;
  private AetherClientOptions options;
  private final List<AetherClient> clients = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() {
    gw = FakeGateway.inProcess();
    options =
        AetherClientOptions.builder()
            .address(gw.address())
            .credentials(Credentials.apiKey("secret-key-1"))
            .reconnect(
                ReconnectPolicy.builder()
                    .initialDelay(Duration.ofMillis(20))
                    .maxDelay(Duration.ofMillis(100))
                    .build())
            .requestTimeout(Duration.ofSeconds(5))
            .build();
  }

  @AfterEach
  void tearDown() {
    clients.forEach(AetherClient::close);
    gw.close();
  }

  private <T extends AetherClient> T track(T c) {
    clients.add(c);
    return c;
  }

  private AgentClient agent(AetherClientOptions o) {
    return track(
        AgentClient.builder(o).workspace("prod").implementation("worker").specifier("1").build());
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static Throwable failure(CompletableFuture<?> f) {
    try {
      f.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("future succeeded");
  }

  @Test
  void connectCompletesOnAckAndInitCarriesSdkVersionBuildInfoIdentityAndCredentials()
      throws Exception {
    AgentClient a = agent(options);
    ConnectionInfo info = a.connect().get(10, TimeUnit.SECONDS);
    assertThat(info.sessionId()).isEqualTo("session-0");
    assertThat(info.serverVersion()).isEqualTo("fake-1");
    assertThat(a.state()).isEqualTo(ConnectionState.READY);
    InitConnection init = gw.nextConnection().init;
    assertThat(init.getClientSdk()).isEqualTo("java");
    assertThat(init.getClientVersion()).isNotEmpty();
    assertThat(init.getClientBuildInfo().getRuntime()).startsWith("java");
    assertThat(init.getClientBuildInfo().getOs()).contains("/");
    assertThat(init.getAgent().getWorkspace()).isEqualTo("prod");
    assertThat(init.getAgent().getImplementation()).isEqualTo("worker");
    assertThat(init.getAgent().getSpecifier()).isEqualTo("1");
    assertThat(init.getCredentialsMap()).containsEntry("x-api-key", "secret-key-1");
    assertThat(init.getResumeSessionId()).isEmpty();
    assertThat(a.status().sessionId()).isEqualTo("session-0");
    assertThat(a.status().toString()).doesNotContain("secret-key-1");
  }

  @Test
  void aMessageBeforeTheAckIsDeliveredNotAnError() throws Exception {
    gw.autoAck = false;
    AgentClient a = agent(options);
    List<String> got = new CopyOnWriteArrayList<>();
    a.onMessage(m -> got.add(m.payloadAsString()));
    CompletableFuture<ConnectionInfo> f = a.connect();
    FakeGateway.Conn c = gw.nextConnection();
    c.send(msg("early"));
    c.send(
        DownstreamMessage.newBuilder()
            .setConnectionAck(
                io.github.aetherjava.proto.v1.ConnectionAck.newBuilder().setSessionId("s-1"))
            .build());
    assertThat(f.get(10, TimeUnit.SECONDS).sessionId()).isEqualTo("s-1");
    await().until(() -> got.contains("early"));
  }

  @Test
  void duplicateIdentityFailsConnectWithTheIdentity() {
    gw.initPolicy =
        (init, i) ->
            Status.ALREADY_EXISTS.withDescription(
                "DuplicateIdentityError: identity (ag::prod::worker::1) already connected");
    AgentClient a = agent(options);
    Throwable t = failure(a.connect());
    assertThat(t).isInstanceOf(DuplicateIdentityException.class);
    assertThat(((DuplicateIdentityException) t).identity()).isEqualTo("ag::prod::worker::1");
    assertThat(a.state()).isEqualTo(ConnectionState.CLOSED);
    assertThatThrownBy(a::connectBlocking).isInstanceOf(DuplicateIdentityException.class);
  }

  @Test
  void retryOnDuplicateKeepsTryingUntilTheLockIsFree() throws Exception {
    gw.initPolicy =
        (init, i) ->
            i < 2 ? Status.ALREADY_EXISTS.withDescription("identity (x) already connected") : null;
    AgentClient a =
        agent(
            options.toBuilder()
                .reconnect(
                    ReconnectPolicy.builder()
                        .retryOnDuplicate(true)
                        .duplicateRetryDelay(Duration.ofMillis(10))
                        .build())
                .build());
    assertThat(a.connect().get(10, TimeUnit.SECONDS).sessionId()).isEqualTo("session-2");
  }

  @Test
  void authenticationFailureIsTerminal() {
    gw.initPolicy =
        (init, i) -> Status.UNAUTHENTICATED.withDescription("credential authentication failed");
    AgentClient a =
        agent(
            options.toBuilder()
                .reconnect(
                    ReconnectPolicy.builder()
                        .retryInitialConnect(true)
                        .initialDelay(Duration.ofMillis(1))
                        .build())
                .build());
    Throwable t = failure(a.connect());
    assertThat(t)
        .isInstanceOf(AuthenticationException.class)
        .hasMessageNotContaining("secret-key-1");
    assertThat(((AetherException) t).isRecoverable()).isFalse();
    assertThat(gw.allConnections).hasSize(1);
  }

  @Test
  void reconnectsWithResumeIdAndFlushesBufferedSendsInOrderAfterTheAck() throws Exception {
    AgentClient a = agent(options);
    List<Integer> reconnecting = new CopyOnWriteArrayList<>();
    List<DisconnectInfo> disconnects = new CopyOnWriteArrayList<>();
    a.addConnectionListener(
        new ConnectionListener() {
          @Override
          public void onReconnecting(int attempt) {
            reconnecting.add(attempt);
          }

          @Override
          public void onDisconnect(DisconnectInfo info) {
            disconnects.add(info);
          }
        });
    a.connect().get(10, TimeUnit.SECONDS);
    FakeGateway.Conn first = gw.nextConnection();
    gw.autoAck = false;
    first.close(Status.UNAVAILABLE.withDescription("network cut"));
    FakeGateway.Conn second = gw.nextConnection();
    assertThat(second.init.getResumeSessionId()).isEqualTo("session-0");
    await().until(() -> a.state() == ConnectionState.RECONNECTING);
    List<CompletableFuture<Void>> sends = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      sends.add(a.sendToAgent("prod", "other", "1", utf8("m" + i)));
    }
    assertThat(a.status().bufferedSends()).isEqualTo(5);
    assertThat(sends).noneMatch(CompletableFuture::isDone);
    second.send(
        DownstreamMessage.newBuilder()
            .setConnectionAck(
                io.github.aetherjava.proto.v1.ConnectionAck.newBuilder()
                    .setSessionId("session-x")
                    .setResumed(true))
            .build());
    CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
    for (int i = 0; i < 5; i++) {
      assertThat(second.next().getSend().getPayload().toStringUtf8()).isEqualTo("m" + i);
    }
    assertThat(a.connectionInfo().orElseThrow().resumed()).isTrue();
    assertThat(a.state()).isEqualTo(ConnectionState.READY);
    await().until(() -> !disconnects.isEmpty() && !reconnecting.isEmpty());
    assertThat(disconnects.get(0).willReconnect()).isTrue();
    assertThat(reconnecting.get(0)).isEqualTo(1);
    assertThat(a.status().reconnectAttempt()).isZero();
  }

  @Test
  void terminalStatusAfterBeingConnectedStopsReconnecting() throws Exception {
    AgentClient a = agent(options);
    a.connect().get(10, TimeUnit.SECONDS);
    gw.nextConnection().close(Status.PERMISSION_DENIED.withDescription("revoked"));
    await().until(() -> a.state() == ConnectionState.CLOSED);
    assertThat(a.status().lastError()).isInstanceOf(PermissionDeniedException.class);
    assertThat(gw.allConnections).hasSize(1);
    Throwable t = failure(a.sendToAgent("prod", "x", "1", utf8("late")));
    assertThat(t).isInstanceOf(ConnectionException.class);
    assertThat(((ConnectionException) t).reason()).isEqualTo(FailureReason.CLOSED);
  }

  @Test
  void internalIsRecoverable() throws Exception {
    AgentClient a = agent(options);
    a.connect().get(10, TimeUnit.SECONDS);
    gw.nextConnection().close(Status.INTERNAL.withDescription("failed to setup subscriptions"));
    assertThat(gw.nextConnection().init.getResumeSessionId()).isEqualTo("session-0");
    await().until(() -> a.state() == ConnectionState.READY);
  }

  @Test
  void maxAttemptsGivesUp() throws Exception {
    AgentClient a =
        agent(
            options.toBuilder()
                .reconnect(
                    ReconnectPolicy.builder()
                        .maxAttempts(2)
                        .initialDelay(Duration.ofMillis(5))
                        .maxDelay(Duration.ofMillis(10))
                        .build())
                .build());
    a.connect().get(10, TimeUnit.SECONDS);
    gw.initPolicy = (init, i) -> Status.UNAVAILABLE;
    gw.nextConnection().close(Status.UNAVAILABLE);
    await().until(() -> a.state() == ConnectionState.CLOSED);
    assertThat(gw.allConnections).hasSize(3);
    assertThat(a.status().lastError()).hasMessageContaining("gave up");
  }

  @Test
  void forceDisconnectIsTerminalAndGracefulReconnectsAtOnce() throws Exception {
    AgentClient a =
        agent(
            options.toBuilder()
                .reconnect(
                    ReconnectPolicy.builder()
                        .initialDelay(Duration.ofSeconds(20))
                        .maxDelay(Duration.ofSeconds(20))
                        .build())
                .build());
    List<SignalInfo> signals = new CopyOnWriteArrayList<>();
    a.onSignal(signals::add);
    a.connect().get(10, TimeUnit.SECONDS);
    FakeGateway.Conn c = gw.nextConnection();
    c.send(
        DownstreamMessage.newBuilder()
            .setSignal(
                Signal.newBuilder()
                    .setType(Signal.SignalType.GRACEFUL_DISCONNECT)
                    .setReason("server shutting down"))
            .build());
    c.close(Status.UNAVAILABLE);
    // immediate retry despite the 20 s initial delay
    FakeGateway.Conn c2 = gw.nextConnection();
    await().until(() -> a.state() == ConnectionState.READY);
    c2.send(
        DownstreamMessage.newBuilder()
            .setSignal(
                Signal.newBuilder()
                    .setType(Signal.SignalType.FORCE_DISCONNECT)
                    .setReason("disconnected by administrator"))
            .build());
    await().until(() -> a.state() == ConnectionState.CLOSED);
    assertThat(a.status().lastError())
        .isInstanceOf(ConnectionException.class)
        .matches(e -> ((AetherException) e).reason() == FailureReason.FORCE_DISCONNECTED);
    assertThat(signals)
        .extracting(SignalInfo::type)
        .containsExactly(SignalInfo.Type.GRACEFUL_DISCONNECT, SignalInfo.Type.FORCE_DISCONNECT);
    assertThat(gw.allConnections).hasSize(2);
  }

  @Test
  void handlersRunInOrderOffTheGrpcThreadAndExceptionsDoNotStopTheStream() throws Exception {
    AgentClient a = agent(options);
    List<String> got = new CopyOnWriteArrayList<>();
    List<String> threads = new CopyOnWriteArrayList<>();
    AtomicInteger reported = new AtomicInteger();
    AgentClient b =
        agent(
            options.toBuilder()
                .addObserver(
                    new ClientObserver() {
                      @Override
                      public void onHandlerError(AetherClient client, Throwable error) {
                        reported.incrementAndGet();
                      }
                    })
                .build());
    clients.remove(a);
    a.close();
    b.onMessage(
        m -> {
          threads.add(Thread.currentThread().getName());
          if (m.payloadAsString().equals("boom")) {
            throw new IllegalStateException("handler failure");
          }
          got.add(m.payloadAsString());
        });
    b.connect().get(10, TimeUnit.SECONDS);
    FakeGateway.Conn c = gw.allConnections.get(gw.allConnections.size() - 1);
    for (int i = 0; i < 200; i++) {
      c.send(msg(i == 100 ? "boom" : "m" + i));
    }
    await().until(() -> got.size() == 199);
    for (int i = 0, j = 0; i < 200; i++) {
      if (i != 100) {
        assertThat(got.get(j++)).isEqualTo("m" + i);
      }
    }
    assertThat(reported.get()).isEqualTo(1);
    assertThat(threads).noneMatch(t -> t.startsWith("grpc-"));
    assertThat(b.state()).isEqualTo(ConnectionState.READY);
  }

  @Test
  void aSlowHandlerAppliesBackPressureToTheGateway() throws Exception {
    AgentClient a = agent(options.toBuilder().inboundWindow(8).build());
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger handled = new AtomicInteger();
    a.onMessage(
        m -> {
          release.await();
          handled.incrementAndGet();
        });
    a.connect().get(10, TimeUnit.SECONDS);
    FakeGateway.Conn c = gw.nextConnection();
    AtomicInteger sent = new AtomicInteger();
    int total = 500;
    Runnable pump =
        () -> {
          while (c.out.isReady() && sent.get() < total) {
            c.send(msg("x" + sent.incrementAndGet()));
          }
        };
    c.onReady = pump;
    pump.run();
    // with the handler blocked, the gateway may only push what the client asked for
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(5))
        .until(() -> sent.get() <= 8 + 2);
    assertThat(sent.get()).isLessThan(total);
    release.countDown();
    await().atMost(Duration.ofSeconds(20)).until(() -> handled.get() == total);
  }

  @Test
  void errorResponseWithoutRequestIdGoesToOnError() throws Exception {
    AgentClient a = agent(options);
    List<GatewayError> errors = new CopyOnWriteArrayList<>();
    a.onError(errors::add);
    a.connect().get(10, TimeUnit.SECONDS);
    gw.nextConnection()
        .send(
            DownstreamMessage.newBuilder()
                .setError(
                    ErrorResponse.newBuilder()
                        .setCode("ERR_RATE_LIMITED")
                        .setMessage("slow down")
                        .setRetryable(true)
                        .setRetryAfterMs(10))
                .build());
    await().until(() -> errors.size() == 1);
    assertThat(errors.get(0).code()).isEqualTo("ERR_RATE_LIMITED");
    assertThat(errors.get(0).retryAfter()).isEqualTo(Duration.ofMillis(10));
    assertThat(errors.get(0).requestId()).isNull();
  }

  @Test
  void sendValidationFailsFastAndFramesCarryTheRightFields() throws Exception {
    AgentClient a = agent(options);
    assertThat(failure(a.send("ag::p::i::s", utf8("x"))))
        .isInstanceOf(ConnectionException.class)
        .hasMessageContaining("connect()");
    a.connect().get(10, TimeUnit.SECONDS);
    FakeGateway.Conn c = gw.nextConnection();
    assertThat(failure(a.send("uu::alice", utf8("x"))))
        .isInstanceOf(InvalidArgumentException.class);
    assertThat(failure(a.send("ag.prod.w.1", utf8("x"))))
        .isInstanceOf(InvalidArgumentException.class);
    assertThat(failure(a.send("ag::p::i::s", new byte[1024 * 1024 + 1])))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("exceeds");
    a.send("ag::p::i::s", new byte[1024 * 1024]).get(10, TimeUnit.SECONDS);
    assertThat(c.next().getSend().getPayload().size()).isEqualTo(1024 * 1024);
    a.sendEvent(utf8("{\"type\":\"task.started\"}")).get(10, TimeUnit.SECONDS);
    UpstreamMessage ev = c.next();
    assertThat(ev.getSend().getTargetTopic()).isEqualTo("event::*");
    assertThat(ev.getSend().getMessageType())
        .isEqualTo(io.github.aetherjava.proto.v1.MessageType.EVENT);
    a.sendMetric(Metrics.builder().add("cpu", "gauge", 0.4).build()).get(10, TimeUnit.SECONDS);
    UpstreamMessage mt = c.next();
    assertThat(mt.getSend().getTargetTopic()).isEqualTo("metric::*");
    assertThat(
            io.github.aetherjava.proto.v1.Metric.parseFrom(mt.getSend().getPayload())
                .getEntries(0)
                .getQty())
        .isEqualTo(0.4);
    a.sendToTask("prod", "worker", "", utf8("all")).get(10, TimeUnit.SECONDS);
    assertThat(c.next().getSend().getTargetTopic()).isEqualTo("tb::prod::worker");
    a.reportProgress(
            Progress.builder("t-1").state("running").completion(0.5).summary("half").build())
        .get(10, TimeUnit.SECONDS);
    assertThat(c.next().getProgress().getCompletion()).isEqualTo(0.5);
  }

  @Test
  void principalsOnlyExposeWhatTheyMayDo() throws Exception {
    OrchestratorClient orc =
        track(
            OrchestratorClient.builder(options)
                .implementation("k8s")
                .supportedProfiles("default")
                .build());
    orc.connect().get(10, TimeUnit.SECONDS);
    FakeGateway.Conn c = gw.nextConnection();
    assertThat(c.init.getOrchestrator().getSupportedProfilesList()).containsExactly("default");
    assertThat(failure(orc.send("us::alice::tab", utf8("x"))))
        .isInstanceOf(InvalidArgumentException.class);
    orc.sendStatusToAgent("prod", "w", "1", utf8("launched")).get(10, TimeUnit.SECONDS);
    UpstreamMessage st = c.next();
    assertThat(st.getSend().getTargetTopic()).isEqualTo("ag::prod::w::1");
    assertThat(st.getSend().getMessageType())
        .isEqualTo(io.github.aetherjava.proto.v1.MessageType.CONTROL);
    UserClient user = track(UserClient.builder(options).userId("alice").windowId("tab-1").build());
    assertThat(user)
        .isNotInstanceOf(EventPublishing.class)
        .isNotInstanceOf(KvAccess.class)
        .isNotInstanceOf(UserBroadcastMessaging.class);
    assertThat(failure(user.send("uu::bob", utf8("x"))))
        .isInstanceOf(InvalidArgumentException.class);
    assertThat(failure(user.send("event::*", utf8("x"))))
        .isInstanceOf(InvalidArgumentException.class);
    assertThat(MetricsBridgeClient.builder(options).build())
        .isNotInstanceOf(MessageSender.class)
        .isInstanceOf(KvAccess.class);
    assertThat(orc).isNotInstanceOf(KvAccess.class);
    assertThat(BridgeClient.builder(options).implementation("b").specifier("1").build())
        .isNotInstanceOf(KvAccess.class)
        .isInstanceOf(UserBroadcastMessaging.class);
    assertThat(ServiceClient.builder(options).implementation("s").specifier("1").build())
        .isInstanceOf(KvAccess.class)
        .isInstanceOf(UserBroadcastMessaging.class);
    assertThat(WorkflowEngineClient.builder(options).build())
        .isInstanceOf(UserBroadcastMessaging.class);
  }

  @Test
  void userWorkspaceIsResentAfterEveryReconnect() throws Exception {
    UserClient u =
        track(
            UserClient.builder(options)
                .userId("alice")
                .windowId("tab-1")
                .workspace("prod")
                .build());
    u.connect().get(10, TimeUnit.SECONDS);
    FakeGateway.Conn c = gw.nextConnection();
    assertThat(c.next().getSwitchWorkspace().getNewWorkspaceId()).isEqualTo("prod");
    u.switchWorkspace("staging").get(10, TimeUnit.SECONDS);
    assertThat(c.next().getSwitchWorkspace().getNewWorkspaceId()).isEqualTo("staging");
    c.close(Status.UNAVAILABLE);
    FakeGateway.Conn c2 = gw.nextConnection();
    assertThat(c2.next().getSwitchWorkspace().getNewWorkspaceId()).isEqualTo("staging");
    assertThat(failure(u.switchWorkspace(""))).isInstanceOf(InvalidArgumentException.class);
  }

  @Test
  void outboundBufferOverflowFailsTheSendAndDropOldestFailsTheEvicted() throws Exception {
    gw.autoAck = false;
    AgentClient a = agent(options.toBuilder().maxBufferedSends(2).build());
    a.connect();
    gw.nextConnection();
    CompletableFuture<Void> s1 = a.send("ag::p::i::s", utf8("1"));
    CompletableFuture<Void> s2 = a.send("ag::p::i::s", utf8("2"));
    Throwable t = failure(a.send("ag::p::i::s", utf8("3")));
    assertThat(((AetherException) t).reason()).isEqualTo(FailureReason.BUFFER_FULL);
    assertThat(s1).isNotDone();
    assertThat(s2).isNotDone();
    AgentClient b =
        track(
            AgentClient.builder(
                    options.toBuilder()
                        .maxBufferedSends(1)
                        .overflowPolicy(OverflowPolicy.DROP_OLDEST)
                        .build())
                .workspace("p")
                .implementation("i")
                .specifier("2")
                .build());
    b.connect();
    CompletableFuture<Void> old = b.send("ag::p::i::s", utf8("old"));
    b.send("ag::p::i::s", utf8("new"));
    assertThat(((AetherException) failure(old)).reason()).isEqualTo(FailureReason.BUFFER_FULL);
    a.close();
    assertThat(((AetherException) failure(s1)).reason()).isEqualTo(FailureReason.CLOSED);
  }

  @Test
  void handshakeTimeoutFailsConnect() {
    gw.autoAck = false;
    AgentClient a = agent(options.toBuilder().connectTimeout(Duration.ofMillis(200)).build());
    assertThat(failure(a.connect())).isInstanceOf(AetherTimeoutException.class);
  }

  @Test
  void closeEndsTheStreamCleanlyAfterFlushing() throws Exception {
    AgentClient a = agent(options);
    a.connect().get(10, TimeUnit.SECONDS);
    FakeGateway.Conn c = gw.nextConnection();
    a.send("ag::p::i::s", utf8("last"));
    a.disconnect().get(10, TimeUnit.SECONDS);
    assertThat(c.next().getSend().getPayload().toStringUtf8()).isEqualTo("last");
    await().until(() -> c.halfClosed);
    assertThat(a.state()).isEqualTo(ConnectionState.CLOSED);
    assertThat(gw.allConnections).hasSize(1);
  }

  @Test
  void configSnapshotAndAssignmentsReachTheirHandlers() throws Exception {
    AgentClient a = agent(options);
    List<ConfigSnapshot> configs = new CopyOnWriteArrayList<>();
    List<TaskAssignment> tasks = new CopyOnWriteArrayList<>();
    a.onConfig(configs::add);
    a.onTaskAssignment(tasks::add);
    List<ProgressUpdate> progress = new CopyOnWriteArrayList<>();
    a.onProgress(progress::add);
    a.connect().get(10, TimeUnit.SECONDS);
    FakeGateway.Conn c = gw.nextConnection();
    c.send(
        DownstreamMessage.newBuilder()
            .setConfig(
                io.github.aetherjava.proto.v1.ConfigSnapshot.newBuilder()
                    .putTaskContext("task_id", "t-9")
                    .putWorkspaceExclusiveKv("k", ByteString.copyFromUtf8("v"))
                    .putGlobalExclusiveKv("g", ByteString.copyFromUtf8("w")))
            .build());
    c.send(
        DownstreamMessage.newBuilder()
            .setTaskAssignment(
                io.github.aetherjava.proto.v1.TaskAssignment.newBuilder()
                    .setTaskId("t-9")
                    .setTaskType("agent_startup")
                    .putLaunchParams("auth_token", "s3cr3t-value"))
            .build());
    c.send(
        DownstreamMessage.newBuilder()
            .setProgressUpdate(
                io.github.aetherjava.proto.v1.ProgressUpdate.newBuilder()
                    .setSource("ag::prod::other::1")
                    .setTaskId("t-9")
                    .setCompletion(0.25)
                    .setTimestampMs(1_700_000_000_000L)
                    .setStep(
                        io.github.aetherjava.proto.v1.ProgressStep.newBuilder()
                            .setName("load")
                            .setSequence(1)
                            .setTotalSteps(4)))
            .build());
    await().until(() -> configs.size() == 1 && tasks.size() == 1 && progress.size() == 1);
    assertThat(progress.get(0).completion()).isEqualTo(0.25);
    assertThat(progress.get(0).step().name()).isEqualTo("load");
    assertThat(progress.get(0).timestamp().toEpochMilli()).isEqualTo(1_700_000_000_000L);
    assertThat(ProgressUpdate.fromProto(progress.get(0).toProto())).isEqualTo(progress.get(0));
    assertThat(configs.get(0).taskContext()).containsEntry("task_id", "t-9");
    assertThat(configs.get(0).workspaceExclusiveString("k")).contains("v");
    assertThat(configs.get(0).globalExclusiveString("g")).contains("w");
    assertThat(a.latestConfig()).contains(configs.get(0));
    assertThat(tasks.get(0).taskType()).isEqualTo("agent_startup");
    assertThat(tasks.get(0).toString()).doesNotContain("s3cr3t-value");
  }

  @Test
  void observerSeesStateChangesSendsReceivesReconnectsAndGatewayErrors() throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    AgentClient a =
        agent(
            options.toBuilder()
                .addObserver(
                    new ClientObserver() {
                      @Override
                      public void onStateChanged(
                          AetherClient client,
                          ConnectionState from,
                          ConnectionState to,
                          Throwable cause) {
                        events.add("state:" + from + "->" + to);
                      }

                      @Override
                      public void onMessageSent(
                          AetherClient client, String topic, MessageType type, int bytes) {
                        events.add("sent:" + topic + ":" + type + ":" + bytes);
                      }

                      @Override
                      public void onSendFailed(AetherClient client, String topic, Throwable error) {
                        events.add("sendFailed:" + topic);
                      }

                      @Override
                      public void onMessageReceived(AetherClient client, IncomingMessage message) {
                        events.add("received:" + message.payloadAsString());
                      }

                      @Override
                      public void onReconnectAttempt(AetherClient client, int attempt) {
                        events.add("reconnect:" + attempt);
                      }

                      @Override
                      public void onGatewayError(AetherClient client, GatewayError error) {
                        events.add("error:" + error.code());
                      }
                    })
                .build());
    a.connect().get(10, TimeUnit.SECONDS);
    FakeGateway.Conn c = gw.nextConnection();
    a.sendToAgent("prod", "x", "1", utf8("abc")).get(10, TimeUnit.SECONDS);
    a.send("xx::bad", utf8("abc"));
    c.send(msg("in"));
    c.send(
        DownstreamMessage.newBuilder()
            .setError(ErrorResponse.newBuilder().setCode("ERR_INVALID_TOPIC"))
            .build());
    await()
        .until(() -> events.contains("received:in") && events.contains("error:ERR_INVALID_TOPIC"));
    c.close(Status.UNAVAILABLE);
    gw.nextConnection();
    await().until(() -> events.contains("state:RECONNECTING->READY"));
    a.close();
    assertThat(events)
        .containsSubsequence(
            "state:IDLE->CONNECTING",
            "state:CONNECTING->READY",
            "sent:ag::prod::x::1:OPAQUE:3",
            "state:READY->RECONNECTING",
            "reconnect:1",
            "state:RECONNECTING->READY",
            "state:READY->CLOSED");
    assertThat(events).contains("sendFailed:xx::bad");
  }

  @Test
  void anObserverAddedAfterBuildSeesLaterEventsOnceAndBadInputIsNamed() throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    ClientObserver observer =
        new ClientObserver() {
          @Override
          public void onStateChanged(
              AetherClient client, ConnectionState from, ConnectionState to, Throwable cause) {
            events.add("state:" + to);
          }

          @Override
          public void onMessageSent(
              AetherClient client, String topic, MessageType type, int bytes) {
            events.add("sent:" + topic);
          }

          @Override
          public void onSendFailed(AetherClient client, String topic, Throwable error) {
            events.add("sendFailed:" + topic);
          }

          @Override
          public void onMessageReceived(AetherClient client, IncomingMessage message) {
            events.add("received:" + message.payloadAsString());
          }
        };
    AgentClient a = agent(options.toBuilder().addObserver(observer).build());
    // already one of the options' observers: not added again, so nothing is counted twice
    assertThat(a.addObserver(observer)).isFalse();
    List<String> late = new CopyOnWriteArrayList<>();
    ClientObserver added =
        new ClientObserver() {
          @Override
          public void onMessageReceived(AetherClient client, IncomingMessage message) {
            late.add("received:" + message.payloadAsString());
          }

          @Override
          public void onSendFailed(AetherClient client, String topic, Throwable error) {
            late.add("sendFailed:" + topic);
          }
        };
    assertThat(a.addObserver(added)).isTrue();
    assertThat(a.addObserver(added)).isFalse();
    assertThatThrownBy(() -> a.addObserver(null))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("observer");
    a.connect().get(10, TimeUnit.SECONDS);
    FakeGateway.Conn c = gw.nextConnection();
    a.sendToAgent("prod", "x", "1", utf8("abc")).get(10, TimeUnit.SECONDS);
    a.send("xx::bad", utf8("abc"));
    c.send(msg("in"));
    await().until(() -> late.contains("received:in"));
    assertThat(late).containsExactly("sendFailed:xx::bad", "received:in");
    assertThat(events)
        .containsExactly(
            "state:CONNECTING",
            "state:READY",
            "sent:ag::prod::x::1",
            "sendFailed:xx::bad",
            "received:in");
  }

  @Test
  void aClosedClientDoesNotConnectAgain() throws Exception {
    AgentClient a = agent(options);
    a.connect().get(10, TimeUnit.SECONDS);
    a.close();
    assertThat(a.state()).isEqualTo(ConnectionState.CLOSED);
    assertThat(((AetherException) failure(a.connect())).reason()).isEqualTo(FailureReason.CLOSED);
    AgentClient never = agent(options);
    never.close();
    assertThat(failure(never.connect())).isInstanceOf(ConnectionException.class);
  }

  @Test
  void defaultCallbackExecutorMatchesTheRuntime() {
    boolean hasVirtualThreads = Runtime.version().feature() >= 21;
    assertThat(io.github.aetherjava.client.internal.ClientExecutors.usesVirtualThreads())
        .isEqualTo(hasVirtualThreads);
  }

  @Test
  void gracefulDisconnectStopsWritingHalfClosesAndKeepsNewSendsForTheNextStream() throws Exception {
    AgentClient a =
        agent(
            options.toBuilder()
                .reconnect(
                    ReconnectPolicy.builder()
                        .initialDelay(Duration.ofSeconds(20))
                        .maxDelay(Duration.ofSeconds(20))
                        .build())
                .build());
    a.connect().get(10, TimeUnit.SECONDS);
    FakeGateway.Conn c = gw.nextConnection();
    a.send("ag::p::i::s", utf8("before")).get(10, TimeUnit.SECONDS);
    assertThat(c.next().getSend().getPayload().toStringUtf8()).isEqualTo("before");
    gw.autoAck = false;
    c.send(
        DownstreamMessage.newBuilder()
            .setSignal(
                Signal.newBuilder()
                    .setType(Signal.SignalType.GRACEFUL_DISCONNECT)
                    .setReason("server shutting down"))
            .build());
    // the client ends its side: FakeGateway completes the stream when it sees the half-close
    await().until(() -> c.halfClosed);
    CompletableFuture<Void> after = a.send("ag::p::i::s", utf8("after"));
    FakeGateway.Conn c2 = gw.nextConnection();
    assertThat(c.received).isEmpty();
    assertThat(after).isNotDone();
    c2.send(
        DownstreamMessage.newBuilder()
            .setConnectionAck(
                io.github.aetherjava.proto.v1.ConnectionAck.newBuilder().setSessionId("s-2"))
            .build());
    after.get(10, TimeUnit.SECONDS);
    assertThat(c2.next().getSend().getPayload().toStringUtf8()).isEqualTo("after");
  }

  @Test
  void connectFailuresNameTheAddressAndTheCause() throws Exception {
    int closedPort;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    AgentClient a = agent(options.toBuilder().address("127.0.0.1:" + closedPort).build());
    Throwable t = failure(a.connect());
    assertThat(t)
        .isInstanceOf(ConnectionException.class)
        .hasMessageContaining("cannot connect to 127.0.0.1:" + closedPort)
        .hasMessageContaining("refused");
  }

  static DownstreamMessage msg(String text) {
    return DownstreamMessage.newBuilder()
        .setMsg(
            io.github.aetherjava.proto.v1.IncomingMessage.newBuilder()
                .setSourceTopic("ag::prod::other::1")
                .setPayload(ByteString.copyFromUtf8(text))
                .setMessageType(io.github.aetherjava.proto.v1.MessageType.OPAQUE))
        .build();
  }

  @Test
  void aReconnectThatFailsForGoodReachesTheListenersWithItsCause() throws Exception {
    AgentClient a = agent(options);
    List<DisconnectInfo> ends = new CopyOnWriteArrayList<>();
    a.addConnectionListener(
        new ConnectionListener() {
          @Override
          public void onDisconnect(DisconnectInfo info) {
            ends.add(info);
          }
        });
    a.connect().get(10, TimeUnit.SECONDS);
    gw.initPolicy = (init, i) -> Status.UNAUTHENTICATED.withDescription("invalid or revoked token");
    gw.nextConnection().close(Status.UNAVAILABLE.withDescription("gateway restarting"));
    await().until(() -> a.state() == ConnectionState.CLOSED);
    await().until(() -> ends.size() == 2);
    assertThat(ends.get(0).willReconnect()).isTrue();
    assertThat(ends.get(1).willReconnect()).isFalse();
    assertThat(ends.get(1).cause()).isInstanceOf(AuthenticationException.class);
  }

  @Test
  void theIdentityTheGatewayBoundIsTheOneTheClientReports() throws Exception {
    gw.autoAck = false;
    AgentClient a = agent(options);
    assertThat(a.identity()).isEqualTo("ag::prod::worker::1");
    CompletableFuture<ConnectionInfo> connected = a.connect();
    gw.nextConnection()
        .send(
            DownstreamMessage.newBuilder()
                .setConnectionAck(
                    io.github.aetherjava.proto.v1.ConnectionAck.newBuilder()
                        .setSessionId("s-1")
                        .setAssignedId("ag::prod::worker::from-certificate"))
                .build());
    connected.get(10, TimeUnit.SECONDS);
    assertThat(a.identity()).isEqualTo("ag::prod::worker::from-certificate");
  }
}
