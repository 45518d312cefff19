/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded;

import static io.github.aetherjava.gateway.embedded.TestClient.agent;
import static io.github.aetherjava.gateway.embedded.TestClient.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.github.aetherjava.proto.v1.ConfigSnapshot;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.ErrorResponse;
import io.github.aetherjava.proto.v1.InitConnection;
import io.github.aetherjava.proto.v1.KVOperation;
import io.github.aetherjava.proto.v1.KVOperation.OpType;
import io.github.aetherjava.proto.v1.KVOperation.Scope;
import io.github.aetherjava.proto.v1.KVResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class KvTest extends GatewayTestBase {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  @Override
  protected EmbeddedAetherGateway.Builder configure(EmbeddedAetherGateway.Builder builder) {
    return builder.clock(clock);
  }

  static KVOperation.Builder op(OpType type, Scope scope, String key) {
    return KVOperation.newBuilder().setOp(type).setScope(scope).setKey(key).setUserId("alice");
  }

  static KVOperation.Builder put(Scope scope, String key, String value) {
    return op(OpType.PUT, scope, key).setValue(ByteString.copyFromUtf8(value));
  }

  private TestClient agentClient(String ws, String spec) {
    TestClient c = connected(agent(ws, "impl", spec));
    assertThat(c.next().hasConfig()).isTrue();
    return c;
  }

  // ---- every operation in every scope
  // ---------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(value = Scope.class, names = "UNRECOGNIZED", mode = EnumSource.Mode.EXCLUDE)
  void everyOperationWorksInEveryScope(Scope scope) {
    TestClient c = agentClient("prod", "a");
    assertThat(c.kv(put(scope, "k", "v")).getSuccess()).isTrue();
    assertThat(utf8(c.kv(op(OpType.GET, scope, "k")).getValue())).isEqualTo("v");

    KVResponse list = c.kv(op(OpType.LIST, scope, ""));
    assertThat(list.getKeysList()).contains("k");
    assertThat(utf8(list.getKvMapMap().get("k"))).isEqualTo("v");

    assertThat(c.kv(op(OpType.INCREMENT, scope, "n")).getCounterValue()).isEqualTo(1);
    assertThat(c.kv(op(OpType.INCREMENT, scope, "n")).getCounterValue()).isEqualTo(2);
    assertThat(c.kv(op(OpType.DECREMENT, scope, "n")).getCounterValue()).isEqualTo(1);
    assertThat(utf8(c.kv(op(OpType.GET, scope, "n")).getValue())).isEqualTo("1");

    KVResponse incIf = c.kv(op(OpType.INCREMENT_IF, scope, "n").setDeltaValue(5).setGuardValue(10));
    assertThat(incIf.getApplied()).isTrue();
    assertThat(incIf.getCounterValue()).isEqualTo(6);
    KVResponse blocked =
        c.kv(op(OpType.INCREMENT_IF, scope, "n").setDeltaValue(5).setGuardValue(10));
    assertThat(blocked.getApplied()).isFalse();
    assertThat(blocked.getCounterValue()).isEqualTo(6);
    KVResponse decIf = c.kv(op(OpType.DECREMENT_IF, scope, "n").setGuardValue(5));
    assertThat(decIf.getApplied()).isTrue();
    assertThat(decIf.getCounterValue()).isEqualTo(5);
    assertThat(
            c.kv(op(OpType.DECREMENT_IF, scope, "n").setDeltaValue(1).setGuardValue(5))
                .getApplied())
        .isFalse();

    assertThat(
            c.kv(op(OpType.SET_NX, scope, "nx").setValue(ByteString.copyFromUtf8("1")))
                .getApplied())
        .isTrue();
    assertThat(
            c.kv(op(OpType.SET_NX, scope, "nx").setValue(ByteString.copyFromUtf8("2")))
                .getApplied())
        .isFalse();

    assertThat(
            c.kv(
                    op(OpType.COMPARE_AND_SET, scope, "nx")
                        .setExpectedValue(ByteString.copyFromUtf8("9"))
                        .setValue(ByteString.copyFromUtf8("3")))
                .getApplied())
        .isFalse();
    assertThat(
            c.kv(
                    op(OpType.COMPARE_AND_SET, scope, "nx")
                        .setExpectedValue(ByteString.copyFromUtf8("1"))
                        .setValue(ByteString.copyFromUtf8("3")))
                .getApplied())
        .isTrue();
    assertThat(
            c.kv(
                    op(OpType.COMPARE_AND_SET, scope, "missing")
                        .setExpectedValue(ByteString.EMPTY)
                        .setValue(ByteString.copyFromUtf8("x")))
                .getApplied())
        .isFalse();
    assertThat(
            c.kv(
                    op(OpType.COMPARE_AND_DELETE, scope, "nx")
                        .setExpectedValue(ByteString.copyFromUtf8("1")))
                .getApplied())
        .isFalse();
    assertThat(
            c.kv(
                    op(OpType.COMPARE_AND_DELETE, scope, "nx")
                        .setExpectedValue(ByteString.copyFromUtf8("3")))
                .getApplied())
        .isTrue();

    KVResponse add = c.kv(op(OpType.SET_ADD, scope, "set").setValue(ByteString.copyFromUtf8("m1")));
    assertThat(add.getApplied()).isTrue();
    assertThat(add.getCounterValue()).isEqualTo(1);
    assertThat(
            c.kv(op(OpType.SET_ADD, scope, "set").setValue(ByteString.copyFromUtf8("m1")))
                .getApplied())
        .isFalse();
    assertThat(
            c.kv(op(OpType.SET_ADD, scope, "set").setValue(ByteString.copyFromUtf8("m\"2")))
                .getCounterValue())
        .isEqualTo(2);
    assertThat(c.kv(op(OpType.SET_CARD, scope, "set")).getCounterValue()).isEqualTo(2);
    assertThat(c.kv(op(OpType.SET_CARD, scope, "none")).getCounterValue()).isZero();
    assertThat(utf8(c.kv(op(OpType.GET, scope, "set")).getValue()))
        .isEqualTo("[\"m1\",\"m\\\"2\"]");

    assertThat(c.kv(op(OpType.DELETE, scope, "k")).getSuccess()).isTrue();
    assertThat(c.kv(op(OpType.DELETE, scope, "k")).getSuccess()).isTrue();
    KVResponse miss = c.kv(op(OpType.GET, scope, "k"));
    assertThat(miss.getSuccess()).isTrue();
    assertThat(miss.getValue()).isEmpty();

    KVResponse purge =
        c.kv(op(OpType.PURGE_IDENTITY, scope, "").setTargetIdentity("ag::prod::impl::a"));
    assertThat(purge.getCounterValue()).isEqualTo(2); // "n" and "set" are left
    assertThat(c.kv(op(OpType.LIST, scope, "")).getKeysCount()).isZero();
  }

  // ---- visibility
  // ------------------------------------------------------------------------------------------------

  @Test
  void sharedScopesAreVisibleAcrossPrincipalsExclusiveOnesAreNot() {
    TestClient a = agentClient("prod", "a");
    TestClient b = agentClient("prod", "b");
    TestClient svc = connected(TestClient.service("impl", "a")); // same impl+spec as agent a
    a.kv(put(Scope.GLOBAL, "g", "1"));
    a.kv(put(Scope.WORKSPACE, "w", "1"));
    a.kv(put(Scope.USER_SHARED, "us", "1"));
    a.kv(put(Scope.GLOBAL_EXCLUSIVE, "ge", "1"));
    a.kv(put(Scope.WORKSPACE_EXCLUSIVE, "we", "1"));
    a.kv(put(Scope.USER, "u", "1"));

    assertThat(utf8(b.kv(op(OpType.GET, Scope.GLOBAL, "g")).getValue())).isEqualTo("1");
    assertThat(utf8(b.kv(op(OpType.GET, Scope.WORKSPACE, "w")).getValue())).isEqualTo("1");
    assertThat(utf8(b.kv(op(OpType.GET, Scope.SCOPE_UNSPECIFIED, "w")).getValue())).isEqualTo("1");
    assertThat(utf8(b.kv(op(OpType.GET, Scope.USER_SHARED, "us")).getValue())).isEqualTo("1");
    assertThat(b.kv(op(OpType.GET, Scope.GLOBAL_EXCLUSIVE, "ge")).getValue()).isEmpty();
    assertThat(b.kv(op(OpType.GET, Scope.WORKSPACE_EXCLUSIVE, "we")).getValue()).isEmpty();
    assertThat(b.kv(op(OpType.GET, Scope.USER, "u")).getValue()).isEmpty();

    // Exclusive scopes are keyed by impl+spec only, so a service with the same pair shares them (as
    // upstream).
    assertThat(utf8(svc.kv(op(OpType.GET, Scope.GLOBAL_EXCLUSIVE, "ge")).getValue()))
        .isEqualTo("1");
    assertThat(utf8(svc.kv(op(OpType.GET, Scope.USER, "u")).getValue())).isEqualTo("1");
    // Workspace-exclusive needs a workspace; the service has none, so it names one explicitly.
    assertThat(
            utf8(
                svc.kv(op(OpType.GET, Scope.WORKSPACE_EXCLUSIVE, "we").setWorkspace("prod"))
                    .getValue()))
        .isEqualTo("1");

    // Same agent impl+spec in another workspace sees global-exclusive data but not workspace data.
    TestClient aDev = agentClient("dev", "a");
    assertThat(utf8(aDev.kv(op(OpType.GET, Scope.GLOBAL_EXCLUSIVE, "ge")).getValue()))
        .isEqualTo("1");
    assertThat(aDev.kv(op(OpType.GET, Scope.WORKSPACE, "w")).getValue()).isEmpty();
    assertThat(aDev.kv(op(OpType.GET, Scope.WORKSPACE_EXCLUSIVE, "we")).getValue()).isEmpty();
  }

  @Test
  void explicitWorkspaceOverridesTheCallersWorkspace() {
    TestClient a = agentClient("prod", "a");
    a.kv(put(Scope.WORKSPACE, "k", "dev-value").setWorkspace("dev"));
    TestClient b = agentClient("dev", "b");
    assertThat(utf8(b.kv(op(OpType.GET, Scope.WORKSPACE, "k")).getValue())).isEqualTo("dev-value");
  }

  // ---- rejections
  // ----------------------------------------------------------------------------------------------

  static Stream<Arguments> notAllowedPrincipals() {
    return Stream.of(
        Arguments.of(TestClient.user("u", "w")),
        Arguments.of(TestClient.orchestrator("o", "1")),
        Arguments.of(TestClient.bridge("b", "1")));
  }

  @ParameterizedTest
  @MethodSource("notAllowedPrincipals")
  void usersOrchestratorsAndBridgesAreRejectedWithErrorOnly(InitConnection init) {
    TestClient c = connected(init);
    String id = c.kvAsync(op(OpType.GET, Scope.GLOBAL, "k"));
    ErrorResponse e = c.expectError("KV_ERROR");
    assertThat(e.getRequestId()).isEqualTo(id);
    assertThat(e.getMessage()).isEqualTo("internal error processing KV operation");
    assertNoKvResponse(c);
  }

  @Test
  void workflowEngineAndMetricsBridgeMayUseSharedButNotExclusiveScopes() {
    for (InitConnection init : List.of(TestClient.wfe(), TestClient.metricsBridge())) {
      TestClient c = connected(init);
      assertThat(c.kv(put(Scope.GLOBAL, "k", "v")).getSuccess()).isTrue();
      String id = c.kvAsync(op(OpType.GET, Scope.GLOBAL_EXCLUSIVE, "k"));
      assertThat(c.expectError("KV_ERROR").getRequestId()).isEqualTo(id);
    }
  }

  @Test
  void nonUniqueTasksCannotUseExclusiveScopes() {
    TestClient t = connected(TestClient.task("prod", "worker", ""));
    t.next();
    String id = t.kvAsync(op(OpType.GET, Scope.WORKSPACE_EXCLUSIVE, "k"));
    assertThat(t.expectError("KV_ERROR").getRequestId()).isEqualTo(id);
    assertThat(t.kv(put(Scope.WORKSPACE, "k", "v")).getSuccess()).isTrue();
  }

  @Test
  void scopeRequirementsAreValidatedBeforeTheOperation() {
    TestClient svc = connected(TestClient.service("svc", "1"));
    // A service has no workspace: workspace scopes need an explicit one.
    String id = svc.kvAsync(op(OpType.GET, Scope.WORKSPACE, "k"));
    assertThat(svc.expectError("KV_ERROR").getRequestId()).isEqualTo(id);
    // User scopes need a user id.
    String id2 = svc.kvAsync(op(OpType.GET, Scope.USER_SHARED, "k").clearUserId());
    assertThat(svc.expectError("KV_ERROR").getRequestId()).isEqualTo(id2);
  }

  @Test
  void operationFailuresSendBothTheFailedResponseAndTheError() {
    TestClient a = agentClient("prod", "a");
    a.kv(put(Scope.GLOBAL, "text", "abc"));
    for (KVOperation.Builder bad :
        List.of(
            op(OpType.INCREMENT, Scope.GLOBAL, "text"),
            op(OpType.GET, Scope.GLOBAL, ""),
            op(OpType.GET, Scope.GLOBAL, "x".repeat(257)),
            op(OpType.INCREMENT_IF, Scope.GLOBAL, "n").setDeltaValue(-1),
            op(OpType.SET_ADD, Scope.GLOBAL, "text").setValue(ByteString.copyFromUtf8("m")),
            op(OpType.PURGE_IDENTITY, Scope.GLOBAL, ""),
            op(OpType.LIST, Scope.GLOBAL, "").setCursor("***"),
            op(OpType.GET, Scope.GLOBAL, "k").setOpValue(99))) {
      String id = a.kvAsync(bad);
      DownstreamMessage first = a.next();
      assertThat(first.getKv().getSuccess()).as("%s", bad).isFalse();
      assertThat(first.getKv().getRequestId()).isEqualTo(id);
      ErrorResponse e = a.expectError("KV_ERROR");
      assertThat(e.getRequestId()).isEqualTo(id);
    }
  }

  @Test
  void oversizedValueIsAQuotaErrorOnly() {
    TestClient a = agentClient("prod", "a");
    String id =
        a.kvAsync(
            op(OpType.PUT, Scope.GLOBAL, "big")
                .setValue(ByteString.copyFrom(new byte[1024 * 1024 + 1])));
    ErrorResponse e = a.expectError("ERR_QUOTA_001");
    assertThat(e.getRequestId()).isEqualTo(id);
    assertNoKvResponse(a);
    assertThat(
            a.kv(
                    op(OpType.PUT, Scope.GLOBAL, "max")
                        .setValue(ByteString.copyFrom(new byte[1024 * 1024])))
                .getSuccess())
        .isTrue();
  }

  @Test
  void badAuthorizationContextIsPermissionDeniedPlusFailedResponse() {
    TestClient a = agentClient("prod", "a");
    String id =
        a.kvAsync(
            op(OpType.GET, Scope.GLOBAL, "k")
                .setAuthorization(
                    io.github.aetherjava.proto.v1.AuthorizationContext.newBuilder()
                        .setAuthorityMode("obo")));
    ErrorResponse e = a.expectError("ERR_PERMISSION_DENIED");
    assertThat(e.getRequestId()).isEqualTo(id);
    assertThat(e.getMessage()).isEqualTo("invalid authorization context");
    KVResponse r = a.next().getKv();
    assertThat(r.getSuccess()).isFalse();
    assertThat(r.getRequestId()).isEqualTo(id);
  }

  /** Nothing but the probe's answer may follow. */
  private static void assertNoKvResponse(TestClient c) {
    String probe = c.kvAsync(op(OpType.GET, Scope.GLOBAL, "probe"));
    DownstreamMessage next = c.next();
    if (next.hasKv()) {
      assertThat(next.getKv().getRequestId()).isEqualTo(probe);
    } else {
      // Principals without KV access answer the probe with an error as well.
      assertThat(next.getError().getRequestId()).isEqualTo(probe);
    }
  }

  // ---- TTL
  // -----------------------------------------------------------------------------------------------------

  @Test
  void ttlExpiresWithTheClock() {
    TestClient a = agentClient("prod", "a");
    a.kv(put(Scope.GLOBAL, "short", "v").setTtl(10));
    a.kv(put(Scope.GLOBAL, "forever", "v"));
    a.kv(op(OpType.INCREMENT, Scope.GLOBAL, "window").setTtl(10));
    a.kv(
        op(OpType.SET_NX, Scope.GLOBAL, "lease").setValue(ByteString.copyFromUtf8("me")).setTtl(5));
    clock.advance(Duration.ofSeconds(4));
    assertThat(a.kv(op(OpType.INCREMENT, Scope.GLOBAL, "window").setTtl(10)).getCounterValue())
        .isEqualTo(2);
    assertThat(
            a.kv(op(OpType.SET_NX, Scope.GLOBAL, "lease").setValue(ByteString.copyFromUtf8("you")))
                .getApplied())
        .isFalse();
    clock.advance(Duration.ofSeconds(2));
    assertThat(
            a.kv(op(OpType.SET_NX, Scope.GLOBAL, "lease").setValue(ByteString.copyFromUtf8("you")))
                .getApplied())
        .isTrue();
    assertThat(utf8(a.kv(op(OpType.GET, Scope.GLOBAL, "short")).getValue())).isEqualTo("v");
    clock.advance(Duration.ofSeconds(5));
    assertThat(a.kv(op(OpType.GET, Scope.GLOBAL, "short")).getValue()).isEmpty();
    assertThat(utf8(a.kv(op(OpType.GET, Scope.GLOBAL, "forever")).getValue())).isEqualTo("v");
    // The counter's window was fixed by its first increment, so it is gone too.
    assertThat(a.kv(op(OpType.INCREMENT, Scope.GLOBAL, "window")).getCounterValue()).isEqualTo(1);
    assertThat(a.kv(op(OpType.LIST, Scope.GLOBAL, "")).getKeysList())
        .containsExactlyInAnyOrder("forever", "window", "lease");
  }

  // ---- LIST paging
  // ---------------------------------------------------------------------------------------------

  @Test
  void listPagesAcrossSeveralPagesWithoutLossOrRepeat() {
    TestClient a = agentClient("prod", "a");
    Set<String> expected = new HashSet<>();
    for (int i = 0; i < 257; i++) {
      String k = "item/" + i;
      expected.add(k);
      a.kvAsync(put(Scope.WORKSPACE, k, "v" + i));
    }
    a.kv(put(Scope.WORKSPACE, "other", "x"));
    List<String> seen = new ArrayList<>();
    String cursor = "";
    int pages = 0;
    while (true) {
      KVResponse r = a.kv(op(OpType.LIST, Scope.WORKSPACE, "item/").setLimit(50).setCursor(cursor));
      pages++;
      assertThat(r.getKeysCount()).isLessThanOrEqualTo(50);
      assertThat(r.getKvMapMap().keySet()).containsExactlyInAnyOrderElementsOf(r.getKeysList());
      seen.addAll(r.getKeysList());
      if (!r.getHasMore()) {
        assertThat(r.getNextCursor()).isEmpty();
        break;
      }
      cursor = r.getNextCursor();
      assertThat(cursor).isNotEmpty();
    }
    assertThat(pages).isEqualTo(6);
    assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void listPagesStayBelowTheFrameLimit() {
    TestClient a = agentClient("prod", "a");
    ByteString mib = ByteString.copyFrom(new byte[1024 * 1024]);
    for (int i = 0; i < 20; i++) {
      a.kv(op(OpType.PUT, Scope.GLOBAL_EXCLUSIVE, "big" + (char) ('a' + i)).setValue(mib));
    }
    KVResponse first = a.kv(op(OpType.LIST, Scope.GLOBAL_EXCLUSIVE, "big"));
    assertThat(first.getKeysCount()).isBetween(1, 15);
    assertThat(first.getHasMore()).isTrue();
    KVResponse second =
        a.kv(op(OpType.LIST, Scope.GLOBAL_EXCLUSIVE, "big").setCursor(first.getNextCursor()));
    assertThat(first.getKeysCount() + second.getKeysCount()).isEqualTo(20);
    assertThat(second.getHasMore()).isFalse();
  }

  @Test
  void listDefaultsToOneHundred() {
    TestClient a = agentClient("prod", "a");
    for (int i = 0; i < 120; i++) {
      a.kvAsync(put(Scope.GLOBAL_EXCLUSIVE, String.format("k%03d", i), "v"));
    }
    a.kv(op(OpType.GET, Scope.GLOBAL, "sync"));
    KVResponse r = a.kv(op(OpType.LIST, Scope.GLOBAL_EXCLUSIVE, ""));
    assertThat(r.getKeysCount()).isEqualTo(100);
    assertThat(r.getHasMore()).isTrue();
  }

  // ---- concurrency
  // -----------------------------------------------------------------------------------------------

  @Test
  void concurrentIncrementsFromManyClientsSumExactly() {
    List<TestClient> clients = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      clients.add(tcpClient());
      clients.get(i).connect(agent("prod", "impl", "c" + i));
    }
    List<CompletableFuture<Void>> runs = new ArrayList<>();
    for (TestClient c : clients) {
      runs.add(
          CompletableFuture.runAsync(
              () -> {
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < 250; i++) {
                  ids.add(c.kvAsync(op(OpType.INCREMENT, Scope.GLOBAL, "total")));
                }
                Set<String> pending = new HashSet<>(ids);
                while (!pending.isEmpty()) {
                  DownstreamMessage m = c.next();
                  if (m.hasKv()) {
                    assertThat(m.getKv().getSuccess()).isTrue();
                    pending.remove(m.getKv().getRequestId());
                  }
                }
              }));
    }
    CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).join();
    assertThat(utf8(clients.get(0).kv(op(OpType.GET, Scope.GLOBAL, "total")).getValue()))
        .isEqualTo("2000");
  }

  // ---- snapshot
  // ------------------------------------------------------------------------------------------------

  @Test
  void snapshotCarriesTheExclusiveScopesAtConnect() {
    TestClient a = agentClient("prod", "a");
    a.kv(put(Scope.WORKSPACE_EXCLUSIVE, "model", "gpt"));
    a.kv(put(Scope.GLOBAL_EXCLUSIVE, "region", "eu"));
    a.kv(put(Scope.WORKSPACE_EXCLUSIVE, "dev-only", "x").setWorkspace("dev"));
    a.kv(put(Scope.GLOBAL, "shared", "not-pushed"));
    for (int i = 0; i < 120; i++) {
      a.kvAsync(put(Scope.GLOBAL_EXCLUSIVE, String.format("bulk%03d", i), "v"));
    }
    a.kv(op(OpType.GET, Scope.GLOBAL, "sync"));
    a.halfClose();
    a.awaitClosed();
    org.awaitility.Awaitility.await().until(() -> gateway.connectedIdentities().isEmpty());

    TestClient again = client();
    again.connect(agent("prod", "impl", "a"));
    ConfigSnapshot snap = again.next().getConfig();
    assertThat(TestClient.utf8(snap.getWorkspaceExclusiveKvMap()))
        .containsExactly(java.util.Map.entry("model", "gpt"));
    assertThat(snap.getGlobalExclusiveKvCount()).isEqualTo(100);
    assertThat(utf8(snap.getGlobalExclusiveKvMap().get("bulk000"))).isEqualTo("v");
    assertThat(snap.getTaskContextCount()).isZero();

    TestClient task = client();
    task.connect(TestClient.task("prod", "impl", "a"));
    // A unique task with the same impl+spec shares the exclusive namespace (keyed by impl+spec, as
    // upstream).
    assertThat(utf8(task.next().getConfig().getWorkspaceExclusiveKvMap().get("model")))
        .isEqualTo("gpt");
  }

  // ---- lite parity
  // -----------------------------------------------------------------------------------------------

  @Test
  void liteParityDeniesSharedScopes() {
    EmbeddedAetherGateway lite =
        track(
            EmbeddedAetherGateway.builder()
                .policyMode(PolicyMode.LITE_PARITY)
                .inProcessName("lite-" + java.util.UUID.randomUUID())
                .tcp(false)
                .start());
    var ch = io.grpc.inprocess.InProcessChannelBuilder.forName(lite.inProcessName()).build();
    track(() -> ch.shutdownNow());
    TestClient a = track(TestClient.open(ch));
    a.connect(agent("prod", "impl", "a"));
    a.next();
    assertThat(a.kv(put(Scope.WORKSPACE_EXCLUSIVE, "k", "v")).getSuccess()).isTrue();
    assertThat(utf8(a.kv(op(OpType.GET, Scope.WORKSPACE_EXCLUSIVE, "k")).getValue()))
        .isEqualTo("v");
    assertThat(a.kv(op(OpType.INCREMENT, Scope.GLOBAL_EXCLUSIVE, "n")).getCounterValue())
        .isEqualTo(1);
    // LIST has no owner shortcut in AetherLite: refused even in the caller's own exclusive scope.
    String listId = a.kvAsync(op(OpType.LIST, Scope.WORKSPACE_EXCLUSIVE, ""));
    assertThat(a.next().getKv().getSuccess()).isFalse();
    assertThat(a.expectError("KV_ERROR").getRequestId()).isEqualTo(listId);
    for (Scope shared :
        List.of(Scope.GLOBAL, Scope.WORKSPACE, Scope.USER_SHARED, Scope.USER_WORKSPACE_SHARED)) {
      String id = a.kvAsync(put(shared, "k", "v"));
      assertThat(a.next().getKv().getSuccess()).isFalse();
      assertThat(a.expectError("KV_ERROR").getRequestId()).isEqualTo(id);
    }
  }
}
