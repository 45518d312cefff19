/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AetherException;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.ConnectionState;
import io.github.aetherjava.client.FailureReason;
import io.github.aetherjava.client.GatewayErrorException;
import io.github.aetherjava.client.OrchestratorClient;
import io.github.aetherjava.client.PermissionDeniedException;
import io.github.aetherjava.client.PrincipalKind;
import io.github.aetherjava.client.admin.AccessLevel;
import io.github.aetherjava.client.admin.AclGrant;
import io.github.aetherjava.client.admin.AclRule;
import io.github.aetherjava.client.admin.AclTarget;
import io.github.aetherjava.client.admin.AdminClient;
import io.github.aetherjava.client.admin.AdminOperationException;
import io.github.aetherjava.client.admin.AgentRegistration;
import io.github.aetherjava.client.admin.CreatedToken;
import io.github.aetherjava.client.admin.GatewayHealth;
import io.github.aetherjava.client.admin.SessionDetails;
import io.github.aetherjava.client.admin.SessionFilter;
import io.github.aetherjava.client.admin.TokenSpec;
import io.github.aetherjava.client.admin.WorkspaceDetails;
import io.github.aetherjava.client.audit.AuditEvent;
import io.github.aetherjava.client.audit.AuditQuery;
import io.github.aetherjava.client.audit.AuditSubmission;
import io.github.aetherjava.client.kv.KvTarget;
import io.github.aetherjava.proto.v1.AgentIdentity;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.ErrorResponse;
import io.github.aetherjava.proto.v1.InitConnection;
import io.github.aetherjava.proto.v1.MessageType;
import io.github.aetherjava.proto.v1.Metric;
import io.github.aetherjava.proto.v1.MetricEntry;
import io.github.aetherjava.proto.v1.OrchestratorIdentity;
import io.github.aetherjava.proto.v1.SendMessage;
import io.github.aetherjava.proto.v1.ServiceIdentity;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Administration, audit, connection status and health as a client observes them, run against the
 * embedded gateway in {@code LITE_PARITY} mode ({@link EmbeddedAdminConformanceTest}) and against
 * AetherLite ({@link RealAdminInteropTest}). Admin rights follow AetherLite: orchestrators may
 * always administer, agents only with an {@code admin/*} grant.
 */
abstract class AdminConformanceTests {

  private static final Duration WAIT = Duration.ofSeconds(15);

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String workspace = "admin-" + run;
  private final AetherClientOptions options =
      AetherClientOptions.builder().address(gatewayAddress()).build();
  private final List<AetherClient> clients = new ArrayList<>();
  private final List<RawStream> streams = new ArrayList<>();

  /** Address of the gateway under test. */
  abstract String gatewayAddress();

  @AfterEach
  void closeAll() {
    clients.forEach(AetherClient::close);
    streams.forEach(RawStream::close);
  }

  private <C extends AetherClient> C connected(C client) throws Exception {
    clients.add(client);
    client.connect().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    return client;
  }

  private AgentClient agent(String specifier) throws Exception {
    return connected(
        AgentClient.builder(options)
            .workspace(workspace)
            .implementation("admin-interop")
            .specifier(specifier)
            .build());
  }

  private OrchestratorClient orchestrator() throws Exception {
    return connected(
        OrchestratorClient.builder(options)
            .implementation("admin-interop")
            .specifier("orc-" + run)
            .supportedProfiles("interop-" + run)
            .build());
  }

  private static <T> T get(CompletableFuture<T> f) throws Exception {
    return f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  private static Throwable failure(CompletableFuture<?> f) throws Exception {
    try {
      f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("expected the call to fail, but it succeeded");
  }

  @Test
  void healthServiceReportsServingAndTheAckCarriesTheVersion() throws Exception {
    AgentClient a = agent("health");
    GatewayHealth h = get(a.admin().health());
    assertThat(h.status()).isEqualTo(GatewayHealth.Status.SERVING);
    assertThat(h.serverVersion()).isNotBlank();
  }

  @Test
  void anAgentWithoutAGrantIsDeniedAtOnceAndAllowedAfterAnOrchestratorGrantsIt() throws Exception {
    AgentClient a = agent("needs-grant");
    long start = System.nanoTime();
    assertThat(failure(a.admin().listWorkspaces(Duration.ofSeconds(60))))
        .isInstanceOf(PermissionDeniedException.class)
        .hasMessageContaining("admin workspaces operations require");
    // the denial, not the 60 s timeout, ended the call
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(WAIT);

    AdminClient orc = orchestrator().admin();
    AclRule rule =
        get(
            orc.grantAccess(
                AclGrant.of(AclTarget.admin("agent", a.identity(), "*"), AccessLevel.ADMIN)));
    try {
      assertThat(get(a.admin().listWorkspaces()))
          .extracting(WorkspaceDetails::id)
          .contains(workspace);
    } finally {
      get(orc.revokeAclRule(rule.ruleId()));
    }
  }

  @Test
  void aclRulesRoundTripWithTheNumericAccessLevel() throws Exception {
    AdminClient orc = orchestrator().admin();
    AclTarget target = new AclTarget("user", "u-" + run, "workspace", workspace);
    AclRule granted = get(orc.grantAccess(AclGrant.of(target, AccessLevel.MANAGE)));
    assertThat(granted.accessLevel()).isEqualTo(AccessLevel.MANAGE);
    assertThat(get(orc.getAclRule(target)).accessLevel()).isEqualTo(AccessLevel.MANAGE);
    assertThat(get(orc.listAclRules(new AclTarget("user", "u-" + run, "", ""))))
        .extracting(AclRule::ruleId)
        .contains(granted.ruleId());
    get(orc.revokeAccess(target));
    assertThat(get(orc.listAclRules(new AclTarget("user", "u-" + run, "", "")))).isEmpty();
    assertThat(failure(orc.getAclRule(target)))
        .hasMessageContaining("failed to get ACL rule: ACL rule not found");
    assertThat(failure(orc.revokeAclRule("no-such-rule-" + run)))
        .hasMessageContaining("ACL rule not found for rule_id");
  }

  @Test
  void workspacesAreSynthesisedFromLiveSessions() throws Exception {
    AgentClient a = agent("ws");
    AdminClient orc = orchestrator().admin();
    WorkspaceDetails ws = get(orc.getWorkspace(workspace));
    assertThat(ws.id()).isEqualTo(workspace);
    assertThat(ws.activeAgents()).isEqualTo(1);
    assertThat(get(orc.listWorkspaces())).extracting(WorkspaceDetails::id).contains(workspace);
    assertThat(failure(orc.deleteWorkspace(workspace)))
        .isInstanceOf(AdminOperationException.class)
        .hasMessageContaining("active connections");
    assertThat(a.isConnected()).isTrue();
  }

  @Test
  void agentRegistryValidatesTheProfileAndRoundTrips() throws Exception {
    AdminClient orc = orchestrator().admin();
    String impl = "registered-" + run;
    assertThat(
            failure(
                orc.registerAgent(
                    new AgentRegistration(impl, "", Map.of("image", "x"), List.of(), null))))
        .hasMessageContaining("profile");
    get(orc.registerAgent(AgentRegistration.of(impl, "interop-" + run)));
    // registering again replaces the entry (an upsert), it is not refused
    get(orc.registerAgent(AgentRegistration.of(impl, "interop-" + run)));
    try {
      assertThat(get(orc.getAgent(impl)).profile()).isEqualTo("interop-" + run);
      assertThat(get(orc.listAgents("", 0, 0)))
          .extracting(AgentRegistration::implementation)
          .contains(impl);
    } finally {
      get(orc.deleteAgent(impl));
    }
    assertThat(failure(orc.getAgent(impl)))
        .isInstanceOf(AdminOperationException.class)
        .hasMessageContaining("agent implementation '" + impl + "' not found in registry");
  }

  @Test
  void sessionsAreListedAndAnAdminDisconnectIsFinal() throws Exception {
    AgentClient victim = agent("victim");
    AdminClient orc = orchestrator().admin();
    String sessionId = victim.connectionInfo().orElseThrow().sessionId();
    List<SessionDetails> sessions =
        get(orc.listSessions(new SessionFilter(PrincipalKind.AGENT, workspace, 0, 0)));
    assertThat(sessions).extracting(SessionDetails::sessionId).containsExactly(sessionId);
    assertThat(get(orc.getSession(sessionId)).identity()).isEqualTo(victim.identity());

    get(orc.disconnectSession(sessionId, "interop"));
    await().atMost(WAIT).until(() -> victim.state() == ConnectionState.CLOSED);
    assertThat(victim.status().lastError())
        .isInstanceOfSatisfying(
            AetherException.class,
            e -> assertThat(e.reason()).isEqualTo(FailureReason.FORCE_DISCONNECTED));
  }

  @Test
  void auditSubmissionsAreResultsIncludingRejections() throws Exception {
    AgentClient a = agent("audit");
    AuditSubmission ok =
        get(a.submitAuditEvent(AuditEvent.of("custom", "interop").resource("run", run)));
    assertThat(ok.accepted()).isTrue();
    AuditSubmission forbidden = get(a.submitAuditEvent(AuditEvent.of("acl", "interop")));
    assertThat(forbidden.accepted()).isFalse();
    assertThat(forbidden.errorCode()).isEqualTo(AuditSubmission.TYPE_FORBIDDEN);
    AuditSubmission otherWorkspace =
        get(a.submitAuditEvent(AuditEvent.of("custom", "interop").inWorkspace("elsewhere-" + run)));
    assertThat(otherWorkspace.errorCode()).isEqualTo("ERR_PERMISSION_DENIED");
    assertThat(otherWorkspace.errorMessage()).contains("capability/audit_submit");
    assertThat(failure(a.admin().queryAudit(AuditQuery.ALL)))
        .isInstanceOf(AdminOperationException.class)
        .hasMessageContaining("insufficient permissions for audit query");
  }

  @Test
  void connectionStatusOfSelfIsAllowedAndOfOthersNeedsTheCapability() throws Exception {
    AgentClient a = agent("status-a");
    AgentClient b = agent("status-b");
    assertThat(get(a.connectionStatus("agent", a.identity())).connected()).isTrue();
    assertThat(failure(a.connectionStatus("agent", b.identity())))
        .isInstanceOf(AdminOperationException.class)
        .hasMessageContaining("not authorized");
    OrchestratorClient orc = orchestrator();
    assertThat(get(orc.connectionStatus("agent", b.identity())).connected()).isTrue();
    assertThat(failure(a.connectionStatus("martian", "x")))
        .hasMessageContaining("invalid principal: unknown principal type \"martian\"");
  }

  @Test
  void aMintedTokenIsShownOnceAndCanBeRevoked() throws Exception {
    AdminClient orc = orchestrator().admin();
    CompletableFuture<CreatedToken> minted =
        orc.createToken(
            TokenSpec.of("interop-" + run, PrincipalKind.AGENT)
                .forWorkspaces(workspace)
                .expiringAfter(Duration.ofMinutes(30)));
    CreatedToken created;
    try {
      created = get(minted);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof AdminOperationException a
          && a.gatewayError().contains("HMAC key not initialized")) {
        // AetherLite mints tokens only when started with AETHER_TOKEN_HMAC_KEY
        Assumptions.abort("gateway started without a token HMAC key: " + a.gatewayError());
      }
      throw e;
    }
    assertThat(created.plaintext()).isNotBlank();
    String id = created.token().id();
    assertThat(created.token().expiresAt())
        .isEqualTo(created.token().createdAt().plus(Duration.ofHours(1)));
    assertThat(get(orc.getToken(id)).name()).isEqualTo("interop-" + run);
    get(orc.revokeToken(id));
    assertThat(get(orc.getToken(id)).revoked()).isTrue();
    get(orc.deleteToken(id));
    assertThat(failure(orc.getToken(id)))
        .isInstanceOf(AdminOperationException.class)
        .hasMessageContaining("token not found: " + id);
  }

  // ACL rules granted through the admin API govern KV and sends as on AetherLite.

  private RawStream raw(InitConnection init) throws InterruptedException {
    RawStream s = new RawStream(gatewayAddress(), true);
    streams.add(s);
    s.init(init);
    s.next(DownstreamMessage::hasConnectionAck);
    return s;
  }

  private static boolean gatewayError(Throwable t) {
    return t instanceof GatewayErrorException;
  }

  @Test
  void aKvScopeGrantLiftsTheSharedScopeDenialAtTheGrantedLevel() throws Exception {
    AgentClient a = agent("kv-grant");
    AdminClient orc = orchestrator().admin();
    String key = "acl-" + run;
    assertThat(failure(a.kv().put(KvTarget.global(), key, "v0"))).matches(t -> gatewayError(t));

    AclTarget scope = new AclTarget("agent", a.identity(), "kv_scope", "global");
    get(orc.grantAccess(AclGrant.of(scope, AccessLevel.READ_WRITE)));
    try {
      get(a.kv().put(KvTarget.global(), key, "v1"));
      assertThat(get(a.kv().get(KvTarget.global(), key)).asString()).isEqualTo("v1");
      // LIST needs READ on the scope, which READ_WRITE includes
      assertThat(get(a.kv().list(KvTarget.global(), key)).entries()).hasSize(1);

      get(orc.grantAccess(AclGrant.of(scope, AccessLevel.READ)));
      assertThat(get(a.kv().get(KvTarget.global(), key)).asString()).isEqualTo("v1");
      assertThat(failure(a.kv().put(KvTarget.global(), key, "v2"))).matches(t -> gatewayError(t));
    } finally {
      get(orc.revokeAccess(scope));
    }
    assertThat(failure(a.kv().get(KvTarget.global(), key))).matches(t -> gatewayError(t));
  }

  @Test
  void aKvKeyRuleDecidesBeforeTheScopeRule() throws Exception {
    AgentClient a = agent("kv-key");
    AdminClient orc = orchestrator().admin();
    String key = "acl-key-" + run;
    AclTarget onKey = new AclTarget("agent", a.identity(), "kv_key", key);
    get(orc.grantAccess(AclGrant.of(onKey, AccessLevel.READ_WRITE)));
    try {
      get(a.kv().put(KvTarget.workspaceScope(), key, "mine"));
      assertThat(get(a.kv().get(KvTarget.workspaceScope(), key)).asString()).isEqualTo("mine");
      // another key in the same scope falls back to the scope rule (NONE)
      assertThat(failure(a.kv().put(KvTarget.workspaceScope(), key + "-other", "x")))
          .matches(t -> gatewayError(t));
    } finally {
      get(orc.revokeAccess(onKey));
    }
    assertThat(failure(a.kv().get(KvTarget.workspaceScope(), key))).matches(t -> gatewayError(t));
  }

  @Test
  void listingOnesOwnExclusiveScopeNeedsAScopeGrant() throws Exception {
    AgentClient a = agent("kv-list");
    AdminClient orc = orchestrator().admin();
    String prefix = "acl-list-" + run;
    get(a.kv().put(KvTarget.globalExclusive(), prefix + "/1", "x"));
    assertThat(failure(a.kv().list(KvTarget.globalExclusive(), prefix)))
        .matches(t -> gatewayError(t));
    AclTarget scope = new AclTarget("agent", a.identity(), "kv_scope", "global-exclusive");
    get(orc.grantAccess(AclGrant.of(scope, AccessLevel.READ)));
    try {
      assertThat(get(a.kv().list(KvTarget.globalExclusive(), prefix)).entries()).hasSize(1);
    } finally {
      get(orc.revokeAccess(scope));
    }
  }

  @Test
  void theKvScopeFallbackPolicyOpensTheScopeForEveryAgent() throws Exception {
    AgentClient a = agent("kv-fallback");
    AdminClient orc = orchestrator().admin();
    String key = "acl-fb-" + run;
    assertThat(get(orc.getFallbackPolicy("agent_kv_scope")).level()).isEqualTo(AccessLevel.NONE);
    get(orc.setFallbackPolicy("agent_kv_scope", AccessLevel.READ_WRITE));
    try {
      get(a.kv().put(KvTarget.workspaceScope(), key, "open"));
      assertThat(get(a.kv().get(KvTarget.workspaceScope(), key)).asString()).isEqualTo("open");
    } finally {
      get(orc.setFallbackPolicy("agent_kv_scope", AccessLevel.NONE));
    }
    assertThat(failure(a.kv().get(KvTarget.workspaceScope(), key))).matches(t -> gatewayError(t));
  }

  @Test
  void aServiceMaySendIntoAWorkspaceOnceGranted() throws Exception {
    RawStream target =
        raw(
            InitConnection.newBuilder()
                .setAgent(
                    AgentIdentity.newBuilder()
                        .setWorkspace(workspace)
                        .setImplementation("admin-interop")
                        .setSpecifier("send-target"))
                .build());
    String svcImpl = "acl-svc-" + run;
    RawStream svc =
        raw(
            InitConnection.newBuilder()
                .setService(
                    ServiceIdentity.newBuilder().setImplementation(svcImpl).setSpecifier("1"))
                .build());
    String topic = "ag::" + workspace + "::admin-interop::send-target";
    svc.sendMessage(topic, "denied".getBytes(StandardCharsets.UTF_8));
    ErrorResponse denied = svc.next(DownstreamMessage::hasError).getError();
    assertThat(denied.getCode()).isEqualTo("ERR_PERMISSION_DENIED");
    assertThat(denied.getMessage()).isEqualTo("not authorized to send to topic " + topic);

    AdminClient orc = orchestrator().admin();
    AclTarget ws = new AclTarget("service", "sv::" + svcImpl + "::1", "workspace", workspace);
    get(orc.grantAccess(AclGrant.of(ws, AccessLevel.READ_WRITE)));
    try {
      svc.sendMessage(topic, "granted".getBytes(StandardCharsets.UTF_8));
      assertThat(
              target
                  .next(DownstreamMessage::hasMsg)
                  .getMsg()
                  .getPayload()
                  .toString(StandardCharsets.UTF_8))
          .isEqualTo("granted");
    } finally {
      get(orc.revokeAccess(ws));
    }
  }

  @Test
  void aCrossWorkspaceEventNeedsTheBroadcastCapability() throws Exception {
    RawStream s =
        raw(
            InitConnection.newBuilder()
                .setAgent(
                    AgentIdentity.newBuilder()
                        .setWorkspace(workspace)
                        .setImplementation("admin-interop")
                        .setSpecifier("raw-broadcaster"))
                .build());
    String other = "other-" + run;
    UpstreamMessage event =
        UpstreamMessage.newBuilder()
            .setSend(
                SendMessage.newBuilder()
                    .setTargetTopic("event::" + other)
                    .setPayload(ByteString.copyFromUtf8("e"))
                    .setMessageType(MessageType.EVENT))
            .build();
    s.send(event);
    ErrorResponse denied = s.next(DownstreamMessage::hasError).getError();
    assertThat(denied.getCode()).isEqualTo("ERR_PERMISSION_DENIED");
    assertThat(denied.getMessage())
        .isEqualTo(
            "cross-workspace broadcast to event::receiver0 denied: cross-workspace broadcast"
                + " requires capability/event_broadcast on workspace \""
                + other
                + "\"");

    AdminClient orc = orchestrator().admin();
    AclTarget capability =
        AclTarget.capability(
            "agent", "ag::" + workspace + "::admin-interop::raw-broadcaster", "event_broadcast");
    get(orc.grantAccess(AclGrant.of(capability, AccessLevel.READ_WRITE)));
    try {
      s.send(event);
      // the next error is the probe's, so the event went through
      s.sendMessage("bogus", new byte[0]);
      assertThat(s.next(DownstreamMessage::hasError).getError().getCode())
          .isEqualTo("ERR_INVALID_TOPIC");
    } finally {
      get(orc.revokeAccess(capability));
    }
  }

  @Test
  void anOrchestratorSendIntoAWorkspaceNeedsAGrant() throws Exception {
    RawStream target =
        raw(
            InitConnection.newBuilder()
                .setAgent(
                    AgentIdentity.newBuilder()
                        .setWorkspace(workspace)
                        .setImplementation("admin-interop")
                        .setSpecifier("orc-target"))
                .build());
    String orcImpl = "acl-orc-" + run;
    RawStream orc =
        raw(
            InitConnection.newBuilder()
                .setOrchestrator(
                    OrchestratorIdentity.newBuilder()
                        .setImplementation(orcImpl)
                        .setSpecifier("1")
                        .addSupportedProfiles("acl-" + run))
                .build());
    String topic = "ag::" + workspace + "::admin-interop::orc-target";
    orc.sendMessage(topic, "denied".getBytes(StandardCharsets.UTF_8));
    ErrorResponse denied = orc.next(DownstreamMessage::hasError).getError();
    assertThat(denied.getCode()).isEqualTo("ERR_PERMISSION_DENIED");
    assertThat(denied.getMessage()).isEqualTo("not authorized to send to topic " + topic);

    AdminClient admin = orchestrator().admin();
    AclTarget ws = new AclTarget("orchestrator", "orc::" + orcImpl + "::1", "workspace", workspace);
    get(admin.grantAccess(AclGrant.of(ws, AccessLevel.READ_WRITE)));
    try {
      orc.sendMessage(topic, "granted".getBytes(StandardCharsets.UTF_8));
      assertThat(
              target
                  .next(DownstreamMessage::hasMsg)
                  .getMsg()
                  .getPayload()
                  .toString(StandardCharsets.UTF_8))
          .isEqualTo("granted");
    } finally {
      get(admin.revokeAccess(ws));
    }
  }

  @Test
  void negativeMetricDeltasNeedAdminOnTheMetricCreditCapability() throws Exception {
    String spec = "raw-credit";
    RawStream s =
        raw(
            InitConnection.newBuilder()
                .setAgent(
                    AgentIdentity.newBuilder()
                        .setWorkspace(workspace)
                        .setImplementation("admin-interop")
                        .setSpecifier(spec))
                .build());
    UpstreamMessage credit =
        UpstreamMessage.newBuilder()
            .setSend(
                SendMessage.newBuilder()
                    .setTargetTopic("metric::*")
                    .setPayload(
                        Metric.newBuilder()
                            .addEntries(MetricEntry.newBuilder().setName("credit").setQty(-1))
                            .build()
                            .toByteString())
                    .setMessageType(MessageType.METRIC))
            .build();
    s.send(credit);
    assertThat(s.next(DownstreamMessage::hasError).getError().getCode())
        .isEqualTo("ERR_METRIC_NEGATIVE_FORBIDDEN");

    AdminClient orc = orchestrator().admin();
    AclTarget capability =
        AclTarget.capability(
            "agent", "ag::" + workspace + "::admin-interop::" + spec, "metric_credit");
    get(orc.grantAccess(AclGrant.of(capability, AccessLevel.MANAGE)));
    try {
      s.send(credit);
      assertThat(s.next(DownstreamMessage::hasError).getError().getCode())
          .isEqualTo("ERR_METRIC_NEGATIVE_FORBIDDEN");
      get(orc.grantAccess(AclGrant.of(capability, AccessLevel.ADMIN)));
      s.send(credit);
      // the next error is the probe's, so the credit went through
      s.sendMessage("bogus", new byte[0]);
      assertThat(s.next(DownstreamMessage::hasError).getError().getCode())
          .isEqualTo("ERR_INVALID_TOPIC");
    } finally {
      get(orc.revokeAccess(capability));
    }
  }

  @Test
  void aPrincipalsOwnRuleOutranksAGlobRuleEvenWhenItGrantsLess() throws Exception {
    AgentClient a = agent("kv-tiers");
    AdminClient orc = orchestrator().admin();
    String key = "acl-tier-" + run;
    AclTarget glob =
        new AclTarget("agent", "ag::" + workspace + "::admin-interop::*", "kv_scope", "global");
    AclTarget own = new AclTarget("agent", a.identity(), "kv_scope", "global");
    get(orc.grantAccess(AclGrant.of(glob, AccessLevel.READ_WRITE)));
    try {
      get(a.kv().put(KvTarget.global(), key, "via glob"));
      get(orc.grantAccess(AclGrant.of(own, AccessLevel.READ)));
      assertThat(get(a.kv().get(KvTarget.global(), key)).asString()).isEqualTo("via glob");
      assertThat(failure(a.kv().put(KvTarget.global(), key, "x"))).matches(t -> gatewayError(t));
      get(orc.revokeAccess(own));
      get(a.kv().put(KvTarget.global(), key, "again"));
    } finally {
      get(orc.revokeAccess(glob));
    }
  }
}
