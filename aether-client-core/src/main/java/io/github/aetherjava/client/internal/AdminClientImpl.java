/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import io.github.aetherjava.client.AetherException;
import io.github.aetherjava.client.ConnectionException;
import io.github.aetherjava.client.FailureReason;
import io.github.aetherjava.client.GatewayErrorException;
import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.PermissionDeniedException;
import io.github.aetherjava.client.admin.AccessExplanation;
import io.github.aetherjava.client.admin.AccessLevel;
import io.github.aetherjava.client.admin.AclGrant;
import io.github.aetherjava.client.admin.AclRule;
import io.github.aetherjava.client.admin.AclTarget;
import io.github.aetherjava.client.admin.AdminClient;
import io.github.aetherjava.client.admin.AdminOperationException;
import io.github.aetherjava.client.admin.AgentRegistration;
import io.github.aetherjava.client.admin.CreatedToken;
import io.github.aetherjava.client.admin.FallbackPolicy;
import io.github.aetherjava.client.admin.GatewayHealth;
import io.github.aetherjava.client.admin.LaunchResult;
import io.github.aetherjava.client.admin.MessageFlow;
import io.github.aetherjava.client.admin.OrchestratorDetails;
import io.github.aetherjava.client.admin.SessionDetails;
import io.github.aetherjava.client.admin.SessionFilter;
import io.github.aetherjava.client.admin.TokenDetails;
import io.github.aetherjava.client.admin.TokenPage;
import io.github.aetherjava.client.admin.TokenSpec;
import io.github.aetherjava.client.admin.WorkspaceDetails;
import io.github.aetherjava.client.audit.AuditQuery;
import io.github.aetherjava.client.audit.AuditRecord;
import io.github.aetherjava.proto.v1.ACLOperation;
import io.github.aetherjava.proto.v1.ACLResponse;
import io.github.aetherjava.proto.v1.ACLSetFallbackRequest;
import io.github.aetherjava.proto.v1.AgentFilter;
import io.github.aetherjava.proto.v1.AgentLaunchParams;
import io.github.aetherjava.proto.v1.AgentOperation;
import io.github.aetherjava.proto.v1.AgentResponse;
import io.github.aetherjava.proto.v1.AuditQueryResponse;
import io.github.aetherjava.proto.v1.BuildInfo;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.SessionOperation;
import io.github.aetherjava.proto.v1.SessionOperationResponse;
import io.github.aetherjava.proto.v1.TokenFilter;
import io.github.aetherjava.proto.v1.TokenOperation;
import io.github.aetherjava.proto.v1.TokenResponse;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import io.github.aetherjava.proto.v1.WorkspaceOperation;
import io.github.aetherjava.proto.v1.WorkspaceResponse;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** {@link AdminClient} over a client's stream. */
public final class AdminClientImpl implements AdminClient {

  /** Service whose health {@link #health()} reports. */
  static final String AETHER_SERVICE = "aether.v1.AetherGateway";

  /** The real gateway's denial of an admin category, sent without a request id. */
  private static final Pattern DENIAL = Pattern.compile("^admin (\\w+) operations require");

  private final ClientCore core;
  private final InOrderLane workspaces;
  private final InOrderLane agents;
  private final InOrderLane acl;
  private final InOrderLane tokens;

  /**
   * Registers the admin responses in the client's route table.
   *
   * @param core connection
   */
  public AdminClientImpl(ClientCore core) {
    this.core = core;
    this.workspaces = new InOrderLane(core);
    this.agents = new InOrderLane(core);
    this.acl = new InOrderLane(core);
    this.tokens = new InOrderLane(core);
    DownstreamRoutes routes = core.routes();
    routes.correlated(
        DownstreamMessage.PayloadCase.WORKSPACE,
        m -> idOr(m.getWorkspace().getRequestId(), workspaces));
    routes.correlated(
        DownstreamMessage.PayloadCase.AGENT, m -> idOr(m.getAgent().getRequestId(), agents));
    routes.correlated(DownstreamMessage.PayloadCase.ACL, m -> idOr(m.getAcl().getRequestId(), acl));
    routes.correlated(
        DownstreamMessage.PayloadCase.TOKEN, m -> idOr(m.getToken().getRequestId(), tokens));
    routes.correlated(
        DownstreamMessage.PayloadCase.SESSION_RESPONSE, m -> m.getSessionResponse().getRequestId());
    routes.correlated(
        DownstreamMessage.PayloadCase.AUDIT_RESPONSE, m -> m.getAuditResponse().getRequestId());
    routes.interceptErrors(
        e -> {
          if (e.requestId() != null || !"ERR_PERMISSION_DENIED".equals(e.code())) {
            return false;
          }
          Matcher m = DENIAL.matcher(e.message());
          InOrderLane lane = m.find() ? laneOf(m.group(1)) : null;
          return lane != null
              && lane.failInFlight(
                  new PermissionDeniedException(e.code() + " " + e.message(), null, null));
        });
  }

  private @Nullable InOrderLane laneOf(String category) {
    return switch (category) {
      case "workspaces" -> workspaces;
      case "agents" -> agents;
      case "tokens" -> tokens;
      case "acl" -> acl;
      default -> null;
    };
  }

  private static String idOr(String echoed, InOrderLane lane) {
    return lane.answer(echoed);
  }

  @Override
  public Duration defaultTimeout() {
    return DEFAULT_TIMEOUT;
  }

  // ------------------------------------------------------------------ health

  @Override
  public CompletableFuture<GatewayHealth> health(Duration timeout) {
    return Arguments.check(
        () -> {
          Arguments.positive(timeout, "timeout");
          Channel channel = core.channel();
          if (channel == null) {
            return CompletableFuture.failedFuture(
                new ConnectionException(
                    FailureReason.DISCONNECTED, "client is not connected: call connect() first"));
          }
          CompletableFuture<GatewayHealth> f = new CompletableFuture<>();
          HealthGrpc.newStub(channel)
              .withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS)
              .check(
                  HealthCheckRequest.newBuilder().setService(AETHER_SERVICE).build(),
                  new StreamObserver<>() {
                    @Override
                    public void onNext(HealthCheckResponse r) {
                      Completions.complete(
                          core.completions(), f, health(statusOf(r.getStatus())), null);
                    }

                    @Override
                    public void onError(Throwable t) {
                      Status s = Status.fromThrowable(t);
                      if (s.getCode() == Status.Code.NOT_FOUND) {
                        Completions.complete(
                            core.completions(),
                            f,
                            health(GatewayHealth.Status.SERVICE_UNKNOWN),
                            null);
                      } else {
                        Completions.complete(
                            core.completions(),
                            f,
                            null,
                            new ConnectionException(
                                FailureReason.UNAVAILABLE,
                                "health check failed: " + s.getCode() + " " + s.getDescription(),
                                t,
                                true,
                                s.getCode().name()));
                      }
                    }

                    @Override
                    public void onCompleted() {
                      // the single response was delivered in onNext
                    }
                  });
          return f;
        });
  }

  private GatewayHealth health(GatewayHealth.Status status) {
    BuildInfo b = core.serverBuildInfo();
    var info = core.connectionInfo();
    return new GatewayHealth(
        status,
        info == null ? "" : info.serverVersion(),
        b == null ? "" : b.getCommit(),
        b == null ? "" : b.getBuiltAt(),
        b == null ? "" : b.getRuntime(),
        b == null ? "" : b.getOs());
  }

  private static GatewayHealth.Status statusOf(HealthCheckResponse.ServingStatus s) {
    return switch (s) {
      case SERVING -> GatewayHealth.Status.SERVING;
      case NOT_SERVING -> GatewayHealth.Status.NOT_SERVING;
      case SERVICE_UNKNOWN -> GatewayHealth.Status.SERVICE_UNKNOWN;
      default -> GatewayHealth.Status.UNKNOWN;
    };
  }

  // ------------------------------------------------------------------ tokens

  @Override
  public CompletableFuture<CreatedToken> createToken(TokenSpec spec, Duration timeout) {
    return Arguments.check(
        () -> {
          Arguments.notNull(spec, "spec");
          return token(
              "admin.tokens.create",
              b -> b.setOp(TokenOperation.OpType.CREATE).setCreateRequest(spec.toProto()),
              timeout,
              false,
              r ->
                  new CreatedToken(
                      r.getPlaintextToken(),
                      TokenDetails.fromProto(
                          r.hasCreatedToken() ? r.getCreatedToken() : r.getToken())));
        });
  }

  @Override
  public CompletableFuture<TokenPage> listTokens(
      int limit, int offset, boolean includeRevoked, Duration timeout) {
    return Arguments.check(
        () -> {
          Arguments.notNegative(limit, "limit");
          Arguments.notNegative(offset, "offset");
          return token(
              "admin.tokens.list",
              b ->
                  b.setOp(TokenOperation.OpType.LIST)
                      .setFilter(
                          TokenFilter.newBuilder()
                              .setLimit(limit)
                              .setOffset(offset)
                              .setIncludeRevoked(includeRevoked)),
              timeout,
              true,
              r ->
                  new TokenPage(
                      r.getTokensList().stream().map(TokenDetails::fromProto).toList(),
                      r.getTotalCount()));
        });
  }

  @Override
  public CompletableFuture<TokenDetails> getToken(String tokenId, Duration timeout) {
    return Arguments.check(
        () -> {
          return withId(
              tokenId,
              "tokenId",
              () ->
                  token(
                      "admin.tokens.get",
                      b -> b.setOp(TokenOperation.OpType.GET).setTokenId(tokenId),
                      timeout,
                      true,
                      r -> TokenDetails.fromProto(r.getToken())));
        });
  }

  @Override
  public CompletableFuture<Void> revokeToken(String tokenId, Duration timeout) {
    return Arguments.check(
        () -> {
          return withId(
              tokenId,
              "tokenId",
              () ->
                  token(
                      "admin.tokens.revoke",
                      b -> b.setOp(TokenOperation.OpType.REVOKE).setTokenId(tokenId),
                      timeout,
                      false,
                      r -> null));
        });
  }

  @Override
  public CompletableFuture<Void> deleteToken(String tokenId, Duration timeout) {
    return Arguments.check(
        () -> {
          return withId(
              tokenId,
              "tokenId",
              () ->
                  token(
                      "admin.tokens.delete",
                      b -> b.setOp(TokenOperation.OpType.DELETE).setTokenId(tokenId),
                      timeout,
                      false,
                      r -> null));
        });
  }

  private <T> CompletableFuture<T> token(
      String operation,
      java.util.function.Consumer<TokenOperation.Builder> fill,
      Duration timeout,
      boolean read,
      Function<TokenResponse, @Nullable T> decode) {
    return inLane(
        tokens,
        operation,
        id -> {
          TokenOperation.Builder b = TokenOperation.newBuilder().setRequestId(id);
          fill.accept(b);
          return UpstreamMessage.newBuilder().setTokenOp(b).build();
        },
        timeout,
        read,
        m -> {
          TokenResponse r = m.getToken();
          check(operation, r.getSuccess(), r.getError());
          return decode.apply(r);
        });
  }

  // ------------------------------------------------------------------ ACL

  @Override
  public CompletableFuture<List<AclRule>> listAclRules(AclTarget filter, Duration timeout) {
    return Arguments.check(
        () -> {
          Arguments.notNull(filter, "filter");
          return aclOp(
              "admin.acl.listRules",
              b -> b.setOp(ACLOperation.OpType.LIST_RULES).setRuleFilter(filter.toFilter()),
              timeout,
              true,
              r -> r.getRulesList().stream().map(AclRule::fromProto).toList());
        });
  }

  @Override
  public CompletableFuture<AclRule> getAclRule(AclTarget target, Duration timeout) {
    return Arguments.check(
        () -> {
          Arguments.notNull(target, "target");
          return aclOp(
              "admin.acl.getRule",
              b -> b.setOp(ACLOperation.OpType.GET_RULE).setRuleFilter(target.toFilter()),
              timeout,
              true,
              r -> AclRule.fromProto(r.getRule()));
        });
  }

  @Override
  public CompletableFuture<AclRule> grantAccess(AclGrant grant, Duration timeout) {
    return Arguments.check(
        () -> {
          Arguments.notNull(grant, "grant");
          return aclOp(
              "admin.acl.grant",
              b -> b.setOp(ACLOperation.OpType.GRANT).setGrantRequest(grant.toProto()),
              timeout,
              false,
              r -> AclRule.fromProto(r.getRule()));
        });
  }

  @Override
  public CompletableFuture<Void> revokeAclRule(String ruleId, Duration timeout) {
    return Arguments.check(
        () -> {
          return withId(
              ruleId,
              "ruleId",
              () ->
                  aclOp(
                      "admin.acl.revoke",
                      b -> b.setOp(ACLOperation.OpType.REVOKE).setRuleId(ruleId),
                      timeout,
                      false,
                      r -> null));
        });
  }

  @Override
  public CompletableFuture<Void> revokeAccess(AclTarget target, Duration timeout) {
    return Arguments.check(
        () -> {
          Arguments.notNull(target, "target");
          return aclOp(
              "admin.acl.revoke",
              b -> b.setOp(ACLOperation.OpType.REVOKE).setRuleFilter(target.toFilter()),
              timeout,
              false,
              r -> null);
        });
  }

  @Override
  public CompletableFuture<FallbackPolicy> getFallbackPolicy(String category, Duration timeout) {
    return Arguments.check(
        () -> {
          return withId(
              category,
              "category",
              () ->
                  aclOp(
                      "admin.acl.getFallbackPolicy",
                      b ->
                          b.setOp(ACLOperation.OpType.GET_FALLBACK_POLICY)
                              .setRuleCategory(category),
                      timeout,
                      true,
                      r -> FallbackPolicy.fromProto(r.getFallbackPolicy())));
        });
  }

  @Override
  public CompletableFuture<Void> setFallbackPolicy(
      String category, AccessLevel level, Duration timeout) {
    return Arguments.check(
        () -> {
          Arguments.notNull(level, "level");
          return withId(
              category,
              "category",
              () ->
                  aclOp(
                      "admin.acl.setFallbackPolicy",
                      b ->
                          b.setOp(ACLOperation.OpType.SET_FALLBACK_POLICY)
                              .setFallbackRequest(
                                  ACLSetFallbackRequest.newBuilder()
                                      .setRuleCategory(category)
                                      .setFallbackAccessLevel(level.wireValue())),
                      timeout,
                      false,
                      r -> null));
        });
  }

  @Override
  public CompletableFuture<AccessExplanation> explainAccess(
      AclTarget target, AccessLevel required, Duration timeout) {
    return Arguments.check(
        () -> {
          Arguments.notNull(target, "target");
          Arguments.notNull(required, "required");
          return aclOp(
              "admin.acl.explainAccess",
              b ->
                  b.setOp(ACLOperation.OpType.EXPLAIN_ACCESS)
                      .setPrincipal(
                          io.github.aetherjava.proto.v1.PrincipalRef.newBuilder()
                              .setPrincipalType(target.principalType())
                              .setPrincipalId(target.principalId()))
                      .setResourceType(target.resourceType())
                      .setResourceId(target.resourceId())
                      .setRequiredLevel(required.wireValue()),
              timeout,
              true,
              r -> AccessExplanation.fromProto(r.getExplanation()));
        });
  }

  private <T> CompletableFuture<T> aclOp(
      String operation,
      java.util.function.Consumer<ACLOperation.Builder> fill,
      Duration timeout,
      boolean read,
      Function<ACLResponse, @Nullable T> decode) {
    return inLane(
        acl,
        operation,
        id -> {
          ACLOperation.Builder b = ACLOperation.newBuilder().setRequestId(id);
          fill.accept(b);
          return UpstreamMessage.newBuilder().setAclOp(b).build();
        },
        timeout,
        read,
        m -> {
          ACLResponse r = m.getAcl();
          check(operation, r.getSuccess(), r.getError());
          return decode.apply(r);
        });
  }

  // ------------------------------------------------------------------ workspaces

  @Override
  public CompletableFuture<List<WorkspaceDetails>> listWorkspaces(Duration timeout) {
    return Arguments.check(
        () -> {
          return workspaceOp(
              "admin.workspaces.list",
              b -> b.setOp(WorkspaceOperation.OpType.LIST),
              timeout,
              true,
              r -> r.getWorkspacesList().stream().map(WorkspaceDetails::fromProto).toList());
        });
  }

  @Override
  public CompletableFuture<WorkspaceDetails> getWorkspace(String workspaceId, Duration timeout) {
    return Arguments.check(
        () -> {
          return withId(
              workspaceId,
              "workspaceId",
              () ->
                  workspaceOp(
                      "admin.workspaces.get",
                      b -> b.setOp(WorkspaceOperation.OpType.GET).setWorkspaceId(workspaceId),
                      timeout,
                      true,
                      r -> WorkspaceDetails.fromProto(r.getWorkspace())));
        });
  }

  @Override
  public CompletableFuture<Void> createWorkspace(WorkspaceDetails workspace, Duration timeout) {
    return Arguments.check(
        () -> {
          return putWorkspace(
              "admin.workspaces.create", WorkspaceOperation.OpType.CREATE, workspace, timeout);
        });
  }

  @Override
  public CompletableFuture<Void> updateWorkspace(WorkspaceDetails workspace, Duration timeout) {
    return Arguments.check(
        () -> {
          return putWorkspace(
              "admin.workspaces.update", WorkspaceOperation.OpType.UPDATE, workspace, timeout);
        });
  }

  private CompletableFuture<Void> putWorkspace(
      String operation, WorkspaceOperation.OpType op, WorkspaceDetails ws, Duration timeout) {
    Arguments.notNull(ws, "workspace");
    return withId(
        ws.id(),
        "workspace.id",
        () ->
            workspaceOp(
                operation,
                b -> b.setOp(op).setWorkspaceId(ws.id()).setWorkspace(ws.toProto()),
                timeout,
                false,
                r -> null));
  }

  @Override
  public CompletableFuture<Void> deleteWorkspace(String workspaceId, Duration timeout) {
    return Arguments.check(
        () -> {
          return withId(
              workspaceId,
              "workspaceId",
              () ->
                  workspaceOp(
                      "admin.workspaces.delete",
                      b -> b.setOp(WorkspaceOperation.OpType.DELETE).setWorkspaceId(workspaceId),
                      timeout,
                      false,
                      r -> null));
        });
  }

  @Override
  public CompletableFuture<MessageFlow> messageFlow(String workspaceId, Duration timeout) {
    return Arguments.check(
        () -> {
          return withId(
              workspaceId,
              "workspaceId",
              () ->
                  workspaceOp(
                      "admin.workspaces.messageFlow",
                      b ->
                          b.setOp(WorkspaceOperation.OpType.GET_MESSAGE_FLOW)
                              .setWorkspaceId(workspaceId),
                      timeout,
                      true,
                      r -> MessageFlow.fromProto(r.getMessageFlow())));
        });
  }

  private <T> CompletableFuture<T> workspaceOp(
      String operation,
      java.util.function.Consumer<WorkspaceOperation.Builder> fill,
      Duration timeout,
      boolean read,
      Function<WorkspaceResponse, @Nullable T> decode) {
    return inLane(
        workspaces,
        operation,
        id -> {
          WorkspaceOperation.Builder b = WorkspaceOperation.newBuilder().setRequestId(id);
          fill.accept(b);
          return UpstreamMessage.newBuilder().setWorkspaceOp(b).build();
        },
        timeout,
        read,
        m -> {
          WorkspaceResponse r = m.getWorkspace();
          check(operation, r.getSuccess(), r.getError());
          return decode.apply(r);
        });
  }

  // ------------------------------------------------------------------ agents

  @Override
  public CompletableFuture<List<AgentRegistration>> listAgents(
      String profile, int limit, int offset, Duration timeout) {
    return Arguments.check(
        () -> {
          Arguments.notNull(profile, "profile");
          Arguments.notNegative(limit, "limit");
          Arguments.notNegative(offset, "offset");
          return agentOp(
              "admin.agents.list",
              b ->
                  b.setOp(AgentOperation.OpType.LIST)
                      .setFilter(
                          AgentFilter.newBuilder()
                              .setOrchestratorProfile(profile)
                              .setLimit(limit)
                              .setOffset(offset)),
              timeout,
              true,
              r -> r.getAgentsList().stream().map(AgentRegistration::fromProto).toList());
        });
  }

  @Override
  public CompletableFuture<AgentRegistration> getAgent(String implementation, Duration timeout) {
    return Arguments.check(
        () -> {
          return withId(
              implementation,
              "implementation",
              () ->
                  agentOp(
                      "admin.agents.get",
                      b -> b.setOp(AgentOperation.OpType.GET).setImplementation(implementation),
                      timeout,
                      true,
                      r -> AgentRegistration.fromProto(r.getAgent())));
        });
  }

  @Override
  public CompletableFuture<Void> registerAgent(AgentRegistration agent, Duration timeout) {
    return Arguments.check(
        () -> {
          return putAgent("admin.agents.register", AgentOperation.OpType.REGISTER, agent, timeout);
        });
  }

  @Override
  public CompletableFuture<Void> updateAgent(AgentRegistration agent, Duration timeout) {
    return Arguments.check(
        () -> {
          return putAgent("admin.agents.update", AgentOperation.OpType.UPDATE, agent, timeout);
        });
  }

  private CompletableFuture<Void> putAgent(
      String operation, AgentOperation.OpType op, AgentRegistration agent, Duration timeout) {
    Arguments.notNull(agent, "agent");
    if (agent.profile().isEmpty()) {
      throw new InvalidArgumentException(
          "agent.launchParams must contain 'profile' (the orchestrator profile)");
    }
    return agentOp(
        operation,
        b -> b.setOp(op).setImplementation(agent.implementation()).setAgent(agent.toProto()),
        timeout,
        false,
        r -> null);
  }

  @Override
  public CompletableFuture<Void> deleteAgent(String implementation, Duration timeout) {
    return Arguments.check(
        () -> {
          return withId(
              implementation,
              "implementation",
              () ->
                  agentOp(
                      "admin.agents.delete",
                      b -> b.setOp(AgentOperation.OpType.DELETE).setImplementation(implementation),
                      timeout,
                      false,
                      r -> null));
        });
  }

  @Override
  public CompletableFuture<LaunchResult> launchAgent(
      String implementation,
      String workspace,
      String specifier,
      Map<String, String> paramOverrides,
      Duration timeout) {
    return Arguments.check(
        () -> {
          Arguments.notNull(workspace, "workspace");
          Arguments.notNull(specifier, "specifier");
          Arguments.notNull(paramOverrides, "paramOverrides");
          return withId(
              implementation,
              "implementation",
              () ->
                  agentOp(
                      "admin.agents.launch",
                      b ->
                          b.setOp(AgentOperation.OpType.LAUNCH)
                              .setImplementation(implementation)
                              .setLaunchParams(
                                  AgentLaunchParams.newBuilder()
                                      .setWorkspace(workspace)
                                      .setSpecifier(specifier)
                                      .putAllParamOverrides(paramOverrides)),
                      timeout,
                      false,
                      r ->
                          new LaunchResult(
                              r.getLaunchResult().getTaskId(), r.getLaunchResult().getMessage())));
        });
  }

  @Override
  public CompletableFuture<List<OrchestratorDetails>> listOrchestrators(Duration timeout) {
    return Arguments.check(
        () -> {
          return agentOp(
              "admin.agents.listOrchestrators",
              b -> b.setOp(AgentOperation.OpType.LIST_ORCHESTRATORS),
              timeout,
              true,
              r -> r.getOrchestratorsList().stream().map(OrchestratorDetails::fromProto).toList());
        });
  }

  private <T> CompletableFuture<T> agentOp(
      String operation,
      java.util.function.Consumer<AgentOperation.Builder> fill,
      Duration timeout,
      boolean read,
      Function<AgentResponse, @Nullable T> decode) {
    return inLane(
        agents,
        operation,
        id -> {
          AgentOperation.Builder b = AgentOperation.newBuilder().setRequestId(id);
          fill.accept(b);
          return UpstreamMessage.newBuilder().setAgentOp(b).build();
        },
        timeout,
        read,
        m -> {
          AgentResponse r = m.getAgent();
          check(operation, r.getSuccess(), r.getError());
          return decode.apply(r);
        });
  }

  // ------------------------------------------------------------------ sessions and audit

  @Override
  public CompletableFuture<List<SessionDetails>> listSessions(
      SessionFilter filter, Duration timeout) {
    return Arguments.check(
        () -> {
          Arguments.notNull(filter, "filter");
          return sessionOp(
              "admin.sessions.list",
              SessionOperation.newBuilder()
                  .setOp(SessionOperation.OpType.LIST)
                  .setFilter(filter.toProto()),
              timeout,
              true,
              r -> r.getConnectionsList().stream().map(SessionDetails::fromProto).toList());
        });
  }

  @Override
  public CompletableFuture<SessionDetails> getSession(String sessionId, Duration timeout) {
    return Arguments.check(
        () -> {
          return withId(
              sessionId,
              "sessionId",
              () ->
                  sessionOp(
                      "admin.sessions.get",
                      SessionOperation.newBuilder()
                          .setOp(SessionOperation.OpType.GET)
                          .setSessionId(sessionId),
                      timeout,
                      true,
                      r -> SessionDetails.fromProto(r.getConnection())));
        });
  }

  @Override
  public CompletableFuture<Void> disconnectSession(
      String sessionId, String reason, Duration timeout) {
    return Arguments.check(
        () -> {
          Arguments.notNull(reason, "reason");
          return withId(
              sessionId,
              "sessionId",
              () ->
                  sessionOp(
                      "admin.sessions.disconnect",
                      SessionOperation.newBuilder()
                          .setOp(SessionOperation.OpType.DISCONNECT)
                          .setSessionId(sessionId)
                          .setReason(reason),
                      timeout,
                      false,
                      r -> null));
        });
  }

  private <T> CompletableFuture<T> sessionOp(
      String operation,
      SessionOperation.Builder b,
      Duration timeout,
      boolean read,
      Function<SessionOperationResponse, @Nullable T> decode) {
    return direct(
        operation,
        id -> UpstreamMessage.newBuilder().setSessionOp(b.setRequestId(id)).build(),
        timeout,
        read,
        m -> {
          SessionOperationResponse r = m.getSessionResponse();
          check(operation, r.getSuccess(), r.getError());
          return decode.apply(r);
        });
  }

  @Override
  public CompletableFuture<List<AuditRecord>> queryAudit(AuditQuery query, Duration timeout) {
    return Arguments.check(
        () -> {
          Arguments.notNull(query, "query");
          return direct(
              "admin.audit.query",
              id -> UpstreamMessage.newBuilder().setAuditQuery(query.toProto(id)).build(),
              timeout,
              true,
              m -> {
                AuditQueryResponse r = m.getAuditResponse();
                check("admin.audit.query", r.getSuccess(), r.getError());
                return r.getEntriesList().stream().map(AuditRecord::fromProto).toList();
              });
        });
  }

  // ------------------------------------------------------------------ plumbing

  private <T> CompletableFuture<T> inLane(
      InOrderLane lane,
      String operation,
      Function<String, UpstreamMessage> frameFor,
      Duration timeout,
      boolean read,
      PendingRequests.Decoder<T> decoder) {
    Arguments.positive(timeout, "timeout");
    return lane.submit(operation, frameFor, timeout, read, decoder, e -> mapError(operation, e));
  }

  private <T> CompletableFuture<T> direct(
      String operation,
      Function<String, UpstreamMessage> frameFor,
      Duration timeout,
      boolean read,
      PendingRequests.Decoder<T> decoder) {
    Arguments.positive(timeout, "timeout");
    String id = core.nextRequestId();
    return core.request(
        operation,
        id,
        frameFor.apply(id),
        timeout,
        read,
        decoder,
        e -> mapError(operation, e),
        core.observe(operation));
  }

  static Throwable mapError(String operation, Throwable e) {
    if (e instanceof GatewayErrorException g && "ERR_PERMISSION_DENIED".equals(g.code())) {
      return new PermissionDeniedException(operation + ": " + g.getMessage(), g, null);
    }
    if (e instanceof AetherException) {
      return e;
    }
    return RequestErrors.withContext(e, operation);
  }

  private static void check(String operation, boolean success, String error) {
    if (!success) {
      throw new AdminOperationException(
          operation, error.isEmpty() ? "the gateway gave no reason" : error);
    }
  }

  private static <T> CompletableFuture<T> withId(
      String value, String name, java.util.function.Supplier<CompletableFuture<T>> call) {
    Arguments.notBlank(value, name);
    return call.get();
  }
}
