/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.admin;

import io.github.aetherjava.client.audit.AuditQuery;
import io.github.aetherjava.client.audit.AuditRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Administration of the gateway over a connected client's stream: API tokens, ACL rules,
 * workspaces, the agent registry, sessions and the audit log, plus {@link #health()}. Obtain it
 * with {@code AetherClient.admin()}; it uses that client's connection and identity, whose rights
 * decide what the gateway allows ({@code admin/<category>} grants; the workflow engine and
 * orchestrators are always allowed).
 *
 * <p>Every call returns a future and has an overload with a per-call timeout; the others use {@link
 * #defaultTimeout()}. A failed future carries an {@link AdminOperationException} when the gateway
 * refused the operation, a {@code PermissionDeniedException} when it denied the caller the
 * category, an {@code AetherTimeoutException} on timeout, and a {@code ConnectionException} when
 * the stream dropped.
 *
 * <p>The real gateway does not echo request ids on workspace, agent and ACL responses, so those
 * calls are matched in order: at most one of each kind is on the wire at a time and the rest wait
 * their turn (their timeout runs while they wait). Token calls are serialised the same way so a
 * permission denial, which arrives without a request id, fails the right call at once.
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
public interface AdminClient {

  /** Timeout of calls without an explicit one (10 s, as in the other SDKs). */
  Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  /**
   * @return the timeout of calls without an explicit one
   */
  Duration defaultTimeout();

  /**
   * The gateway's health: the standard {@code grpc.health.v1.Health/Check} of the Aether service on
   * this client's channel, with the version and build from the client's {@code ConnectionAck}.
   *
   * @return the health
   */
  default CompletableFuture<GatewayHealth> health() {
    return health(defaultTimeout());
  }

  /**
   * @param timeout per-call timeout
   * @return the health
   * @see #health()
   */
  CompletableFuture<GatewayHealth> health(Duration timeout);

  /**
   * Live connections: the session list (the gateway does not answer the stream's {@code
   * AdminQuery}).
   *
   * @return every live session
   */
  default CompletableFuture<List<SessionDetails>> connections() {
    return listSessions(SessionFilter.ALL);
  }

  /**
   * Mints an API token; the plaintext is returned once.
   *
   * @param spec what to mint
   * @return the result
   */
  default CompletableFuture<CreatedToken> createToken(TokenSpec spec) {
    return createToken(spec, defaultTimeout());
  }

  /**
   * Mints an API token; the plaintext is returned once.
   *
   * @param spec what to mint
   * @param timeout per-call timeout
   * @return the result
   */
  CompletableFuture<CreatedToken> createToken(TokenSpec spec, Duration timeout);

  /**
   * Lists tokens.
   *
   * @param limit page size (0 = gateway default 100)
   * @param offset tokens to skip
   * @param includeRevoked include revoked tokens
   * @return the result
   */
  default CompletableFuture<TokenPage> listTokens(int limit, int offset, boolean includeRevoked) {
    return listTokens(limit, offset, includeRevoked, defaultTimeout());
  }

  /**
   * Lists tokens.
   *
   * @param limit page size (0 = gateway default 100)
   * @param offset tokens to skip
   * @param includeRevoked include revoked tokens
   * @param timeout per-call timeout
   * @return the result
   */
  CompletableFuture<TokenPage> listTokens(
      int limit, int offset, boolean includeRevoked, Duration timeout);

  /**
   * Reads one token.
   *
   * @param tokenId token id
   * @return the result
   */
  default CompletableFuture<TokenDetails> getToken(String tokenId) {
    return getToken(tokenId, defaultTimeout());
  }

  /**
   * Reads one token.
   *
   * @param tokenId token id
   * @param timeout per-call timeout
   * @return the result
   */
  CompletableFuture<TokenDetails> getToken(String tokenId, Duration timeout);

  /**
   * Revokes a token (it stays listed as revoked).
   *
   * @param tokenId token id
   * @return the result
   */
  default CompletableFuture<Void> revokeToken(String tokenId) {
    return revokeToken(tokenId, defaultTimeout());
  }

  /**
   * Revokes a token (it stays listed as revoked).
   *
   * @param tokenId token id
   * @param timeout per-call timeout
   * @return the result
   */
  CompletableFuture<Void> revokeToken(String tokenId, Duration timeout);

  /**
   * Deletes a token.
   *
   * @param tokenId token id
   * @return the result
   */
  default CompletableFuture<Void> deleteToken(String tokenId) {
    return deleteToken(tokenId, defaultTimeout());
  }

  /**
   * Deletes a token.
   *
   * @param tokenId token id
   * @param timeout per-call timeout
   * @return the result
   */
  CompletableFuture<Void> deleteToken(String tokenId, Duration timeout);

  /**
   * Lists ACL rules whose non-empty fields match {@code filter}.
   *
   * @param filter filter; {@link AclTarget#ANY} for all
   * @return the result
   */
  default CompletableFuture<List<AclRule>> listAclRules(AclTarget filter) {
    return listAclRules(filter, defaultTimeout());
  }

  /**
   * Lists ACL rules whose non-empty fields match {@code filter}.
   *
   * @param filter filter; {@link AclTarget#ANY} for all
   * @param timeout per-call timeout
   * @return the result
   */
  CompletableFuture<List<AclRule>> listAclRules(AclTarget filter, Duration timeout);

  /**
   * Reads the rule for exactly this principal and resource.
   *
   * @param target principal and resource
   * @return the result
   */
  default CompletableFuture<AclRule> getAclRule(AclTarget target) {
    return getAclRule(target, defaultTimeout());
  }

  /**
   * Reads the rule for exactly this principal and resource.
   *
   * @param target principal and resource
   * @param timeout per-call timeout
   * @return the result
   */
  CompletableFuture<AclRule> getAclRule(AclTarget target, Duration timeout);

  /**
   * Grants an access level (creates or replaces the rule).
   *
   * @param grant the grant
   * @return the result
   */
  default CompletableFuture<AclRule> grantAccess(AclGrant grant) {
    return grantAccess(grant, defaultTimeout());
  }

  /**
   * Grants an access level (creates or replaces the rule).
   *
   * @param grant the grant
   * @param timeout per-call timeout
   * @return the result
   */
  CompletableFuture<AclRule> grantAccess(AclGrant grant, Duration timeout);

  /**
   * Revokes a rule by its id.
   *
   * @param ruleId rule id
   * @return the result
   */
  default CompletableFuture<Void> revokeAclRule(String ruleId) {
    return revokeAclRule(ruleId, defaultTimeout());
  }

  /**
   * Revokes a rule by its id.
   *
   * @param ruleId rule id
   * @param timeout per-call timeout
   * @return the result
   */
  CompletableFuture<Void> revokeAclRule(String ruleId, Duration timeout);

  /**
   * Revokes the rule for exactly this principal and resource.
   *
   * @param target principal and resource
   * @return the result
   */
  default CompletableFuture<Void> revokeAccess(AclTarget target) {
    return revokeAccess(target, defaultTimeout());
  }

  /**
   * Revokes the rule for exactly this principal and resource.
   *
   * @param target principal and resource
   * @param timeout per-call timeout
   * @return the result
   */
  CompletableFuture<Void> revokeAccess(AclTarget target, Duration timeout);

  /**
   * Reads the fallback level of a rule category.
   *
   * @param category rule category, e.g. {@code user_workspace}
   * @return the result
   */
  default CompletableFuture<FallbackPolicy> getFallbackPolicy(String category) {
    return getFallbackPolicy(category, defaultTimeout());
  }

  /**
   * Reads the fallback level of a rule category.
   *
   * @param category rule category, e.g. {@code user_workspace}
   * @param timeout per-call timeout
   * @return the result
   */
  CompletableFuture<FallbackPolicy> getFallbackPolicy(String category, Duration timeout);

  /**
   * Sets the fallback level of a rule category.
   *
   * @param category rule category
   * @param level fallback level
   * @return the result
   */
  default CompletableFuture<Void> setFallbackPolicy(String category, AccessLevel level) {
    return setFallbackPolicy(category, level, defaultTimeout());
  }

  /**
   * Sets the fallback level of a rule category.
   *
   * @param category rule category
   * @param level fallback level
   * @param timeout per-call timeout
   * @return the result
   */
  CompletableFuture<Void> setFallbackPolicy(String category, AccessLevel level, Duration timeout);

  /**
   * Explains whether a principal holds a level on a resource.
   *
   * @param target principal and resource
   * @param required level to check
   * @return the result
   */
  default CompletableFuture<AccessExplanation> explainAccess(
      AclTarget target, AccessLevel required) {
    return explainAccess(target, required, defaultTimeout());
  }

  /**
   * Explains whether a principal holds a level on a resource.
   *
   * @param target principal and resource
   * @param required level to check
   * @param timeout per-call timeout
   * @return the result
   */
  CompletableFuture<AccessExplanation> explainAccess(
      AclTarget target, AccessLevel required, Duration timeout);

  /**
   * Lists workspaces.
   *
   * @return the result
   */
  default CompletableFuture<List<WorkspaceDetails>> listWorkspaces() {
    return listWorkspaces(defaultTimeout());
  }

  /**
   * Lists workspaces.
   *
   * @param timeout per-call timeout
   * @return the result
   */
  CompletableFuture<List<WorkspaceDetails>> listWorkspaces(Duration timeout);

  /**
   * Reads a workspace with its live counts.
   *
   * @param workspaceId workspace id
   * @return the result
   */
  default CompletableFuture<WorkspaceDetails> getWorkspace(String workspaceId) {
    return getWorkspace(workspaceId, defaultTimeout());
  }

  /**
   * Reads a workspace with its live counts.
   *
   * @param workspaceId workspace id
   * @param timeout per-call timeout
   * @return the result
   */
  CompletableFuture<WorkspaceDetails> getWorkspace(String workspaceId, Duration timeout);

  /**
   * Stores a workspace's descriptive data.
   *
   * @param workspace id and descriptive data
   * @return the result
   */
  default CompletableFuture<Void> createWorkspace(WorkspaceDetails workspace) {
    return createWorkspace(workspace, defaultTimeout());
  }

  /**
   * Stores a workspace's descriptive data.
   *
   * @param workspace id and descriptive data
   * @param timeout per-call timeout
   * @return the result
   */
  CompletableFuture<Void> createWorkspace(WorkspaceDetails workspace, Duration timeout);

  /**
   * Replaces a workspace's descriptive data.
   *
   * @param workspace id and descriptive data
   * @return the result
   */
  default CompletableFuture<Void> updateWorkspace(WorkspaceDetails workspace) {
    return updateWorkspace(workspace, defaultTimeout());
  }

  /**
   * Replaces a workspace's descriptive data.
   *
   * @param workspace id and descriptive data
   * @param timeout per-call timeout
   * @return the result
   */
  CompletableFuture<Void> updateWorkspace(WorkspaceDetails workspace, Duration timeout);

  /**
   * Deletes a workspace's data; refused while sessions are in it.
   *
   * @param workspaceId workspace id
   * @return the result
   */
  default CompletableFuture<Void> deleteWorkspace(String workspaceId) {
    return deleteWorkspace(workspaceId, defaultTimeout());
  }

  /**
   * Deletes a workspace's data; refused while sessions are in it.
   *
   * @param workspaceId workspace id
   * @param timeout per-call timeout
   * @return the result
   */
  CompletableFuture<Void> deleteWorkspace(String workspaceId, Duration timeout);

  /**
   * Reads who talks to whom in a workspace.
   *
   * @param workspaceId workspace id
   * @return the result
   */
  default CompletableFuture<MessageFlow> messageFlow(String workspaceId) {
    return messageFlow(workspaceId, defaultTimeout());
  }

  /**
   * Reads who talks to whom in a workspace.
   *
   * @param workspaceId workspace id
   * @param timeout per-call timeout
   * @return the result
   */
  CompletableFuture<MessageFlow> messageFlow(String workspaceId, Duration timeout);

  /**
   * Lists agent registrations.
   *
   * @param profile only this orchestrator profile ("" = all)
   * @param limit page size (0 = all)
   * @param offset entries to skip
   * @return the result
   */
  default CompletableFuture<List<AgentRegistration>> listAgents(
      String profile, int limit, int offset) {
    return listAgents(profile, limit, offset, defaultTimeout());
  }

  /**
   * Lists agent registrations.
   *
   * @param profile only this orchestrator profile ("" = all)
   * @param limit page size (0 = all)
   * @param offset entries to skip
   * @param timeout per-call timeout
   * @return the result
   */
  CompletableFuture<List<AgentRegistration>> listAgents(
      String profile, int limit, int offset, Duration timeout);

  /**
   * Reads an agent registration.
   *
   * @param implementation implementation
   * @return the result
   */
  default CompletableFuture<AgentRegistration> getAgent(String implementation) {
    return getAgent(implementation, defaultTimeout());
  }

  /**
   * Reads an agent registration.
   *
   * @param implementation implementation
   * @param timeout per-call timeout
   * @return the result
   */
  CompletableFuture<AgentRegistration> getAgent(String implementation, Duration timeout);

  /**
   * Registers an agent.
   *
   * @param agent the registration
   * @return the result
   */
  default CompletableFuture<Void> registerAgent(AgentRegistration agent) {
    return registerAgent(agent, defaultTimeout());
  }

  /**
   * Registers an agent.
   *
   * @param agent the registration
   * @param timeout per-call timeout
   * @return the result
   */
  CompletableFuture<Void> registerAgent(AgentRegistration agent, Duration timeout);

  /**
   * Replaces an agent registration.
   *
   * @param agent the registration
   * @return the result
   */
  default CompletableFuture<Void> updateAgent(AgentRegistration agent) {
    return updateAgent(agent, defaultTimeout());
  }

  /**
   * Replaces an agent registration.
   *
   * @param agent the registration
   * @param timeout per-call timeout
   * @return the result
   */
  CompletableFuture<Void> updateAgent(AgentRegistration agent, Duration timeout);

  /**
   * Deletes an agent registration.
   *
   * @param implementation implementation
   * @return the result
   */
  default CompletableFuture<Void> deleteAgent(String implementation) {
    return deleteAgent(implementation, defaultTimeout());
  }

  /**
   * Deletes an agent registration.
   *
   * @param implementation implementation
   * @param timeout per-call timeout
   * @return the result
   */
  CompletableFuture<Void> deleteAgent(String implementation, Duration timeout);

  /**
   * Launches a registered agent through its orchestrator.
   *
   * @param implementation implementation
   * @param workspace workspace to start it in
   * @param specifier specifier of the instance
   * @param paramOverrides launch parameter overrides
   * @return the result
   */
  default CompletableFuture<LaunchResult> launchAgent(
      String implementation,
      String workspace,
      String specifier,
      Map<String, String> paramOverrides) {
    return launchAgent(implementation, workspace, specifier, paramOverrides, defaultTimeout());
  }

  /**
   * Launches a registered agent through its orchestrator.
   *
   * @param implementation implementation
   * @param workspace workspace to start it in
   * @param specifier specifier of the instance
   * @param paramOverrides launch parameter overrides
   * @param timeout per-call timeout
   * @return the result
   */
  CompletableFuture<LaunchResult> launchAgent(
      String implementation,
      String workspace,
      String specifier,
      Map<String, String> paramOverrides,
      Duration timeout);

  /**
   * Lists connected orchestrators.
   *
   * @return the result
   */
  default CompletableFuture<List<OrchestratorDetails>> listOrchestrators() {
    return listOrchestrators(defaultTimeout());
  }

  /**
   * Lists connected orchestrators.
   *
   * @param timeout per-call timeout
   * @return the result
   */
  CompletableFuture<List<OrchestratorDetails>> listOrchestrators(Duration timeout);

  /**
   * Lists live sessions.
   *
   * @param filter filter; {@link SessionFilter#ALL} for all
   * @return the result
   */
  default CompletableFuture<List<SessionDetails>> listSessions(SessionFilter filter) {
    return listSessions(filter, defaultTimeout());
  }

  /**
   * Lists live sessions.
   *
   * @param filter filter; {@link SessionFilter#ALL} for all
   * @param timeout per-call timeout
   * @return the result
   */
  CompletableFuture<List<SessionDetails>> listSessions(SessionFilter filter, Duration timeout);

  /**
   * Reads a live session.
   *
   * @param sessionId session id
   * @return the result
   */
  default CompletableFuture<SessionDetails> getSession(String sessionId) {
    return getSession(sessionId, defaultTimeout());
  }

  /**
   * Reads a live session.
   *
   * @param sessionId session id
   * @param timeout per-call timeout
   * @return the result
   */
  CompletableFuture<SessionDetails> getSession(String sessionId, Duration timeout);

  /**
   * Disconnects a session: its client gets {@code FORCE_DISCONNECT} and does not reconnect.
   *
   * @param sessionId session id
   * @param reason reason recorded by the gateway
   * @return the result
   */
  default CompletableFuture<Void> disconnectSession(String sessionId, String reason) {
    return disconnectSession(sessionId, reason, defaultTimeout());
  }

  /**
   * Disconnects a session: its client gets {@code FORCE_DISCONNECT} and does not reconnect.
   *
   * @param sessionId session id
   * @param reason reason recorded by the gateway
   * @param timeout per-call timeout
   * @return the result
   */
  CompletableFuture<Void> disconnectSession(String sessionId, String reason, Duration timeout);

  /**
   * Queries the audit log.
   *
   * @param query filters; {@link AuditQuery#ALL} for the newest entries
   * @return the result
   */
  default CompletableFuture<List<AuditRecord>> queryAudit(AuditQuery query) {
    return queryAudit(query, defaultTimeout());
  }

  /**
   * Queries the audit log.
   *
   * @param query filters; {@link AuditQuery#ALL} for the newest entries
   * @param timeout per-call timeout
   * @return the result
   */
  CompletableFuture<List<AuditRecord>> queryAudit(AuditQuery query, Duration timeout);
}
