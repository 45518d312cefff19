/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded;

import static io.github.aetherjava.gateway.embedded.TestClient.agent;
import static io.github.aetherjava.gateway.embedded.TestClient.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.github.aetherjava.proto.v1.ACLGrantRequest;
import io.github.aetherjava.proto.v1.ACLOperation;
import io.github.aetherjava.proto.v1.ACLResponse;
import io.github.aetherjava.proto.v1.ACLRuleFilter;
import io.github.aetherjava.proto.v1.ACLSetFallbackRequest;
import io.github.aetherjava.proto.v1.KVOperation;
import io.github.aetherjava.proto.v1.MessageType;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link PolicyMode#LITE_PARITY}: ACL rules and fallback policies made through the admin stream
 * change KV and send decisions as on AetherLite (each case also runs against AetherLite in {@code
 * AdminConformanceTests}).
 */
class LiteParityAclTest extends GatewayTestBase {

  private static final int NONE = 0;
  private static final int READ = 10;
  private static final int READ_WRITE = 20;
  private static final int MANAGE = 30;

  private TestClient admin;

  @Override
  protected EmbeddedAetherGateway.Builder configure(EmbeddedAetherGateway.Builder builder) {
    return builder.policyMode(PolicyMode.LITE_PARITY);
  }

  @BeforeEach
  void orchestrator() {
    // Orchestrators may always administer.
    admin = connected(TestClient.orchestrator("ops", "1"));
  }

  private ACLResponse acl(ACLOperation.Builder op) {
    String id = UUID.randomUUID().toString();
    admin.send(UpstreamMessage.newBuilder().setAclOp(op.setRequestId(id)).build());
    ACLResponse r = admin.next(f -> f.hasAcl() && f.getAcl().getRequestId().equals(id)).getAcl();
    assertThat(r.getSuccess()).as("ACL response %s", r).isTrue();
    return r;
  }

  private void grant(String type, String id, String resourceType, String resourceId, int level) {
    acl(
        ACLOperation.newBuilder()
            .setOp(ACLOperation.OpType.GRANT)
            .setGrantRequest(
                ACLGrantRequest.newBuilder()
                    .setPrincipalType(type)
                    .setPrincipalId(id)
                    .setResourceType(resourceType)
                    .setResourceId(resourceId)
                    .setAccessLevel(level)));
  }

  private void revoke(String type, String id, String resourceType, String resourceId) {
    acl(
        ACLOperation.newBuilder()
            .setOp(ACLOperation.OpType.REVOKE)
            .setRuleFilter(
                ACLRuleFilter.newBuilder()
                    .setPrincipalType(type)
                    .setPrincipalId(id)
                    .setResourceType(resourceType)
                    .setResourceId(resourceId)));
  }

  private void fallback(String category, int level) {
    acl(
        ACLOperation.newBuilder()
            .setOp(ACLOperation.OpType.SET_FALLBACK_POLICY)
            .setFallbackRequest(
                ACLSetFallbackRequest.newBuilder()
                    .setRuleCategory(category)
                    .setFallbackAccessLevel(level)));
  }

  private static KVOperation.Builder put(KVOperation.Scope scope, String key, String value) {
    return KVOperation.newBuilder()
        .setOp(KVOperation.OpType.PUT)
        .setScope(scope)
        .setKey(key)
        .setValue(ByteString.copyFromUtf8(value));
  }

  private static KVOperation.Builder op(
      KVOperation.OpType op, KVOperation.Scope scope, String key) {
    return KVOperation.newBuilder().setOp(op).setScope(scope).setKey(key);
  }

  @Test
  void aScopeGrantLiftsTheSharedScopeDenialAtItsLevelUntilRevoked() {
    TestClient a = connected(agent("prod", "impl", "a"));
    String id = "ag::prod::impl::a";
    KVOperation.Scope global = KVOperation.Scope.GLOBAL;
    assertThat(a.kv(put(global, "k", "v0")).getSuccess()).isFalse();
    assertThat(a.nextError().getCode()).isEqualTo("KV_ERROR");

    grant("agent", id, "kv_scope", "global", READ_WRITE);
    assertThat(a.kv(put(global, "k", "v1")).getSuccess()).isTrue();
    assertThat(utf8(a.kv(op(KVOperation.OpType.GET, global, "k")).getValue())).isEqualTo("v1");
    assertThat(a.kv(op(KVOperation.OpType.LIST, global, "")).getKeysList()).containsExactly("k");

    grant("agent", id, "kv_scope", "global", READ);
    assertThat(a.kv(op(KVOperation.OpType.GET, global, "k")).getSuccess()).isTrue();
    assertThat(a.kv(op(KVOperation.OpType.SET_CARD, global, "no-set")).getSuccess()).isTrue();
    assertThat(a.kv(put(global, "k", "v2")).getSuccess()).isFalse();
    assertThat(a.kv(op(KVOperation.OpType.INCREMENT, global, "n")).getSuccess()).isFalse();

    revoke("agent", id, "kv_scope", "global");
    assertThat(a.kv(op(KVOperation.OpType.GET, global, "k")).getSuccess()).isFalse();
    // Other agents never had the grant.
    TestClient b = connected(agent("prod", "impl", "b"));
    grant("agent", id, "kv_scope", "global", READ_WRITE);
    assertThat(b.kv(op(KVOperation.OpType.GET, global, "k")).getSuccess()).isFalse();
  }

  @Test
  void theKvScopeFallbackPolicyOpensEveryScopeForThatPrincipalType() {
    TestClient a = connected(agent("prod", "impl", "a"));
    TestClient s = connected(TestClient.service("svc", "1"));
    fallback("agent_kv_scope", READ);
    assertThat(a.kv(op(KVOperation.OpType.GET, KVOperation.Scope.WORKSPACE, "k")).getSuccess())
        .isTrue();
    assertThat(a.kv(put(KVOperation.Scope.WORKSPACE, "k", "v")).getSuccess()).isFalse();
    assertThat(s.kv(op(KVOperation.OpType.GET, KVOperation.Scope.GLOBAL, "k")).getSuccess())
        .isFalse();

    fallback("agent_kv_scope", READ_WRITE);
    assertThat(a.kv(put(KVOperation.Scope.WORKSPACE, "k", "v")).getSuccess()).isTrue();
    // An explicit rule beats the fallback, also when it grants less.
    grant("agent", "ag::prod::impl::a", "kv_scope", "workspace", NONE);
    assertThat(a.kv(op(KVOperation.OpType.GET, KVOperation.Scope.WORKSPACE, "k")).getSuccess())
        .isFalse();

    fallback("agent_kv_scope", NONE);
    revoke("agent", "ag::prod::impl::a", "kv_scope", "workspace");
    assertThat(a.kv(op(KVOperation.OpType.GET, KVOperation.Scope.WORKSPACE, "k")).getSuccess())
        .isFalse();
  }

  @Test
  void aKeyRuleDecidesBeforeTheScopeRule() {
    TestClient a = connected(agent("prod", "impl", "a"));
    String id = "ag::prod::impl::a";
    KVOperation.Scope ws = KVOperation.Scope.WORKSPACE;
    grant("agent", id, "kv_key", "mine", READ_WRITE);
    assertThat(a.kv(put(ws, "mine", "v")).getSuccess()).isTrue();
    assertThat(a.kv(put(ws, "other", "v")).getSuccess()).isFalse();

    grant("agent", id, "kv_scope", "workspace", READ_WRITE);
    grant("agent", id, "kv_key", "secret", NONE);
    assertThat(a.kv(put(ws, "other", "v")).getSuccess()).isTrue();
    assertThat(a.kv(op(KVOperation.OpType.GET, ws, "secret")).getSuccess()).isFalse();
  }

  @Test
  void listingAndPurgingNeedGrantsEvenInTheOwnersScopes() {
    TestClient a = connected(agent("prod", "impl", "a"));
    String id = "ag::prod::impl::a";
    KVOperation.Scope own = KVOperation.Scope.GLOBAL_EXCLUSIVE;
    assertThat(a.kv(put(own, "x", "1")).getSuccess()).isTrue();
    assertThat(a.kv(op(KVOperation.OpType.LIST, own, "")).getSuccess()).isFalse();
    grant("agent", id, "kv_scope", "global-exclusive", READ);
    assertThat(a.kv(op(KVOperation.OpType.LIST, own, "")).getKeysList()).containsExactly("x");

    KVOperation.Builder purge =
        op(KVOperation.OpType.PURGE_IDENTITY, own, "").setTargetIdentity("ag::prod::impl::gone");
    assertThat(a.kv(purge.clone()).getSuccess()).isFalse();
    grant("agent", id, "capability", "capability/kv_purge_identity", READ_WRITE);
    assertThat(a.kv(purge.clone()).getSuccess()).isFalse();
    grant("agent", id, "capability", "capability/kv_purge_identity", MANAGE);
    assertThat(a.kv(purge.clone()).getSuccess()).isTrue();
  }

  @Test
  void servicesAndOrchestratorsSendIntoAWorkspaceOnlyWithAGrant() {
    TestClient target = connected(agent("prod", "impl", "t"));
    TestClient svc = connected(TestClient.service("svc", "1"));
    TestClient orc = connected(TestClient.orchestrator("launcher", "1"));
    for (TestClient c : java.util.List.of(svc, orc)) {
      c.sendMessage("ag::prod::impl::t", "denied");
      assertThat(c.expectError("ERR_PERMISSION_DENIED").getMessage())
          .isEqualTo("not authorized to send to topic ag::prod::impl::t");
    }
    grant("service", "sv::svc::1", "workspace", "prod", READ_WRITE);
    grant("orchestrator", "orc::launcher::1", "workspace", "prod", READ_WRITE);
    svc.sendMessage("ag::prod::impl::t", "from service");
    assertThat(utf8(target.nextMessage().getPayload())).isEqualTo("from service");
    orc.sendMessage("ag::prod::impl::t", "from orchestrator");
    assertThat(utf8(target.nextMessage().getPayload())).isEqualTo("from orchestrator");

    // READ is not enough to send.
    grant("service", "sv::svc::1", "workspace", "prod", READ);
    svc.sendMessage("ag::prod::impl::t", "read only");
    svc.expectError("ERR_PERMISSION_DENIED");
  }

  @Test
  void aWorkspaceRuleCanTakeAnAgentsSendRightAwayButNotItsMetrics() {
    TestClient a = connected(agent("prod", "impl", "a"));
    a.next();
    grant("agent", "ag::prod::impl::a", "workspace", "prod", READ);
    a.sendMessage("ag::prod::impl::b", "x");
    assertThat(a.expectError("ERR_PERMISSION_DENIED").getMessage())
        .isEqualTo("not authorized to send to topic ag::prod::impl::b");
    // Agents may always publish metrics.
    a.sendMessage(
        "metric::*",
        io.github.aetherjava.proto.v1.Metric.newBuilder()
            .addEntries(
                io.github.aetherjava.proto.v1.MetricEntry.newBuilder().setName("n").setQty(1))
            .build()
            .toByteArray(),
        MessageType.METRIC);
    org.awaitility.Awaitility.await().until(() -> gateway.topicBacklog("metric::receiver0") == 1);
  }

  @Test
  void aCrossWorkspaceEventNeedsTheBroadcastCapability() {
    TestClient a = connected(agent("prod", "impl", "a"));
    a.next();
    a.sendMessage("event::dev", "e".getBytes(), MessageType.EVENT);
    assertThat(a.expectError("ERR_PERMISSION_DENIED").getMessage())
        .isEqualTo(
            "cross-workspace broadcast to event::receiver0 denied: cross-workspace broadcast"
                + " requires capability/event_broadcast on workspace \"dev\"");
    grant("agent", "ag::prod::impl::a", "capability", "capability/event_broadcast", READ_WRITE);
    a.sendMessage("event::dev", "e".getBytes(), MessageType.EVENT);
    org.awaitility.Awaitility.await().until(() -> gateway.topicBacklog("event::receiver0") == 1);
    // The event capability does not cover metrics.
    a.sendMessage(
        "metric::dev",
        io.github.aetherjava.proto.v1.Metric.newBuilder()
            .addEntries(
                io.github.aetherjava.proto.v1.MetricEntry.newBuilder().setName("n").setQty(1))
            .build()
            .toByteArray(),
        MessageType.METRIC);
    assertThat(a.expectError("ERR_PERMISSION_DENIED").getMessage())
        .contains("requires capability/metric_broadcast on workspace \"dev\"");
  }

  @Test
  void negativeMetricDeltasNeedAdminOnTheMetricCreditCapability() {
    TestClient a = connected(agent("prod", "impl", "a"));
    a.next();
    byte[] credit =
        io.github.aetherjava.proto.v1.Metric.newBuilder()
            .addEntries(
                io.github.aetherjava.proto.v1.MetricEntry.newBuilder().setName("n").setQty(-1))
            .build()
            .toByteArray();
    a.sendMessage("metric::*", credit, MessageType.METRIC);
    a.expectError("ERR_METRIC_NEGATIVE_FORBIDDEN");
    grant("agent", "ag::prod::impl::a", "capability", "capability/metric_credit", MANAGE);
    a.sendMessage("metric::*", credit, MessageType.METRIC);
    a.expectError("ERR_METRIC_NEGATIVE_FORBIDDEN");
    grant("agent", "ag::prod::impl::a", "capability", "capability/metric_credit", 40);
    a.sendMessage("metric::*", credit, MessageType.METRIC);
    org.awaitility.Awaitility.await().until(() -> gateway.topicBacklog("metric::receiver0") == 1);
  }
}
