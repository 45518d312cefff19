/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import io.github.aetherjava.gateway.embedded.PolicyMode;
import io.github.aetherjava.proto.v1.ACLAuthorityGrantInfo;
import io.github.aetherjava.proto.v1.ACLRenewAuthorityGrantRequest;
import io.github.aetherjava.proto.v1.AuthorityGrantBatchExchangeRequest;
import io.github.aetherjava.proto.v1.AuthorityGrantDeriveForTargetRequest;
import io.github.aetherjava.proto.v1.AuthorityGrantDeriveRequest;
import io.github.aetherjava.proto.v1.AuthorityGrantExchangeRequest;
import io.github.aetherjava.proto.v1.AuthorityGrantInfo;
import io.github.aetherjava.proto.v1.AuthorityGrantListRequest;
import io.github.aetherjava.proto.v1.AuthorityGrantOperation;
import io.github.aetherjava.proto.v1.AuthorityGrantResponse;
import io.github.aetherjava.proto.v1.AuthorityGrantRevocation;
import io.github.aetherjava.proto.v1.AuthorizationContext;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.PrincipalRef;
import io.github.aetherjava.proto.v1.PrincipalType;
import io.github.aetherjava.proto.v1.ResolveAuthorityRequest;
import io.github.aetherjava.proto.v1.ResolveAuthorityResponse;
import io.github.aetherjava.proto.v1.ResolvedAuthority;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * {@code AuthorityGrantOperation} (exchange, derive, get, renew, revoke with cascade, the two
 * lists, batch exchange, derive for target), the {@code AuthorityGrantRevocation} push to the
 * delegates of revoked grants, and {@code ResolveAuthorityRequest}. Texts and rules follow the real
 * gateway; every answer carries the request id.
 */
final class AuthorityComponent implements Dispatcher.Component {

  private final GrantStore store;
  private final SessionRegistry registry;
  private final Policy policy;
  private final AclRules acl;

  AuthorityComponent(GrantStore store, SessionRegistry registry, Policy policy, AclRules acl) {
    this.store = store;
    this.registry = registry;
    this.policy = policy;
    this.acl = acl;
  }

  @Override
  public void register(Dispatcher dispatcher) {
    dispatcher.on(
        UpstreamMessage.PayloadCase.AUTHORITY_GRANT_OP,
        (s, f) -> handle(s, f.getAuthorityGrantOp()));
    dispatcher.on(
        UpstreamMessage.PayloadCase.RESOLVE_AUTHORITY_REQUEST,
        (s, f) -> resolve(s, f.getResolveAuthorityRequest()));
  }

  /** The grant store (OBO resolution on sends reads it). */
  GrantStore store() {
    return store;
  }

  private void handle(Session session, AuthorityGrantOperation op) {
    AuthorityGrantResponse.Builder r =
        AuthorityGrantResponse.newBuilder().setRequestId(op.getRequestId());
    try {
      switch (op.getOp()) {
        case EXCHANGE -> {
          if (!op.hasExchangeRequest()) {
            throw new GrantStore.GrantException("exchange_request is required");
          }
          r.setSuccess(true)
              .setMessage("authority grant exchanged")
              .setGrant(exchange(session, op.getExchangeRequest()));
        }
        case DERIVE -> {
          if (!op.hasDeriveRequest()) {
            throw new GrantStore.GrantException("derive_request is required");
          }
          r.setSuccess(true)
              .setMessage("authority grant derived")
              .setGrant(derive(session, op.getDeriveRequest()));
        }
        case GET -> r.setSuccess(true).setGrant(visible(session, op.getGrantId()));
        case RENEW ->
            r.setSuccess(true).setMessage("authority grant renewed").setGrant(renew(session, op));
        case REVOKE ->
            r.setSuccess(true)
                .setMessage("authority grant revoked")
                .setGrant(revoke(session, op.getGrantId()));
        case LIST_MY_GRANTS -> list(session, op.getListRequest(), true, r);
        case LIST_GRANTS_ON_ME -> list(session, op.getListRequest(), false, r);
        case BATCH_EXCHANGE -> batch(session, op.getBatchExchangeRequest(), r);
        case DERIVE_FOR_TARGET -> deriveForTarget(session, op.getDeriveForTargetRequest(), r);
        default -> throw new GrantStore.GrantException("unknown authority grant operation");
      }
    } catch (GrantStore.GrantException e) {
      r.clear().setRequestId(op.getRequestId()).setSuccess(false).setError(e.getMessage());
    }
    session.send(DownstreamMessage.newBuilder().setAuthorityGrant(r).build());
  }

  private ACLAuthorityGrantInfo exchange(Session session, AuthorityGrantExchangeRequest req) {
    PrincipalRef actor = ref(session.identity());
    PrincipalRef subject = actor;
    String source = req.getSourceSessionId().trim();
    boolean trusted = !source.isEmpty();
    ACLAuthorityGrantInfo.Builder draft = ACLAuthorityGrantInfo.newBuilder();
    if (!trusted) {
      if (session.identity().type() != PrincipalType.PRINCIPAL_USER) {
        throw new GrantStore.GrantException("source_session_id is required for non-user actors");
      }
      draft.putMetadata("exchange_mode", "self");
    } else {
      Session src = registry.bySessionId(source);
      if (src == null || src.isTerminated()) {
        throw new GrantStore.GrantException("failed to resolve source session: session not found");
      }
      if (src.identity().type() != PrincipalType.PRINCIPAL_USER) {
        throw new GrantStore.GrantException(
            "source_session_id must reference an active user session");
      }
      if (!mayExchangeFor(session)) {
        throw new GrantStore.GrantException(
            "not authorized to exchange authority grants from another session");
      }
      subject = ref(src.identity());
      draft.putMetadata("exchange_mode", "trusted_exchange");
      draft.putMetadata("source_session_id", source);
    }
    String[] audience =
        exchangeAudience(session, req.getAudienceType(), req.getAudienceId(), source);
    if (req.getMaxAccessLevel() == 0) {
      throw new GrantStore.GrantException(
          "invalid max_access_level: max_access_level is required and must be explicitly set;"
              + " zero is not a valid value");
    }
    draft
        .setSubject(subject)
        .setDelegate(actor)
        .setIssuedBy(actor)
        .setRootSubject(subject)
        .setMayDelegate(req.getMayDelegate())
        .setRemainingHops(req.getRemainingHops())
        .addAllWorkspaceScope(req.getWorkspaceScopeList())
        .addAllResourceScope(req.getResourceScopeList())
        .addAllOperationScope(req.getOperationScopeList())
        .setMaxAccessLevel(req.getMaxAccessLevel())
        .setAudienceType(audience[0])
        .setAudienceId(audience[1])
        // a grant taken from another user's session lives only as long as that session
        .setValidWhileAudienceActive(trusted || req.getValidWhileAudienceActive())
        .setExpiresAt(req.getExpiresAt())
        .setRenewableUntil(req.getRenewableUntil())
        .setReason(req.getReason())
        .putAllMetadata(req.getMetadataMap());
    return store.create(draft.build());
  }

  private ACLAuthorityGrantInfo derive(Session session, AuthorityGrantDeriveRequest req) {
    if (req.getParentGrantId().isBlank()) {
      throw new GrantStore.GrantException("parent_grant_id is required");
    }
    if (!req.hasDelegate()) {
      throw new GrantStore.GrantException("delegate is required");
    }
    if (req.getAudienceType().isBlank() || req.getAudienceId().isBlank()) {
      throw new GrantStore.GrantException("audience_type and audience_id are required");
    }
    ACLAuthorityGrantInfo parent = store.require(req.getParentGrantId());
    requireDelegate(session, parent);
    PrincipalRef delegate;
    try {
      delegate = normalise(req.getDelegate());
    } catch (GrantStore.GrantException e) {
      throw new GrantStore.GrantException("invalid delegate: " + e.getMessage());
    }
    if (req.getMaxAccessLevel() == 0) {
      throw new GrantStore.GrantException(
          "invalid max_access_level: max_access_level is required and must be explicitly set;"
              + " zero is not a valid value");
    }
    ACLAuthorityGrantInfo.Builder draft =
        ACLAuthorityGrantInfo.newBuilder()
            .setSubject(parent.getSubject())
            .setDelegate(delegate)
            .setIssuedBy(ref(session.identity()))
            .setRootSubject(parent.getRootSubject())
            .setParentGrantId(parent.getGrantId())
            .setMayDelegate(req.getMayDelegate())
            .setRemainingHops(req.getRemainingHops())
            .addAllWorkspaceScope(req.getWorkspaceScopeList())
            .addAllResourceScope(req.getResourceScopeList())
            .addAllOperationScope(req.getOperationScopeList())
            .setMaxAccessLevel(req.getMaxAccessLevel())
            .setAudienceType(req.getAudienceType())
            .setAudienceId(req.getAudienceId())
            .setValidWhileAudienceActive(req.getValidWhileAudienceActive())
            .setExpiresAt(req.getExpiresAt())
            .setRenewableUntil(req.getRenewableUntil())
            .setReason(req.getReason())
            .putAllMetadata(req.getMetadataMap())
            .putMetadata("derived_from_grant_id", parent.getGrantId());
    return store.create(draft.build());
  }

  private void deriveForTarget(
      Session session, AuthorityGrantDeriveForTargetRequest req, AuthorityGrantResponse.Builder r) {
    if (req.getParentGrantId().isBlank()) {
      throw new GrantStore.GrantException("parent_grant_id is required");
    }
    if (!req.hasTarget()) {
      throw new GrantStore.GrantException("target is required");
    }
    if (req.getAudienceType().isBlank() || req.getAudienceId().isBlank()) {
      throw new GrantStore.GrantException("audience_type and audience_id are required");
    }
    PrincipalRef target;
    try {
      target = normalise(req.getTarget());
    } catch (GrantStore.GrantException e) {
      throw new GrantStore.GrantException("invalid target: " + e.getMessage());
    }
    PrincipalRef me = ref(session.identity());
    long now = store.nowSeconds();
    List<ACLAuthorityGrantInfo> existing =
        store.list(
            g ->
                g.getParentGrantId().equals(req.getParentGrantId())
                    && GrantStore.same(g.getDelegate(), target)
                    && g.getAudienceType().equals(req.getAudienceType())
                    && g.getAudienceId().equals(req.getAudienceId())
                    && !g.getRevoked()
                    && g.getExpiresAt() > now
                    && (GrantStore.same(g.getIssuedBy(), me)
                        || GrantStore.same(g.getSubject(), me)
                        || GrantStore.same(g.getDelegate(), me)),
            1,
            0);
    if (!existing.isEmpty()) {
      r.setSuccess(true).setMessage("existing authority grant reused").setGrant(existing.get(0));
      return;
    }
    AuthorityGrantDeriveRequest derive =
        AuthorityGrantDeriveRequest.newBuilder()
            .setParentGrantId(req.getParentGrantId())
            .setDelegate(req.getTarget())
            .addAllOperationScope(req.getOperationScopeList())
            .setMaxAccessLevel(req.getMaxAccessLevel())
            .setAudienceType(req.getAudienceType())
            .setAudienceId(req.getAudienceId())
            .setExpiresAt(req.getExpiresAt())
            .setRenewableUntil(req.getRenewableUntil())
            .setMayDelegate(req.getMayDelegate())
            .setRemainingHops(req.getRemainingHops())
            .setReason(req.getReason())
            .build();
    r.setSuccess(true).setMessage("authority grant derived").setGrant(derive(session, derive));
  }

  private ACLAuthorityGrantInfo renew(Session session, AuthorityGrantOperation op) {
    if (!op.hasRenewRequest()) {
      throw new GrantStore.GrantException("renew_request is required");
    }
    ACLRenewAuthorityGrantRequest req = op.getRenewRequest();
    String id = req.getGrantId().isBlank() ? op.getGrantId().trim() : req.getGrantId().trim();
    if (id.isEmpty()) {
      throw new GrantStore.GrantException("grant_id is required");
    }
    if (req.getExpiresAt() == 0 && req.getExtendSeconds() <= 0) {
      throw new GrantStore.GrantException("expires_at or extend_seconds is required");
    }
    ACLAuthorityGrantInfo g = visible(session, id);
    return store.renew(g.getGrantId(), req.getExpiresAt(), req.getExtendSeconds());
  }

  private ACLAuthorityGrantInfo revoke(Session session, String grantId) {
    ACLAuthorityGrantInfo g = visible(session, grantId);
    List<GrantStore.Revoked> revoked = store.revokeCascade(g.getGrantId());
    long now = store.nowSeconds();
    for (GrantStore.Revoked x : revoked) {
      notifyDelegate(x, now);
    }
    return store.require(g.getGrantId());
  }

  // Tells the delegate's live session so its SDK can drop a cached grant at once.
  private void notifyDelegate(GrantStore.Revoked revoked, long now) {
    ACLAuthorityGrantInfo g = revoked.grant();
    String type = g.getDelegate().getPrincipalType();
    String id = g.getDelegate().getPrincipalId();
    if ("user".equals(type)) {
      // AetherLite looks delegates up by an identity without the window, which never matches a
      // user's session: user delegates get no push there, so none here either
      return;
    }
    Session target = null;
    for (Session s : registry.all()) {
      Identity i = s.identity();
      if (AclRules.principalType(i.type()).equals(type) && AclRules.principalId(i).equals(id)) {
        target = s;
        break;
      }
    }
    if (target == null || target.isTerminated()) {
      return;
    }
    target.send(
        DownstreamMessage.newBuilder()
            .setAuthorityGrantRevocation(
                AuthorityGrantRevocation.newBuilder()
                    .setGrantId(g.getGrantId())
                    .setRootGrantId(g.getRootGrantId())
                    .setRevokedAt(now)
                    .setCascade(!revoked.root()))
            .build());
  }

  private void list(
      Session session,
      AuthorityGrantListRequest req,
      boolean asDelegateToo,
      AuthorityGrantResponse.Builder r) {
    PrincipalRef me = ref(session.identity());
    List<ACLAuthorityGrantInfo> grants =
        store.list(
            g ->
                (GrantStore.same(g.getSubject(), me)
                        || asDelegateToo && GrantStore.same(g.getDelegate(), me))
                    && (req.getIncludeRevoked() || !g.getRevoked())
                    && (req.getAudienceType().isEmpty()
                        || req.getAudienceType().equals(g.getAudienceType()))
                    && (req.getAudienceId().isEmpty()
                        || req.getAudienceId().equals(g.getAudienceId())),
            req.getLimit(),
            req.getOffset());
    r.setSuccess(true).addAllGrants(grants).setTotal(grants.size());
  }

  private void batch(
      Session session, AuthorityGrantBatchExchangeRequest req, AuthorityGrantResponse.Builder r) {
    if (req.getRequestsCount() == 0) {
      throw new GrantStore.GrantException(
          "batch_exchange_request with at least one request is required");
    }
    List<ACLAuthorityGrantInfo> results = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < req.getRequestsCount(); i++) {
      try {
        results.add(exchange(session, req.getRequests(i)));
      } catch (GrantStore.GrantException e) {
        if (req.getStopOnFirstError()) {
          throw new GrantStore.GrantException(
              "batch exchange aborted at index " + i + ": " + e.getMessage());
        }
        failures.add("index " + i + ": " + e.getMessage());
      }
    }
    r.setSuccess(failures.isEmpty()).addAllGrants(results).setTotal(results.size());
    if (failures.isEmpty()) {
      r.setMessage("authority grants exchanged");
    } else {
      r.setError(String.join("; ", failures));
    }
  }

  /** The grant if {@code session} is its subject, issuer or (while it is valid) its delegate. */
  private ACLAuthorityGrantInfo visible(Session session, String grantId) {
    if (grantId.isBlank()) {
      throw new GrantStore.GrantException("grant_id is required");
    }
    ACLAuthorityGrantInfo g = store.require(grantId);
    PrincipalRef me = ref(session.identity());
    if (GrantStore.same(g.getSubject(), me) || GrantStore.same(g.getIssuedBy(), me)) {
      return g;
    }
    requireDelegate(session, g);
    return g;
  }

  private void requireDelegate(Session session, ACLAuthorityGrantInfo g) {
    if (!GrantStore.same(g.getDelegate(), ref(session.identity()))) {
      throw new GrantStore.GrantException(
          "not authorized to use authority grant " + g.getGrantId());
    }
    try {
      checkUsable(session, g);
    } catch (GrantStore.GrantException e) {
      throw new GrantStore.GrantException(
          "authority grant is not valid for the current delegate context: " + e.getMessage());
    }
  }

  /** Active, and its audience still alive where the grant is bound to it. */
  void checkUsable(Session session, ACLAuthorityGrantInfo g) {
    store.checkActive(g);
    if ("session".equals(g.getAudienceType())) {
      Session audience = registry.bySessionId(g.getAudienceId());
      boolean live = audience != null && !audience.isTerminated();
      if (g.getValidWhileAudienceActive() && !live) {
        throw new GrantStore.GrantException("authority grant audience is no longer active");
      }
      if (!g.getValidWhileAudienceActive() && !g.getAudienceId().equals(session.id()) && !live) {
        throw new GrantStore.GrantException("authority grant audience does not match");
      }
    }
  }

  /**
   * Resolves an on-behalf-of context for {@code session}: the grant must exist, be active, name
   * {@code session} as delegate and {@code subject} as subject.
   */
  ACLAuthorityGrantInfo resolveFor(Session session, PrincipalRef subject, String grantId) {
    ACLAuthorityGrantInfo g = store.require(grantId);
    checkUsable(session, g);
    if (!GrantStore.same(g.getDelegate(), ref(session.identity()))) {
      throw new GrantStore.GrantException("authority grant delegate does not match actor");
    }
    if (!GrantStore.same(g.getSubject(), normalise(subject))) {
      throw new GrantStore.GrantException("authority grant subject does not match");
    }
    return g;
  }

  /**
   * Resolves the authorization context of a request: null for a direct one (no subject, no grant),
   * the grant for a valid on-behalf-of one.
   *
   * @throws GrantStore.GrantException with the reason when the context is invalid
   */
  @Nullable ACLAuthorityGrantInfo authorize(Session session, AuthorizationContext auth) {
    String mode = auth.getAuthorityMode().trim();
    switch (mode) {
      case "", "direct" -> {
        if (auth.hasSubject() || !auth.getGrantId().isEmpty()) {
          throw new GrantStore.GrantException(
              "direct authorization context must not include subject or grant");
        }
        return null;
      }
      case "on_behalf_of" -> {
        if (!auth.hasSubject()) {
          throw new GrantStore.GrantException("on-behalf-of authorization requires subject");
        }
        if (auth.getGrantId().isBlank()) {
          throw new GrantStore.GrantException("on-behalf-of authorization requires grant_id");
        }
        return resolveFor(session, auth.getSubject(), auth.getGrantId());
      }
      default -> throw new GrantStore.GrantException("unsupported authority mode \"" + mode + "\"");
    }
  }

  /**
   * Why an on-behalf-of grant does not cover an access, as the real gateway checks it before it
   * asks the ACL about the subject, or null when it does.
   */
  static @Nullable String constraintDenial(
      ACLAuthorityGrantInfo g,
      String resourceType,
      String resourceId,
      String operation,
      String workspace,
      int level) {
    if (level > g.getMaxAccessLevel()) {
      return GrantStore.ESCALATION;
    }
    if (!matchesAny(operation, g.getOperationScopeList())) {
      return "authority grant does not permit this operation";
    }
    if (!workspace.isEmpty()
        && !g.getWorkspaceScopeList().contains("_subject_workspaces")
        && !matchesAny(workspace, g.getWorkspaceScopeList())) {
      return "authority grant does not permit this workspace";
    }
    if (g.getResourceScopeCount() > 0) {
      boolean covered =
          g.getResourceScopeList().stream()
              .anyMatch(
                  e ->
                      e.getResourceType().equals(resourceType)
                          && matchesAny(resourceId, e.getPatternsList()));
      if (!covered) {
        return "authority grant does not permit this resource";
      }
    }
    return null;
  }

  private static boolean matchesAny(String value, List<String> patterns) {
    return patterns.isEmpty()
        || patterns.stream().anyMatch(p -> p.equals(value) || Authenticator.glob(p, value));
  }

  private void resolve(Session session, ResolveAuthorityRequest req) {
    ResolveAuthorityResponse.Builder r =
        ResolveAuthorityResponse.newBuilder().setRequestId(req.getRequestId());
    try {
      if (req.getGrantId().isBlank()) {
        throw new GrantStore.GrantException("grant_id is required");
      }
      if (!req.hasSubject()) {
        throw new GrantStore.GrantException("subject is required");
      }
      ACLAuthorityGrantInfo g = store.require(req.getGrantId());
      checkUsable(session, g);
      PrincipalRef actor =
          req.hasActor() && !req.getActor().getPrincipalType().isBlank()
              ? normalise(req.getActor())
              : ref(session.identity());
      if (!GrantStore.same(g.getDelegate(), actor)) {
        throw new GrantStore.GrantException("authority grant delegate does not match actor");
      }
      if (!GrantStore.same(g.getSubject(), normalise(req.getSubject()))) {
        throw new GrantStore.GrantException("authority grant subject does not match");
      }
      PrincipalRef me = ref(session.identity());
      boolean audienceMe =
          ("agent".equals(g.getAudienceType()) || "service".equals(g.getAudienceType()))
              && g.getAudienceType().equals(me.getPrincipalType())
              && g.getAudienceId().equals(me.getPrincipalId());
      if (!GrantStore.same(g.getDelegate(), me)
          && !audienceMe
          && !hasCapability(session, "capability/resolve_authority", AclRules.READ)) {
        throw new GrantStore.GrantException("not authorized");
      }
      r.setOk(true)
          .setAuthority(
              ResolvedAuthority.newBuilder()
                  .setActor(actor)
                  .setSubject(g.getSubject())
                  .setGrant(
                      AuthorityGrantInfo.newBuilder()
                          .setGrantId(g.getGrantId())
                          .setSubjectType(g.getSubject().getPrincipalType())
                          .setSubjectId(g.getSubject().getPrincipalId())
                          .setRootSubjectType(g.getRootSubject().getPrincipalType())
                          .setRootSubjectId(g.getRootSubject().getPrincipalId())
                          .setAudienceType(g.getAudienceType())
                          .setAudienceId(g.getAudienceId())
                          .setMaxAccessLevel(g.getMaxAccessLevel())
                          .addAllWorkspaceScope(g.getWorkspaceScopeList())
                          .setExpiresAt(g.getExpiresAt())
                          .setRevoked(g.getRevoked())));
    } catch (GrantStore.GrantException e) {
      r.clear().setRequestId(req.getRequestId()).setOk(false).setError(e.getMessage());
    }
    session.send(DownstreamMessage.newBuilder().setResolveAuthorityResponse(r).build());
  }

  private String[] exchangeAudience(Session session, String type, String id, String source) {
    String t = type.trim();
    String a = id.trim();
    String mine = session.id();
    if (t.isEmpty()) {
      return new String[] {"session", source.isEmpty() ? mine : source};
    }
    switch (t) {
      case "session" -> {
        if (a.isEmpty()) {
          a = source.isEmpty() ? mine : source;
        }
        if (!a.equals(mine) && (source.isEmpty() || !a.equals(source))) {
          throw new GrantStore.GrantException(
              "session audience must match the current session or the source session");
        }
      }
      case "task" ->
          throw new GrantStore.GrantException(
              "task audience requires a task-associated connection");
      case "agent", "service" -> {
        PrincipalType need =
            t.equals("agent") ? PrincipalType.PRINCIPAL_AGENT : PrincipalType.PRINCIPAL_SERVICE;
        if (session.identity().type() != need) {
          throw new GrantStore.GrantException(
              t
                  + " audience requires "
                  + (t.equals("agent") ? "an agent" : "a service")
                  + " actor");
        }
        String expected = session.identity().key();
        if (a.isEmpty()) {
          a = expected;
        }
        if (!a.equals(expected)) {
          throw new GrantStore.GrantException(t + " audience must match the current actor");
        }
      }
      default -> throw new GrantStore.GrantException("invalid audience_type \"" + t + "\"");
    }
    return new String[] {t, a};
  }

  private boolean mayExchangeFor(Session session) {
    return policy.mode() == PolicyMode.PERMISSIVE
        || hasCapability(session, "capability/exchange_authority_grants", AclRules.MANAGE);
  }

  /** Whether {@code session} holds {@code level} on the capability {@code resource}. */
  boolean hasCapability(Session session, String resource, int level) {
    Identity i = session.identity();
    if (i.type() == PrincipalType.PRINCIPAL_WORKFLOW_ENGINE
        || i.type() == PrincipalType.PRINCIPAL_ORCHESTRATOR
        || policy.mode() == PolicyMode.PERMISSIVE) {
      return true;
    }
    return acl.allows(
        AclRules.principalType(i.type()),
        AclRules.principalId(i),
        AclRules.RESOURCE_CAPABILITY,
        resource,
        level);
  }

  static PrincipalRef ref(Identity identity) {
    return PrincipalRef.newBuilder()
        .setPrincipalType(AclRules.principalType(identity.type()))
        .setPrincipalId(AclRules.principalId(identity))
        .build();
  }

  /** Lower-case canonical principal type; the gateway's errors for unknown types. */
  static PrincipalRef normalise(PrincipalRef ref) {
    String type =
        switch (ref.getPrincipalType().trim().toLowerCase(Locale.ROOT)) {
          case "agent" -> "agent";
          case "task", "unique_task", "non_unique_task" -> "task";
          case "user" -> "user";
          case "workflow_engine", "workflowengine" -> "workflow_engine";
          case "metrics_bridge", "metricsbridge" -> "metrics_bridge";
          case "orchestrator" -> "orchestrator";
          case "bridge" -> "bridge";
          case "service" -> "service";
          default ->
              throw new GrantStore.GrantException(
                  "unknown principal type \"" + ref.getPrincipalType() + "\"");
        };
    if (ref.getPrincipalId().isBlank()) {
      throw new GrantStore.GrantException("principal_id is required");
    }
    return PrincipalRef.newBuilder()
        .setPrincipalType(type)
        .setPrincipalId(ref.getPrincipalId())
        .build();
  }
}
