/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import io.github.aetherjava.proto.v1.ACLAuthorityGrantInfo;
import io.github.aetherjava.proto.v1.ACLAuthorityGrantResourceScopeEntry;
import io.github.aetherjava.proto.v1.AccessLevel;
import io.github.aetherjava.proto.v1.AuthorityRequest;
import io.github.aetherjava.proto.v1.AuthorityRequestEvent;
import io.github.aetherjava.proto.v1.AuthorityRequestListFilter;
import io.github.aetherjava.proto.v1.AuthorityRequestOperation;
import io.github.aetherjava.proto.v1.AuthorityRequestOperationResponse;
import io.github.aetherjava.proto.v1.AuthorityRequestResourceScopeEntry;
import io.github.aetherjava.proto.v1.AuthorityRequestRoutingTarget;
import io.github.aetherjava.proto.v1.AuthorityRequestStatus;
import io.github.aetherjava.proto.v1.CreateAuthorityRequestPayload;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.PrincipalRef;
import io.github.aetherjava.proto.v1.ResolveAuthorityRequestPayload;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code AuthorityRequestOperation} ("sudo"): create, get, list pending, resolve (approve or deny)
 * and cancel, with the {@code AuthorityRequestEvent} push. Rules and texts follow the real gateway:
 * anyone may create; the requester, the target subject and the approvers may get; only the routing
 * principal (or a holder of the routing capability) may resolve, only the requester may cancel, and
 * a refused get, resolve or cancel reads as "not found". Approval mints an authority grant (subject
 * = target subject or the requester, delegate = the requester) narrowed by the decision. Each event
 * goes to the session whose operation caused it, and to the subscribers of the request's task when
 * it names one. Answers are correlated by {@code client_request_id}.
 */
final class AuthorityRequestComponent implements Dispatcher.Component {

  /** Longest grant an approval mints, and the clamp of a request's duration (seconds). */
  static final long MAX_DURATION_SECONDS = 3600;

  /** How long a request may stay pending before it expires (seconds). */
  static final long PENDING_TIMEOUT_SECONDS = 1800;

  static final String NOT_FOUND = "authority request not found";
  static final String ALREADY_RESOLVED = "authority request already resolved";
  static final String INVALID = "invalid authority request";

  private final GrantStore grants;
  private final AuthorityComponent authority;
  private final Clock clock;
  private final TaskNotifier tasks;
  private final Map<String, AuthorityRequest> requests = new LinkedHashMap<>();
  private final Object changes = new Object();

  AuthorityRequestComponent(
      GrantStore grants, AuthorityComponent authority, Clock clock, TaskNotifier tasks) {
    this.grants = grants;
    this.authority = authority;
    this.clock = clock;
    this.tasks = tasks;
  }

  @Override
  public void register(Dispatcher dispatcher) {
    dispatcher.on(
        UpstreamMessage.PayloadCase.AUTHORITY_REQUEST_OP,
        (s, f) -> handle(s, f.getAuthorityRequestOp()));
  }

  /** A refusal whose message is the gateway's text. */
  private static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refusal(String message) {
      super(message, null, false, false);
    }
  }

  private void handle(Session session, AuthorityRequestOperation op) {
    String cid = op.getClientRequestId();
    // one change, its answer and its events at a time: a change caused by that answer (an approval
    // right after the create) cannot overtake the events of the change before it
    synchronized (changes) {
      handleInOrder(session, op, cid);
    }
  }

  private void handleInOrder(Session session, AuthorityRequestOperation op, String cid) {
    try {
      switch (op.getOp()) {
        case CREATE -> {
          AuthorityRequest r = create(session, op);
          answer(session, cid, r, null);
          emit(session, r, AuthorityRequestEvent.EventType.AUTHORITY_REQUEST_EVENT_CREATED);
        }
        case GET -> answer(session, cid, get(session, op), null);
        case LIST_PENDING -> answer(session, cid, null, list(session, op.getListFilter()));
        case RESOLVE -> {
          AuthorityRequest r = resolve(session, op);
          answer(session, cid, r, null);
          emit(
              session,
              r,
              r.getStatus() == AuthorityRequestStatus.AUTHORITY_REQUEST_STATUS_APPROVED
                  ? AuthorityRequestEvent.EventType.AUTHORITY_REQUEST_EVENT_APPROVED
                  : AuthorityRequestEvent.EventType.AUTHORITY_REQUEST_EVENT_DENIED);
        }
        case CANCEL -> {
          AuthorityRequest r = cancel(session, op);
          answer(session, cid, r, null);
          emit(session, r, AuthorityRequestEvent.EventType.AUTHORITY_REQUEST_EVENT_CANCELLED);
        }
        default -> throw new Refusal("unknown authority request operation");
      }
    } catch (Refusal | GrantStore.GrantException e) {
      session.send(
          DownstreamMessage.newBuilder()
              .setAuthorityRequestResponse(
                  AuthorityRequestOperationResponse.newBuilder()
                      .setSuccess(false)
                      .setError(e.getMessage())
                      .setClientRequestId(cid))
              .build());
    }
  }

  private AuthorityRequest create(Session session, AuthorityRequestOperation op) {
    if (!op.hasCreate()) {
      throw new Refusal("create payload is required");
    }
    CreateAuthorityRequestPayload p = op.getCreate();
    PrincipalRef me = AuthorityComponent.ref(session.identity());
    PrincipalRef requester = me;
    if (p.hasRequestingActor()
        && !(p.getRequestingActor().getPrincipalType().isBlank()
            && p.getRequestingActor().getPrincipalId().isBlank())) {
      requester = principal(p.getRequestingActor(), "invalid requesting_actor: ");
    }
    PrincipalRef target = null;
    if (p.hasTargetSubject()) {
      target = principal(p.getTargetSubject(), "invalid target_subject: ");
    }
    AuthorityRequestRoutingTarget routing = routing(p);
    if (p.getRequestedDurationSeconds() <= 0) {
      throw new Refusal(INVALID + ": duration_seconds must be > 0");
    }
    long now = nowSeconds();
    AuthorityRequest.Builder r =
        AuthorityRequest.newBuilder()
            .setRequestId(UUID.randomUUID().toString())
            .setStatus(AuthorityRequestStatus.AUTHORITY_REQUEST_STATUS_PENDING)
            .setRequestingActor(requester)
            .addAllDesiredWorkspaceScope(p.getDesiredWorkspaceScopeList())
            .addAllDesiredResourceScope(p.getDesiredResourceScopeList())
            .addAllDesiredOperationScope(p.getDesiredOperationScopeList())
            .setRequestedAccessLevel(p.getRequestedAccessLevel())
            .setRequestedDurationSeconds(
                Math.min(p.getRequestedDurationSeconds(), MAX_DURATION_SECONDS))
            .setAudienceType(p.getAudienceType())
            .setAudienceId(p.getAudienceId())
            .setRoutingTarget(routing)
            .setReason(p.getReason())
            .setTaskId(p.getTaskId())
            .putAllMetadata(p.getMetadataMap())
            .setCreatedAt(now)
            .setExpiresAt(now + PENDING_TIMEOUT_SECONDS);
    if (target != null) {
      r.setTargetSubject(target);
    }
    AuthorityRequest created = r.build();
    synchronized (this) {
      requests.put(created.getRequestId(), created);
    }
    return created;
  }

  private static PrincipalRef principal(PrincipalRef ref, String prefix) {
    try {
      return AuthorityComponent.normalise(ref);
    } catch (GrantStore.GrantException e) {
      throw new Refusal(prefix + e.getMessage());
    }
  }

  private static AuthorityRequestRoutingTarget routing(CreateAuthorityRequestPayload p) {
    if (!p.hasRoutingTarget()) {
      throw new Refusal("routing_target is required");
    }
    AuthorityRequestRoutingTarget t = p.getRoutingTarget();
    boolean hasPrincipal = t.hasPrincipal() && !t.getPrincipal().getPrincipalId().isBlank();
    boolean hasCapability = !t.getCapability().isBlank();
    if (hasPrincipal && hasCapability) {
      throw new Refusal("routing_target must set exactly one of principal or capability");
    }
    if (!hasPrincipal && !hasCapability) {
      throw new Refusal("routing_target must set either principal or capability");
    }
    if (hasPrincipal) {
      return AuthorityRequestRoutingTarget.newBuilder()
          .setPrincipal(principal(t.getPrincipal(), "invalid routing_target.principal: "))
          .build();
    }
    return AuthorityRequestRoutingTarget.newBuilder()
        .setCapability(t.getCapability().trim())
        .build();
  }

  private AuthorityRequest get(Session session, AuthorityRequestOperation op) {
    AuthorityRequest r = require(op.getRequestId());
    if (!mayView(session, r)) {
      throw new Refusal(NOT_FOUND);
    }
    return r;
  }

  private List<AuthorityRequest> list(Session session, AuthorityRequestListFilter f) {
    AuthorityRequestStatus status =
        f.getStatus() == AuthorityRequestStatus.AUTHORITY_REQUEST_STATUS_UNSPECIFIED
            ? AuthorityRequestStatus.AUTHORITY_REQUEST_STATUS_PENDING
            : f.getStatus();
    Set<String> capabilities = new LinkedHashSet<>(f.getMatchingCapabilitiesList());
    PrincipalRef me = AuthorityComponent.ref(session.identity());
    List<AuthorityRequest> all;
    synchronized (this) {
      expireDue();
      all = new ArrayList<>(requests.values());
    }
    List<AuthorityRequest> out = new ArrayList<>();
    // newest first, as the real gateway orders by created_at descending
    for (int i = all.size() - 1; i >= 0; i--) {
      AuthorityRequest r = all.get(i);
      AuthorityRequestRoutingTarget t = r.getRoutingTarget();
      boolean addressed =
          (t.hasPrincipal() && GrantStore.same(t.getPrincipal(), me))
              || (!t.getCapability().isEmpty() && capabilities.contains(t.getCapability()));
      if (addressed
          && r.getStatus() == status
          && (f.getWorkspace().isEmpty()
              || r.getDesiredWorkspaceScopeList().contains(f.getWorkspace()))) {
        out.add(r);
      }
    }
    int from = Math.min(Math.max(f.getOffset(), 0), out.size());
    int to = f.getLimit() > 0 ? Math.min(out.size(), from + f.getLimit()) : out.size();
    return List.copyOf(out.subList(from, to));
  }

  private AuthorityRequest resolve(Session session, AuthorityRequestOperation op) {
    String id = op.getRequestId().trim();
    if (id.isEmpty()) {
      throw new Refusal("request_id is required");
    }
    if (!op.hasResolve()) {
      throw new Refusal("resolve payload is required");
    }
    AuthorityRequest existing = require(id);
    if (!mayResolve(session, existing)) {
      throw new Refusal(NOT_FOUND);
    }
    ResolveAuthorityRequestPayload d = op.getResolve();
    PrincipalRef approver = AuthorityComponent.ref(session.identity());
    return switch (d.getDecision()) {
      case APPROVE -> approve(existing, approver, d);
      case DENY ->
          finish(
              id,
              AuthorityRequestStatus.AUTHORITY_REQUEST_STATUS_DENIED,
              approver,
              d.getReason(),
              "");
      default -> throw new Refusal("resolve decision must be APPROVE or DENY");
    };
  }

  private AuthorityRequest approve(
      AuthorityRequest req, PrincipalRef approver, ResolveAuthorityRequestPayload d) {
    if (isTerminal(req.getStatus())) {
      throw new Refusal(ALREADY_RESOLVED);
    }
    int requested = level(req.getRequestedAccessLevel());
    int granted = level(d.getGrantedAccessLevel());
    int level = granted > 0 && granted < requested ? granted : requested;
    long duration = req.getRequestedDurationSeconds();
    if (d.getGrantedDurationSeconds() > 0 && d.getGrantedDurationSeconds() < duration) {
      duration = d.getGrantedDurationSeconds();
    }
    duration = Math.min(duration, MAX_DURATION_SECONDS);
    if (duration <= 0) {
      throw new Refusal(INVALID + ": effective duration must be > 0");
    }
    long expires = nowSeconds() + duration;
    String reason = d.getReason().isBlank() ? req.getReason() : d.getReason().trim();
    ACLAuthorityGrantInfo.Builder draft =
        ACLAuthorityGrantInfo.newBuilder()
            .setSubject(req.hasTargetSubject() ? req.getTargetSubject() : req.getRequestingActor())
            .setDelegate(req.getRequestingActor())
            .setIssuedBy(approver)
            .setMayDelegate(d.getMayDelegate())
            .setRemainingHops(d.getRemainingHops())
            .addAllWorkspaceScope(
                intersect(req.getDesiredWorkspaceScopeList(), d.getGrantedWorkspaceScopeList()))
            .addAllOperationScope(
                intersect(req.getDesiredOperationScopeList(), d.getGrantedOperationScopeList()))
            .addAllResourceScope(
                resources(req.getDesiredResourceScopeList(), d.getGrantedResourceScopeList()))
            .setMaxAccessLevel(level)
            .setAudienceType(req.getAudienceType())
            .setAudienceId(req.getAudienceId())
            .setValidWhileAudienceActive(true)
            .setExpiresAt(expires)
            .setRenewableUntil(expires)
            .setReason(reason)
            .putAllMetadata(req.getMetadataMap());
    draft.setRootSubject(draft.getSubject());
    ACLAuthorityGrantInfo grant;
    try {
      grant = grants.create(draft.build());
    } catch (GrantStore.GrantException e) {
      throw new Refusal("authority approval: mint grant: " + e.getMessage());
    }
    return finish(
        req.getRequestId(),
        AuthorityRequestStatus.AUTHORITY_REQUEST_STATUS_APPROVED,
        approver,
        d.getReason(),
        grant.getGrantId());
  }

  private AuthorityRequest cancel(Session session, AuthorityRequestOperation op) {
    String id = op.getRequestId().trim();
    if (id.isEmpty()) {
      throw new Refusal("request_id is required");
    }
    AuthorityRequest existing = require(id);
    if (!GrantStore.same(
        existing.getRequestingActor(), AuthorityComponent.ref(session.identity()))) {
      throw new Refusal(NOT_FOUND);
    }
    String reason = op.getReason().trim();
    if (reason.isEmpty() && op.hasCreate()) {
      reason = op.getCreate().getReason().trim();
    }
    return finish(id, AuthorityRequestStatus.AUTHORITY_REQUEST_STATUS_CANCELLED, null, reason, "");
  }

  /** Moves a pending request to a terminal state, or refuses if it already is in one. */
  private synchronized AuthorityRequest finish(
      String id,
      AuthorityRequestStatus status,
      @org.jspecify.annotations.Nullable PrincipalRef by,
      String reason,
      String grantId) {
    expireDue();
    AuthorityRequest r = requests.get(id);
    if (r == null) {
      throw new Refusal(NOT_FOUND);
    }
    if (isTerminal(r.getStatus())) {
      throw new Refusal(ALREADY_RESOLVED);
    }
    AuthorityRequest.Builder b =
        r.toBuilder()
            .setStatus(status)
            .setResolvedAt(nowSeconds())
            .setResolutionReason(reason)
            .setGrantedGrantId(grantId);
    if (by != null) {
      b.setResolvedBy(by);
    }
    AuthorityRequest done = b.build();
    requests.put(id, done);
    return done;
  }

  private synchronized AuthorityRequest require(String requestId) {
    if (requestId.isBlank()) {
      throw new Refusal("request_id is required");
    }
    expireDue();
    AuthorityRequest r = requests.get(requestId.trim());
    if (r == null) {
      throw new Refusal(NOT_FOUND);
    }
    return r;
  }

  // Expiry is applied when requests are read rather than by a sweeper: same observable states.
  private void expireDue() {
    long now = nowSeconds();
    requests.replaceAll(
        (id, r) ->
            r.getStatus() == AuthorityRequestStatus.AUTHORITY_REQUEST_STATUS_PENDING
                    && r.getExpiresAt() <= now
                ? r.toBuilder()
                    .setStatus(AuthorityRequestStatus.AUTHORITY_REQUEST_STATUS_EXPIRED)
                    .setResolvedAt(now)
                    .build()
                : r);
  }

  private boolean mayView(Session session, AuthorityRequest r) {
    PrincipalRef me = AuthorityComponent.ref(session.identity());
    return GrantStore.same(r.getRequestingActor(), me)
        || (r.hasTargetSubject() && GrantStore.same(r.getTargetSubject(), me))
        || mayResolve(session, r);
  }

  private boolean mayResolve(Session session, AuthorityRequest r) {
    AuthorityRequestRoutingTarget t = r.getRoutingTarget();
    if (t.hasPrincipal()
        && GrantStore.same(t.getPrincipal(), AuthorityComponent.ref(session.identity()))) {
      return true;
    }
    return !t.getCapability().isEmpty()
        && authority.hasCapability(session, t.getCapability(), AclRules.MANAGE);
  }

  private void answer(
      Session session,
      String clientRequestId,
      @org.jspecify.annotations.Nullable AuthorityRequest one,
      @org.jspecify.annotations.Nullable List<AuthorityRequest> many) {
    AuthorityRequestOperationResponse.Builder r =
        AuthorityRequestOperationResponse.newBuilder()
            .setSuccess(true)
            .setClientRequestId(clientRequestId);
    if (one != null) {
      r.setRequest(one);
    }
    if (many != null) {
      r.addAllRequests(many).setTotalCount(many.size());
    }
    session.send(DownstreamMessage.newBuilder().setAuthorityRequestResponse(r).build());
  }

  private void emit(Session session, AuthorityRequest r, AuthorityRequestEvent.EventType type) {
    AuthorityRequestEvent event =
        AuthorityRequestEvent.newBuilder()
            .setEventType(type)
            .setRequest(r)
            .setEmittedAt(nowSeconds())
            .build();
    session.send(DownstreamMessage.newBuilder().setAuthorityRequestEvent(event).build());
    if (!r.getTaskId().isEmpty()) {
      tasks.authorityRequest(r.getTaskId(), event);
    }
  }

  private long nowSeconds() {
    return clock.millis() / 1000;
  }

  private static boolean isTerminal(AuthorityRequestStatus s) {
    return s != AuthorityRequestStatus.AUTHORITY_REQUEST_STATUS_PENDING
        && s != AuthorityRequestStatus.AUTHORITY_REQUEST_STATUS_UNSPECIFIED;
  }

  /** The ACL number of a wire access level (unspecified counts as none). */
  static int level(AccessLevel level) {
    return switch (level) {
      case ACCESS_LEVEL_READ -> AclRules.READ;
      case ACCESS_LEVEL_READWRITE -> AclRules.READ_WRITE;
      case ACCESS_LEVEL_MANAGE -> AclRules.MANAGE;
      case ACCESS_LEVEL_ADMIN -> AclRules.ADMIN;
      case ACCESS_LEVEL_SUPERADMIN -> AclRules.SUPER_ADMIN;
      default -> AclRules.NONE;
    };
  }

  /** Requested narrowed by granted; an empty granted list keeps the request. */
  private static List<String> intersect(List<String> requested, List<String> granted) {
    if (granted.isEmpty()) {
      return requested;
    }
    Set<String> allow = Set.copyOf(granted);
    return requested.stream().filter(allow::contains).distinct().toList();
  }

  private static List<ACLAuthorityGrantResourceScopeEntry> resources(
      List<AuthorityRequestResourceScopeEntry> requested,
      List<AuthorityRequestResourceScopeEntry> granted) {
    Map<String, List<String>> g = new LinkedHashMap<>();
    granted.forEach(e -> g.put(e.getResourceType(), e.getPatternsList()));
    List<ACLAuthorityGrantResourceScopeEntry> out = new ArrayList<>();
    for (AuthorityRequestResourceScopeEntry e : requested) {
      List<String> patterns = e.getPatternsList();
      if (!g.isEmpty()) {
        List<String> allowed = g.get(e.getResourceType());
        if (allowed == null) {
          continue;
        }
        patterns = intersect(patterns, allowed);
      }
      out.add(
          ACLAuthorityGrantResourceScopeEntry.newBuilder()
              .setResourceType(e.getResourceType())
              .addAllPatterns(patterns)
              .build());
    }
    return out;
  }
}
