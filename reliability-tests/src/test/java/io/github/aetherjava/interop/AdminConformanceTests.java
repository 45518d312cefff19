/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AetherException;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.ConnectionState;
import io.github.aetherjava.client.FailureReason;
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

  /** Address of the gateway under test. */
  abstract String gatewayAddress();

  @AfterEach
  void closeAll() {
    clients.forEach(AetherClient::close);
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
}
