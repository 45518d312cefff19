/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.AuthenticationException;
import io.github.aetherjava.client.ConnectionState;
import io.github.aetherjava.client.ConnectionStatus;
import io.github.aetherjava.client.Credentials;
import io.github.aetherjava.client.FailureReason;
import io.github.aetherjava.client.GatewayErrorException;
import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.OrchestratorClient;
import io.github.aetherjava.client.PermissionDeniedException;
import io.github.aetherjava.client.PrincipalKind;
import io.github.aetherjava.client.TaskAssignment;
import io.github.aetherjava.client.UserClient;
import io.github.aetherjava.client.admin.AccessLevel;
import io.github.aetherjava.client.admin.AclGrant;
import io.github.aetherjava.client.admin.AclRule;
import io.github.aetherjava.client.admin.AclTarget;
import io.github.aetherjava.client.admin.AdminClient;
import io.github.aetherjava.client.admin.AdminOperationException;
import io.github.aetherjava.client.admin.AgentRegistration;
import io.github.aetherjava.client.admin.CreatedToken;
import io.github.aetherjava.client.admin.GatewayHealth;
import io.github.aetherjava.client.admin.LaunchResult;
import io.github.aetherjava.client.admin.SessionDetails;
import io.github.aetherjava.client.admin.SessionFilter;
import io.github.aetherjava.client.admin.TokenSpec;
import io.github.aetherjava.client.admin.WorkspaceDetails;
import io.github.aetherjava.client.audit.AuditEvent;
import io.github.aetherjava.client.audit.AuditQuery;
import io.github.aetherjava.client.audit.AuditRecord;
import io.github.aetherjava.client.audit.AuditSubmission;
import io.github.aetherjava.client.kv.KvTarget;
import io.github.aetherjava.gateway.embedded.ApiKey;
import io.github.aetherjava.gateway.embedded.CredentialsPolicy;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.github.aetherjava.gateway.embedded.PolicyMode;
import io.github.aetherjava.proto.v1.PrincipalType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Administration, audit, connection status and health round trips on the embedded gateway. */
class AdminIntegrationTest {

  private final List<AutoCloseable> closeables = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (int i = closeables.size() - 1; i >= 0; i--) {
      closeables.get(i).close();
    }
  }

  private EmbeddedAetherGateway gateway(PolicyMode mode, CredentialsPolicy credentials) {
    EmbeddedAetherGateway gw =
        EmbeddedAetherGateway.builder()
            .tcp(false)
            .inProcessName("admin-it-" + UUID.randomUUID())
            .policyMode(mode)
            .credentialsPolicy(credentials)
            .start();
    closeables.add(gw);
    return gw;
  }

  private AetherClientOptions options(EmbeddedAetherGateway gw, Credentials credentials) {
    return AetherClientOptions.builder()
        .address(gw.inProcessAddress())
        .credentials(credentials)
        .build();
  }

  private <C extends AetherClient> C connect(C client) throws Exception {
    closeables.add(client);
    client.connect().get(10, TimeUnit.SECONDS);
    return client;
  }

  private AgentClient agent(AetherClientOptions o, String ws, String spec) throws Exception {
    return connect(
        AgentClient.builder(o).workspace(ws).implementation("worker").specifier(spec).build());
  }

  private static <T> T get(CompletableFuture<T> f) throws Exception {
    return f.get(10, TimeUnit.SECONDS);
  }

  private static Throwable failure(CompletableFuture<?> f) {
    try {
      f.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError("expected a failed future, got " + e, e);
    }
    throw new AssertionError("expected a failed future, but it succeeded");
  }

  @Test
  void liteParityKvDenialsFollowGrantsAndFallbackPoliciesMadeThroughTheAdminClient()
      throws Exception {
    EmbeddedAetherGateway gw = gateway(PolicyMode.LITE_PARITY, CredentialsPolicy.dev());
    AetherClientOptions o = options(gw, Credentials.none());
    AgentClient a = agent(o, "prod", "kv");
    AdminClient admin =
        connect(
                OrchestratorClient.builder(o)
                    .implementation("ops")
                    .specifier("1")
                    .supportedProfiles("ops")
                    .build())
            .admin();
    assertThat(failure(a.kv().put(KvTarget.global(), "k", "v0")))
        .isInstanceOf(GatewayErrorException.class);

    AclTarget scope = new AclTarget("agent", a.identity(), "kv_scope", "global");
    get(admin.grantAccess(AclGrant.of(scope, AccessLevel.READ_WRITE)));
    get(a.kv().put(KvTarget.global(), "k", "v1"));
    assertThat(get(a.kv().get(KvTarget.global(), "k")).asString()).isEqualTo("v1");
    get(admin.grantAccess(AclGrant.of(scope, AccessLevel.READ)));
    assertThat(get(a.kv().get(KvTarget.global(), "k")).asString()).isEqualTo("v1");
    assertThat(failure(a.kv().put(KvTarget.global(), "k", "v2")))
        .isInstanceOf(GatewayErrorException.class);
    get(admin.revokeAccess(scope));
    assertThat(failure(a.kv().get(KvTarget.global(), "k")))
        .isInstanceOf(GatewayErrorException.class);

    assertThat(get(admin.getFallbackPolicy("agent_kv_scope")).level()).isEqualTo(AccessLevel.NONE);
    assertThat(get(admin.getFallbackPolicy("agent_workspace")).level())
        .isEqualTo(AccessLevel.READ_WRITE);
    get(admin.setFallbackPolicy("agent_kv_scope", AccessLevel.READ_WRITE));
    assertThat(get(a.kv().get(KvTarget.global(), "k")).asString()).isEqualTo("v1");
    get(admin.setFallbackPolicy("agent_kv_scope", AccessLevel.NONE));
    assertThat(failure(a.kv().get(KvTarget.global(), "k")))
        .isInstanceOf(GatewayErrorException.class);
  }

  @Test
  void workspacesAgentsAndAclRoundTrip() throws Exception {
    EmbeddedAetherGateway gw = gateway(PolicyMode.PERMISSIVE, CredentialsPolicy.dev());
    AetherClientOptions o = options(gw, Credentials.none());
    AgentClient a = agent(o, "prod", "a1");
    AdminClient admin = a.admin();

    get(admin.createWorkspace(WorkspaceDetails.of("staging", "Staging", "pre-production")));
    WorkspaceDetails prod = get(admin.getWorkspace("prod"));
    assertThat(prod.activeAgents()).isEqualTo(1);
    assertThat(get(admin.listWorkspaces()))
        .extracting(WorkspaceDetails::id)
        .containsExactly("prod", "staging");
    assertThat(get(admin.getWorkspace("staging")).displayName()).isEqualTo("Staging");
    assertThat(get(admin.messageFlow("prod")).nodes()).containsExactly(a.identity());
    assertThat(failure(admin.deleteWorkspace("prod")))
        .isInstanceOf(AdminOperationException.class)
        .hasMessageContaining("has 1 active connections");
    get(admin.deleteWorkspace("staging"));

    get(admin.registerAgent(AgentRegistration.of("summariser", "python")));
    assertThat(get(admin.getAgent("summariser")).profile()).isEqualTo("python");
    assertThat(get(admin.listAgents("python", 0, 0)))
        .extracting(AgentRegistration::implementation)
        .containsExactly("summariser");
    assertThat(failure(admin.getAgent("missing")))
        .isInstanceOf(AdminOperationException.class)
        .extracting(t -> ((AdminOperationException) t).reason())
        .isEqualTo(FailureReason.NOT_FOUND);
    get(admin.deleteAgent("summariser"));
    assertThat(get(admin.listAgents("", 0, 0))).isEmpty();

    AclTarget target = new AclTarget("agent", a.identity(), "workspace", "prod");
    AclRule rule = get(admin.grantAccess(AclGrant.of(target, AccessLevel.READ_WRITE)));
    assertThat(rule.accessLevel()).isEqualTo(AccessLevel.READ_WRITE);
    assertThat(get(admin.getAclRule(target)).ruleId()).isEqualTo(rule.ruleId());
    assertThat(get(admin.explainAccess(target, AccessLevel.READ)).allowed()).isTrue();
    assertThat(get(admin.explainAccess(target, AccessLevel.ADMIN)).allowed()).isFalse();
    get(admin.setFallbackPolicy("user_workspace", AccessLevel.READ));
    assertThat(get(admin.getFallbackPolicy("user_workspace")).level()).isEqualTo(AccessLevel.READ);
    get(admin.revokeAclRule(rule.ruleId()));
    assertThat(get(admin.listAclRules(AclTarget.ANY))).isEmpty();
  }

  @Test
  void launchingARegisteredAgentSendsOneStartupTaskToItsOrchestrator() throws Exception {
    EmbeddedAetherGateway gw = gateway(PolicyMode.PERMISSIVE, CredentialsPolicy.dev());
    AetherClientOptions o = options(gw, Credentials.none());
    List<TaskAssignment> assignments = new CopyOnWriteArrayList<>();
    OrchestratorClient orchestrator =
        OrchestratorClient.builder(o).implementation("launcher").supportedProfiles("local").build();
    orchestrator.onTaskAssignment(assignments::add);
    connect(orchestrator);
    AdminClient admin = agent(o, "prod", "a1").admin();
    get(admin.registerAgent(AgentRegistration.of("summariser", "local")));

    LaunchResult first = get(admin.launchAgent("summariser", "prod", "s1", Map.of()));
    LaunchResult again = get(admin.launchAgent("summariser", "prod", "s1", Map.of()));

    assertThat(first.taskId()).isNotBlank();
    assertThat(first.message()).startsWith("Agent summariser.s1 launch triggered");
    assertThat(again.taskId()).as("an active startup task is reused").isEqualTo(first.taskId());
    await().atMost(Duration.ofSeconds(10)).until(() -> !assignments.isEmpty());
    assertThat(assignments).extracting(TaskAssignment::taskId).containsExactly(first.taskId());
    assertThat(failure(admin.launchAgent("missing", "prod", "s1", Map.of())))
        .isInstanceOf(AdminOperationException.class)
        .hasMessageContaining("not found in registry");
    assertThat(failure(admin.launchAgent("summariser", "prod", "", Map.of())))
        .isInstanceOf(AdminOperationException.class)
        .hasMessageContaining("specifier");
  }

  @Test
  void aTokenCreatedByTheAdminClientAuthenticatesAConnectionUntilRevoked() throws Exception {
    EmbeddedAetherGateway gw =
        gateway(
            PolicyMode.PERMISSIVE,
            CredentialsPolicy.apiKeys(
                ApiKey.of("root-key", PrincipalType.PRINCIPAL_USER).forPrincipal("root")));
    UserClient root =
        connect(
            UserClient.builder(options(gw, Credentials.apiKey("root-key")))
                .userId("root")
                .windowId("w1")
                .build());
    AdminClient admin = root.admin();

    CreatedToken created =
        get(
            admin.createToken(
                TokenSpec.of("ci agent", PrincipalKind.AGENT)
                    .forWorkspaces("prod")
                    .expiringAfter(Duration.ofMinutes(90))));
    assertThat(created.plaintext()).isNotBlank();
    assertThat(created.toString()).doesNotContain(created.plaintext());
    assertThat(created.token().expiresAt())
        .isEqualTo(created.token().createdAt().plus(Duration.ofHours(2)));

    AgentClient a = agent(options(gw, Credentials.apiKey(created.plaintext())), "prod", "t1");
    assertThat(a.isConnected()).isTrue();
    assertThat(get(admin.getToken(created.token().id())).lastUsedAt()).isNotNull();
    assertThat(get(admin.listTokens(0, 0, false)).tokens()).hasSize(1);

    get(admin.revokeToken(created.token().id()));
    AgentClient b =
        AgentClient.builder(options(gw, Credentials.apiKey(created.plaintext())))
            .workspace("prod")
            .implementation("worker")
            .specifier("t2")
            .build();
    closeables.add(b);
    assertThat(failure(b.connect())).isInstanceOf(AuthenticationException.class);
    assertThat(get(admin.listTokens(0, 0, false)).tokens()).isEmpty();
    assertThat(get(admin.listTokens(0, 0, true)).tokens()).hasSize(1);
    get(admin.deleteToken(created.token().id()));
    assertThat(get(admin.listTokens(0, 0, true)).tokens()).isEmpty();
  }

  @Test
  void anAdminDisconnectsASessionAndThatClientDoesNotReconnect() throws Exception {
    EmbeddedAetherGateway gw = gateway(PolicyMode.PERMISSIVE, CredentialsPolicy.dev());
    AetherClientOptions o = options(gw, Credentials.none());
    AgentClient admin = agent(o, "ops", "admin");
    AgentClient victim = agent(o, "prod", "victim");
    String sessionId = victim.connectionInfo().orElseThrow().sessionId();

    List<SessionDetails> all = get(admin.admin().connections());
    assertThat(all).extracting(SessionDetails::identity).contains(victim.identity());
    assertThat(
            get(admin.admin().listSessions(new SessionFilter(PrincipalKind.AGENT, "prod", 0, 0))))
        .extracting(SessionDetails::sessionId)
        .containsExactly(sessionId);
    assertThat(get(admin.admin().getSession(sessionId)).identity()).isEqualTo(victim.identity());

    get(admin.admin().disconnectSession(sessionId, "maintenance"));
    await().atMost(Duration.ofSeconds(10)).until(() -> victim.state() == ConnectionState.CLOSED);
    assertThat(victim.status().lastError())
        .isInstanceOfSatisfying(
            io.github.aetherjava.client.AetherException.class,
            e -> assertThat(e.reason()).isEqualTo(FailureReason.FORCE_DISCONNECTED));
    assertThat(gw.connectedIdentities()).doesNotContain(victim.identity());
    assertThat(failure(admin.admin().getSession(sessionId)))
        .isInstanceOf(AdminOperationException.class);
  }

  @Test
  void liteParityDeniesAdminOperationsWithoutAGrantAndHonoursOneMadeByAnOrchestrator()
      throws Exception {
    EmbeddedAetherGateway gw = gateway(PolicyMode.LITE_PARITY, CredentialsPolicy.dev());
    AetherClientOptions o = options(gw, Credentials.none());
    AgentClient a = agent(o, "prod", "a1");
    long started = System.nanoTime();
    assertThat(failure(a.admin().listWorkspaces(Duration.ofSeconds(30))))
        .isInstanceOf(PermissionDeniedException.class)
        .hasMessageContaining("admin workspaces operations require");
    // failed by the denial itself, not by the 30 s timeout
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    assertThat(failure(a.admin().listAclRules(AclTarget.ANY)))
        .isInstanceOf(AdminOperationException.class)
        .extracting(t -> ((AdminOperationException) t).reason())
        .isEqualTo(FailureReason.PERMISSION_DENIED);
    assertThat(failure(a.admin().connections()))
        .isInstanceOf(AdminOperationException.class)
        .hasMessageContaining("admin sessions operations require");

    OrchestratorClient orc =
        connect(
            OrchestratorClient.builder(o)
                .implementation("orc")
                .supportedProfiles("python")
                .build());
    get(
        orc.admin()
            .grantAccess(
                AclGrant.of(AclTarget.admin("agent", a.identity(), "*"), AccessLevel.ADMIN)));
    assertThat(get(a.admin().listWorkspaces())).extracting(WorkspaceDetails::id).contains("prod");
    assertThat(get(a.admin().listOrchestrators())).hasSize(1);
  }

  @Test
  void connectionStatusIsAllowedForSelfAndNeedsTheCapabilityForOthers() throws Exception {
    EmbeddedAetherGateway gw = gateway(PolicyMode.PERMISSIVE, CredentialsPolicy.dev());
    AetherClientOptions o = options(gw, Credentials.none());
    AgentClient a = agent(o, "prod", "a1");
    AgentClient b = agent(o, "prod", "b1");

    ConnectionStatus self = get(a.connectionStatus("agent", a.identity()));
    assertThat(self.connected()).isTrue();
    assertThat(failure(a.connectionStatus("agent", b.identity())))
        .isInstanceOf(AdminOperationException.class)
        .hasMessageContaining("not authorized");

    get(
        a.admin()
            .grantAccess(
                AclGrant.of(
                    AclTarget.capability("agent", a.identity(), "query_connections"),
                    AccessLevel.READ)));
    assertThat(get(a.connectionStatus("agent", b.identity())).connected()).isTrue();
    assertThat(get(a.connectionStatus("agent", "ag::prod::worker::nobody")).connected()).isFalse();
    assertThat(failure(a.connectionStatus(" ", "x")))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("principalType");
  }

  @Test
  void auditEventsAreSubmittedRejectedAsResultsAndQueried() throws Exception {
    EmbeddedAetherGateway gw = gateway(PolicyMode.PERMISSIVE, CredentialsPolicy.dev());
    AgentClient a = agent(options(gw, Credentials.none()), "prod", "a1");

    AuditSubmission ok =
        get(
            a.submitAuditEvent(
                AuditEvent.of("custom", "export")
                    .resource("report", "r-7")
                    .withMetadata(Map.of("rows", "12", "api_token", "s3cret"))));
    assertThat(ok.accepted()).isTrue();
    AuditSubmission forbidden = get(a.submitAuditEvent(AuditEvent.of("acl", "grant")));
    assertThat(forbidden.accepted()).isFalse();
    assertThat(forbidden.errorCode()).isEqualTo(AuditSubmission.TYPE_FORBIDDEN);
    AuditSubmission otherWs =
        get(a.submitAuditEvent(AuditEvent.of("custom", "export").inWorkspace("finance")));
    assertThat(otherWs.errorCode()).isEqualTo("ERR_PERMISSION_DENIED");

    List<AuditRecord> records = get(a.admin().queryAudit(AuditQuery.ALL.eventType("custom")));
    assertThat(records).hasSize(1);
    AuditRecord r = records.get(0);
    assertThat(r.actorId()).isEqualTo(a.identity());
    assertThat(r.workspace()).isEqualTo("prod");
    assertThat(r.resourceId()).isEqualTo("r-7");
    assertThat(r.metadataJson()).contains("\"rows\":\"12\"").doesNotContain("s3cret");
    assertThatThrownBy(() -> AuditQuery.ALL.page(501, 0))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("limit");
  }

  @Test
  void healthComesFromTheGrpcHealthServiceAndTheAck() throws Exception {
    EmbeddedAetherGateway gw = gateway(PolicyMode.PERMISSIVE, CredentialsPolicy.dev());
    AgentClient a = agent(options(gw, Credentials.none()), "prod", "a1");
    GatewayHealth h = get(a.admin().health());
    assertThat(h.status()).isEqualTo(GatewayHealth.Status.SERVING);
    assertThat(h.serverVersion()).isEqualTo("0.2.2");
    assertThat(h.buildCommit()).isEqualTo("embedded");
    assertThat(h.runtime()).startsWith("java");

    AgentClient idle =
        AgentClient.builder(options(gw, Credentials.none()))
            .workspace("prod")
            .implementation("worker")
            .specifier("idle")
            .build();
    closeables.add(idle);
    assertThat(failure(idle.admin().health()))
        .isInstanceOfSatisfying(
            io.github.aetherjava.client.AetherException.class,
            e -> assertThat(e.reason()).isEqualTo(FailureReason.DISCONNECTED));
  }

  @Test
  void badArgumentsAreRefusedNamingTheArgument() throws Exception {
    EmbeddedAetherGateway gw = gateway(PolicyMode.PERMISSIVE, CredentialsPolicy.dev());
    AgentClient a = agent(options(gw, Credentials.none()), "prod", "a1");
    assertThat(failure(a.admin().getToken(""))).hasMessageContaining("tokenId");
    assertThat(failure(a.admin().getWorkspace(" "))).hasMessageContaining("workspaceId");
    assertThat(failure(a.admin().listTokens(-1, 0, false))).hasMessageContaining("limit");
    assertThat(failure(a.admin().listWorkspaces(Duration.ZERO))).hasMessageContaining("timeout");
    assertThatThrownBy(() -> TokenSpec.of("t", PrincipalKind.AGENT).expiringAfter(Duration.ZERO))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("expiresIn");
    assertThatThrownBy(() -> AgentRegistration.of("x", ""))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("profile");
    // the client still works after refusals
    assertThat(get(a.admin().listWorkspaces())).isNotEmpty();
  }
}
