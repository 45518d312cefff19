/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AetherException;
import io.github.aetherjava.client.AetherTimeoutException;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.ClientObserver;
import io.github.aetherjava.client.ConnectionException;
import io.github.aetherjava.client.FailureReason;
import io.github.aetherjava.client.GatewayErrorException;
import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.ReconnectPolicy;
import io.github.aetherjava.client.RequestObservation;
import io.github.aetherjava.client.ServiceClient;
import io.github.aetherjava.client.TaskClient;
import io.github.aetherjava.client.checkpoint.Checkpoint;
import io.github.aetherjava.client.checkpoint.CheckpointTtl;
import io.github.aetherjava.client.testing.FakeGateway;
import io.github.aetherjava.proto.v1.CheckpointOperation;
import io.github.aetherjava.proto.v1.CheckpointResponse;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.ErrorResponse;
import io.github.aetherjava.proto.v1.KVOperation;
import io.github.aetherjava.proto.v1.KVResponse;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Wire shape and failure handling of KV and checkpoint requests against the fake gateway. */
class KvProtocolTest {

  static {
    // poll at once and often: Awaitility's default 100 ms first delay adds up over many small waits
    org.awaitility.Awaitility.setDefaultPollDelay(java.time.Duration.ZERO);
    org.awaitility.Awaitility.setDefaultPollInterval(java.time.Duration.ofMillis(5));
  }

  private FakeGateway gw;
  private AgentClient agent;
  private FakeGateway.Conn conn;
  private final List<String> observed = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    gw = FakeGateway.inProcess();
    AetherClientOptions o =
        AetherClientOptions.builder()
            .address(gw.address())
            .reconnect(
                ReconnectPolicy.builder()
                    .initialDelay(Duration.ofMillis(10))
                    .maxDelay(Duration.ofMillis(20))
                    .build())
            .addObserver(
                new ClientObserver() {
                  @Override
                  public RequestObservation onRequest(AetherClient client, String operation) {
                    return error -> observed.add(operation + (error == null ? ":ok" : ":failed"));
                  }
                })
            .build();
    agent =
        AgentClient.builder(o).workspace("prod").implementation("worker").specifier("1").build();
    agent.connect().get(10, TimeUnit.SECONDS);
    conn = gw.nextConnection();
  }

  @AfterEach
  void tearDown() {
    agent.close();
    gw.close();
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

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void getPutAndCountersRoundTripWithDistinctRequestIds() throws Exception {
    CompletableFuture<Void> put = agent.kv().put(KvTarget.workspaceExclusive(), "state", "ready");
    KVOperation op = conn.next().getKvOp();
    assertThat(op.getOp()).isEqualTo(KVOperation.OpType.PUT);
    assertThat(op.getScope()).isEqualTo(KVOperation.Scope.WORKSPACE_EXCLUSIVE);
    assertThat(op.getValue().toStringUtf8()).isEqualTo("ready");
    assertThat(op.getRequestId()).isNotBlank();
    conn.send(
        DownstreamMessage.newBuilder()
            .setKv(KVResponse.newBuilder().setSuccess(true).setRequestId(op.getRequestId()))
            .build());
    put.get(10, TimeUnit.SECONDS);

    CompletableFuture<KvValue> get = agent.kv().get(KvTarget.workspaceExclusive(), "state");
    KVOperation g = conn.next().getKvOp();
    conn.send(
        DownstreamMessage.newBuilder()
            .setKv(
                KVResponse.newBuilder()
                    .setSuccess(true)
                    .setValue(ByteString.copyFromUtf8("ready"))
                    .setRequestId(g.getRequestId()))
            .build());
    assertThat(get.get(10, TimeUnit.SECONDS).asString()).isEqualTo("ready");

    CompletableFuture<KvCounterResult> inc =
        agent.kv().incrementIf(KvTarget.globalExclusive(), "n", 2, 10);
    KVOperation i = conn.next().getKvOp();
    assertThat(List.of(op.getRequestId(), g.getRequestId(), i.getRequestId()))
        .doesNotHaveDuplicates();
    assertThat(i.getDeltaValue()).isEqualTo(2);
    assertThat(i.getGuardValue()).isEqualTo(10);
    conn.send(
        DownstreamMessage.newBuilder()
            .setKv(
                KVResponse.newBuilder()
                    .setSuccess(true)
                    .setCounterValue(7)
                    .setApplied(true)
                    .setRequestId(i.getRequestId()))
            .build());
    assertThat(inc.get(10, TimeUnit.SECONDS)).isEqualTo(new KvCounterResult(7, true));
    await()
        .until(() -> observed.containsAll(List.of("kv.put:ok", "kv.get:ok", "kv.incrementIf:ok")));
  }

  @Test
  void listPagesAreSortedAndCarryTheCursor() throws Exception {
    CompletableFuture<KvPage> page =
        agent.kv().list(KvTarget.globalExclusive(), "job/", 2, "job/b");
    KVOperation op = conn.next().getKvOp();
    assertThat(op.getLimit()).isEqualTo(2);
    assertThat(op.getCursor()).isEqualTo("job/b");
    assertThat(op.getKey()).isEqualTo("job/");
    conn.send(
        DownstreamMessage.newBuilder()
            .setKv(
                KVResponse.newBuilder()
                    .setSuccess(true)
                    .addKeys("job/d")
                    .addKeys("job/c")
                    .putKvMap("job/d", ByteString.copyFromUtf8("4"))
                    .putKvMap("job/c", ByteString.copyFromUtf8("3"))
                    .setHasMore(true)
                    .setNextCursor("job/e")
                    .setRequestId(op.getRequestId()))
            .build());
    KvPage p = page.get(10, TimeUnit.SECONDS);
    assertThat(p.keys()).containsExactly("job/c", "job/d");
    assertThat(p.entries().get(1).asString()).isEqualTo("4");
    assertThat(p.hasMore()).isTrue();
    assertThat(p.nextCursor()).isEqualTo("job/e");
  }

  @Test
  void anErrorResponseCarryingTheRequestIdFailsAtOnce() {
    CompletableFuture<Void> put =
        agent
            .kv()
            .put(KvTarget.global(), "big", new byte[10], Duration.ZERO, Duration.ofMinutes(5));
    KVOperation op = conn.nextOrFail().getKvOp();
    conn.send(
        DownstreamMessage.newBuilder()
            .setError(
                ErrorResponse.newBuilder()
                    .setCode("ERR_QUOTA_001")
                    .setMessage("value too large")
                    .setRequestId(op.getRequestId()))
            .build());
    Throwable t = failure(put);
    assertThat(t)
        .isInstanceOf(GatewayErrorException.class)
        .hasMessageContaining("kv.put 'big' (global)");
    assertThat(((GatewayErrorException) t).code()).isEqualTo("ERR_QUOTA_001");
    await().until(() -> observed.contains("kv.put:failed"));
  }

  @Test
  void aFailedKvResponseFailsAtOnce() {
    CompletableFuture<KvValue> get = agent.kv().get(KvTarget.global(), "k", Duration.ofMinutes(5));
    KVOperation op = conn.nextOrFail().getKvOp();
    conn.send(
        DownstreamMessage.newBuilder()
            .setKv(KVResponse.newBuilder().setSuccess(false).setRequestId(op.getRequestId()))
            .build());
    conn.send(
        DownstreamMessage.newBuilder()
            .setError(
                ErrorResponse.newBuilder()
                    .setCode("KV_ERROR")
                    .setMessage("internal error processing KV operation")
                    .setRequestId(op.getRequestId()))
            .build());
    assertThat(failure(get))
        .isInstanceOf(GatewayErrorException.class)
        .hasMessageContaining("kv.get 'k'");
  }

  @Test
  void requestsTimeOut() {
    Throwable t = failure(agent.kv().get(KvTarget.global(), "k", Duration.ofMillis(100)));
    assertThat(t).isInstanceOf(AetherTimeoutException.class).hasMessageContaining("kv.get");
    assertThat(agent.status().pendingRequests()).isZero();
  }

  @Test
  void aDroppedStreamFailsPendingWritesFastWithDisconnected() {
    CompletableFuture<Void> put =
        agent.kv().put(KvTarget.global(), "k", utf8("v"), Duration.ZERO, Duration.ofMinutes(5));
    conn.nextOrFail();
    conn.close(Status.UNAVAILABLE.withDescription("cut"));
    Throwable t = failure(put);
    assertThat(t).isInstanceOf(ConnectionException.class);
    assertThat(((AetherException) t).reason()).isEqualTo(FailureReason.DISCONNECTED);
    assertThat(((AetherException) t).isRecoverable()).isTrue();
  }

  @Test
  void anInFlightReadIsAskedAgainOnTheNextStream() throws Exception {
    gw.autoAck = false;
    CompletableFuture<KvValue> get = agent.kv().get(KvTarget.global(), "k", Duration.ofMinutes(5));
    String id = conn.next().getKvOp().getRequestId();
    conn.close(Status.UNAVAILABLE.withDescription("cut"));
    FakeGateway.Conn c2 = gw.nextConnection();
    assertThat(get).isNotDone();
    c2.send(
        DownstreamMessage.newBuilder()
            .setConnectionAck(
                io.github.aetherjava.proto.v1.ConnectionAck.newBuilder().setSessionId("s-2"))
            .build());
    KVOperation again = c2.next().getKvOp();
    assertThat(again.getRequestId()).isEqualTo(id);
    c2.send(
        DownstreamMessage.newBuilder()
            .setKv(
                KVResponse.newBuilder()
                    .setSuccess(true)
                    .setValue(ByteString.copyFromUtf8("v"))
                    .setRequestId(id))
            .build());
    assertThat(get.get(10, TimeUnit.SECONDS).asString()).isEqualTo("v");
  }

  @Test
  void aTerminalDropFailsEvenReads() {
    CompletableFuture<KvValue> get = agent.kv().get(KvTarget.global(), "k", Duration.ofMinutes(5));
    conn.nextOrFail();
    conn.close(Status.PERMISSION_DENIED);
    Throwable t = failure(get);
    assertThat(((AetherException) t).isRecoverable()).isFalse();
  }

  @Test
  void requestsMadeWhileReconnectingAreSentAfterTheAck() throws Exception {
    gw.autoAck = false;
    conn.close(Status.UNAVAILABLE);
    FakeGateway.Conn c2 = gw.nextConnection();
    await().until(() -> !agent.isConnected());
    CompletableFuture<Long> inc = agent.kv().increment(KvTarget.globalExclusive(), "n");
    assertThat(agent.status().bufferedSends()).isEqualTo(1);
    c2.send(
        DownstreamMessage.newBuilder()
            .setConnectionAck(
                io.github.aetherjava.proto.v1.ConnectionAck.newBuilder().setSessionId("s-2"))
            .build());
    KVOperation op = c2.next().getKvOp();
    c2.send(
        DownstreamMessage.newBuilder()
            .setKv(
                KVResponse.newBuilder()
                    .setSuccess(true)
                    .setCounterValue(1)
                    .setRequestId(op.getRequestId()))
            .build());
    assertThat(inc.get(10, TimeUnit.SECONDS)).isEqualTo(1L);
  }

  @Test
  void scopeParametersAreValidatedBeforeSending() throws Exception {
    assertThat(failure(agent.kv().get(KvTarget.of(KvScope.USER), "k")))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("user id");
    assertThat(failure(agent.kv().get(KvTarget.global(), "")))
        .isInstanceOf(InvalidArgumentException.class);
    assertThat(failure(agent.kv().get(KvTarget.global(), "k".repeat(257))))
        .isInstanceOf(InvalidArgumentException.class);
    assertThat(failure(agent.kv().incrementIf(KvTarget.global(), "k", -1, 5)))
        .isInstanceOf(InvalidArgumentException.class);
    assertThat(failure(agent.kv().put(KvTarget.global(), "k", utf8("v"), Duration.ofSeconds(-1))))
        .isInstanceOf(InvalidArgumentException.class);
    TaskClient pool =
        TaskClient.builder(agent.options()).workspace("prod").implementation("w").build();
    assertThat(failure(pool.kv().get(KvTarget.globalExclusive(), "k")))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("pool workers");
    ServiceClient sv =
        ServiceClient.builder(agent.options()).implementation("s").specifier("1").build();
    assertThat(failure(sv.kv().get(KvTarget.workspaceScope(), "k")))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("needs a workspace");
    // nothing reached the gateway
    assertThat(conn.received.poll(100, TimeUnit.MILLISECONDS)).isNull();
    CompletableFuture<KvValue> ok =
        agent.kv().get(KvTarget.userWorkspaceShared("alice").inWorkspace("other"), "k");
    KVOperation op = conn.next().getKvOp();
    assertThat(op.getScope()).isEqualTo(KVOperation.Scope.USER_WORKSPACE_SHARED);
    assertThat(op.getUserId()).isEqualTo("alice");
    assertThat(op.getWorkspace()).isEqualTo("other");
    conn.send(
        DownstreamMessage.newBuilder()
            .setKv(KVResponse.newBuilder().setSuccess(true).setRequestId(op.getRequestId()))
            .build());
    assertThat(ok.get(10, TimeUnit.SECONDS).isEmpty()).isTrue();
  }

  @Test
  void everyScopeAndOperationMapsToTheWire() throws Exception {
    gw.responder =
        (c, m) -> m.hasKvOp() ? List.of(FakeGateway.kvOk(m, KVResponse.newBuilder())) : null;
    for (KvScope scope : KvScope.values()) {
      KvTarget t = new KvTarget(scope, "prod", "alice");
      KvClient kv = agent.kv();
      List<CompletableFuture<?>> all =
          List.of(
              kv.get(t, "k"),
              kv.put(t, "k", utf8("v"), Duration.ofMillis(1500)),
              kv.delete(t, "k"),
              kv.list(t, "p"),
              kv.increment(t, "k"),
              kv.decrement(t, "k"),
              kv.incrementIf(t, "k", 1, 5),
              kv.decrementIf(t, "k", 1, 0),
              kv.setNx(t, "k", utf8("v")),
              kv.compareAndSet(t, "k", utf8("a"), utf8("b")),
              kv.compareAndDelete(t, "k", utf8("a")),
              kv.setAdd(t, "k", utf8("m")),
              kv.setCard(t, "k"),
              kv.purgeIdentity(t, "ag::prod::x::1", ""));
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
    }
    await().until(() -> observed.size() >= 14 * 8);
    assertThat(observed)
        .contains(
            "kv.setNx:ok",
            "kv.compareAndSet:ok",
            "kv.compareAndDelete:ok",
            "kv.setAdd:ok",
            "kv.setCard:ok",
            "kv.purgeIdentity:ok",
            "kv.decrementIf:ok",
            "kv.list:ok",
            "kv.delete:ok");
  }

  @Test
  void fireAndForgetCarriesNoRequestId() throws Exception {
    agent
        .kv()
        .putAndForget(KvTarget.global(), "k", utf8("v"), Duration.ofSeconds(60))
        .get(10, TimeUnit.SECONDS);
    KVOperation op = conn.next().getKvOp();
    assertThat(op.getRequestId()).isEmpty();
    assertThat(op.getTtl()).isEqualTo(60);
    agent.kv().incrementAndForget(KvTarget.global(), "n").get(10, TimeUnit.SECONDS);
    assertThat(conn.next().getKvOp().getOp()).isEqualTo(KVOperation.OpType.INCREMENT);
  }

  @Test
  void framesOverTheGatewaysFourMibLimitAreRefusedLocally() {
    Throwable t = failure(agent.kv().put(KvTarget.global(), "huge", new byte[5 * 1024 * 1024]));
    assertThat(t).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("4 MiB");
    assertThat(agent.status().pendingRequests()).isZero();
  }

  @Test
  void checkpointsUseTheDefaultKeyTtlSemanticsAndTypedResults() throws Exception {
    gw.responder =
        (c, m) -> {
          if (!m.hasCheckpointOp()) {
            return null;
          }
          CheckpointOperation op = m.getCheckpointOp();
          c.received.add(m);
          CheckpointResponse.Builder r =
              CheckpointResponse.newBuilder().setSuccess(true).setRequestId(op.getRequestId());
          switch (op.getOp()) {
            case SAVE -> r.setSavedAt(1_700_000_000L);
            case LOAD -> {
              if (op.getKey().equals("missing")) {
                break;
              }
              r.setData(ByteString.copyFromUtf8("state")).setSavedAt(1_700_000_000L);
            }
            case LIST -> r.addKeys("default").addKeys("other");
            case DELETE ->
                r.setSuccess(!op.getKey().equals("locked")).setError("store unavailable");
            default -> {}
          }
          return List.of(DownstreamMessage.newBuilder().setCheckpoint(r).build());
        };
    assertThat(
            agent.checkpoint().save(utf8("x")).get(10, TimeUnit.SECONDS).savedAt().getEpochSecond())
        .isEqualTo(1_700_000_000L);
    CheckpointOperation save = conn.next().getCheckpointOp();
    assertThat(save.getKey()).isEqualTo("default");
    assertThat(save.getTtl()).isEqualTo(-1);
    agent.checkpoint().save("a", utf8("x"), CheckpointTtl.never()).get(10, TimeUnit.SECONDS);
    assertThat(conn.next().getCheckpointOp().getTtl()).isZero();
    agent
        .checkpoint()
        .save("a", utf8("x"), CheckpointTtl.of(Duration.ofMillis(1500)))
        .get(10, TimeUnit.SECONDS);
    assertThat(conn.next().getCheckpointOp().getTtl()).isEqualTo(2);
    Checkpoint loaded = agent.checkpoint().load().get(10, TimeUnit.SECONDS);
    assertThat(loaded.asString()).isEqualTo("state");
    assertThat(loaded.isPresent()).isTrue();
    Checkpoint missing = agent.checkpoint().load("missing").get(10, TimeUnit.SECONDS);
    assertThat(missing.isPresent()).isFalse();
    assertThat(missing.savedAt()).isNull();
    assertThat(agent.checkpoint().list().get(10, TimeUnit.SECONDS))
        .containsExactly("default", "other");
    Throwable t = failure(agent.checkpoint().delete("locked"));
    assertThat(t)
        .isInstanceOf(GatewayErrorException.class)
        .hasMessageContaining("store unavailable");
    await()
        .until(
            () ->
                observed.containsAll(
                    List.of(
                        "checkpoint.save:ok",
                        "checkpoint.load:ok",
                        "checkpoint.list:ok",
                        "checkpoint.delete:failed")));
  }

  @Test
  void aFailedRequestIsReportedOnceEvenWhenTheGatewayAlsoSendsAnErrorWithItsId() throws Exception {
    List<io.github.aetherjava.client.GatewayError> uncorrelated = new CopyOnWriteArrayList<>();
    agent.onError(uncorrelated::add);
    CompletableFuture<KvValue> get = agent.kv().get(KvTarget.workspaceExclusive(), "denied");
    KVOperation op = conn.next().getKvOp();
    conn.send(
        DownstreamMessage.newBuilder()
            .setKv(KVResponse.newBuilder().setSuccess(false).setRequestId(op.getRequestId()))
            .build());
    conn.send(
        DownstreamMessage.newBuilder()
            .setError(
                ErrorResponse.newBuilder()
                    .setCode("ERR_PERMISSION_DENIED")
                    .setMessage("no")
                    .setRequestId(op.getRequestId()))
            .build());
    // a marker after it: once the marker arrives, the error before it has been routed
    conn.send(
        DownstreamMessage.newBuilder()
            .setError(ErrorResponse.newBuilder().setCode("MARKER").setMessage("after"))
            .build());
    assertThat(failure(get)).isInstanceOf(GatewayErrorException.class);
    await().until(() -> !uncorrelated.isEmpty());
    assertThat(uncorrelated)
        .extracting(io.github.aetherjava.client.GatewayError::code)
        .containsExactly("MARKER");
    assertThat(observed).containsExactly("kv.get:failed");
  }
}
