/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import io.github.aetherjava.proto.v1.ACLAuthorityGrantInfo;
import io.github.aetherjava.proto.v1.ACLAuthorityGrantResourceScopeEntry;
import io.github.aetherjava.proto.v1.PrincipalRef;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * In-memory authority grants (the on-behalf-of delegation records), with the real gateway's
 * validation rules and error texts. Times are epoch seconds, as on the wire. Thread-safe.
 */
final class GrantStore {

  static final String NOT_FOUND = "authority grant not found";
  static final String EXPIRED = "authority grant expired";
  static final String REVOKED = "authority grant revoked";
  static final String CANNOT_RENEW = "authority grant cannot be renewed";
  static final String CANNOT_DELEGATE = "authority grant cannot delegate further";
  static final String ESCALATION = "authority grant child would broaden parent scope";

  /** A refused grant operation, carrying the gateway's error text. */
  static final class GrantException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    GrantException(String message) {
      super(message, null, false, false);
    }
  }

  /** A grant revoked by a cascade, and whether it was the one asked for. */
  record Revoked(ACLAuthorityGrantInfo grant, boolean root) {}

  private final Clock clock;
  private final Map<String, ACLAuthorityGrantInfo> grants = new LinkedHashMap<>();

  GrantStore(Clock clock) {
    this.clock = clock;
  }

  long nowSeconds() {
    return clock.millis() / 1000;
  }

  /**
   * Validates and stores a new grant; {@code draft} carries every requested field, a parent id for
   * a derived grant, but no id, root, times of creation or revocation.
   */
  synchronized ACLAuthorityGrantInfo create(ACLAuthorityGrantInfo draft) {
    int level = draft.getMaxAccessLevel();
    if (level < AclRules.NONE || level > AclRules.SUPER_ADMIN || level % 10 != 0) {
      throw new GrantException("invalid access level");
    }
    if (draft.getExpiresAt() == 0 || draft.getRenewableUntil() == 0) {
      throw new GrantException("authority grant expiry and renewable_until are required");
    }
    if (draft.getRenewableUntil() < draft.getExpiresAt()) {
      throw new GrantException("authority grant renewable_until must be on or after expires_at");
    }
    if (draft.getAudienceType().isBlank() || draft.getAudienceId().isBlank()) {
      throw new GrantException("authority grant audience_type and audience_id are required");
    }
    if (!List.of("session", "task", "agent", "service").contains(draft.getAudienceType())) {
      throw new GrantException(
          "invalid authority grant audience_type \"" + draft.getAudienceType() + "\"");
    }
    if (draft.getRemainingHops() < 0) {
      throw new GrantException("authority grant remaining_hops must be >= 0");
    }
    if (draft.getMayDelegate() && draft.getRemainingHops() == 0) {
      throw new GrantException(
          "authority grant with may_delegate=true must allow at least one remaining hop");
    }
    if (!draft.getMayDelegate() && draft.getRemainingHops() != 0) {
      throw new GrantException(
          "authority grant with may_delegate=false cannot have remaining hops");
    }
    String id = UUID.randomUUID().toString();
    String root = id;
    if (!draft.getParentGrantId().isEmpty()) {
      ACLAuthorityGrantInfo parent = require(draft.getParentGrantId());
      checkActive(parent);
      if (!parent.getMayDelegate() || parent.getRemainingHops() <= 0) {
        throw new GrantException(CANNOT_DELEGATE);
      }
      if (level > parent.getMaxAccessLevel()
          || draft.getExpiresAt() > parent.getExpiresAt()
          || draft.getRenewableUntil() > parent.getRenewableUntil()
          || !subset(draft.getWorkspaceScopeList(), parent.getWorkspaceScopeList())
          || !subset(draft.getOperationScopeList(), parent.getOperationScopeList())
          || !resourceSubset(draft.getResourceScopeList(), parent.getResourceScopeList())) {
        throw new GrantException(ESCALATION);
      }
      if (draft.getRemainingHops() > parent.getRemainingHops() - 1) {
        throw new GrantException(CANNOT_DELEGATE);
      }
      root = parent.getRootGrantId();
    }
    ACLAuthorityGrantInfo grant =
        draft.toBuilder()
            .setGrantId(id)
            .setRootGrantId(root)
            .setAccessLevelName(AclRules.levelName(level))
            .setCreatedAt(nowSeconds())
            .build();
    grants.put(id, grant);
    return grant;
  }

  synchronized Optional<ACLAuthorityGrantInfo> get(String grantId) {
    return Optional.ofNullable(grants.get(grantId));
  }

  /** The grant, or {@link #NOT_FOUND}. */
  synchronized ACLAuthorityGrantInfo require(String grantId) {
    ACLAuthorityGrantInfo g = grants.get(grantId);
    if (g == null) {
      throw new GrantException(NOT_FOUND);
    }
    return g;
  }

  /** Throws the gateway's text when {@code grant} is revoked or expired. */
  void checkActive(ACLAuthorityGrantInfo grant) {
    if (grant.getRevoked()) {
      throw new GrantException(REVOKED);
    }
    if (grant.getExpiresAt() <= nowSeconds()) {
      throw new GrantException(EXPIRED);
    }
  }

  /**
   * Extends a grant: {@code extendSeconds} (wins when positive) from now, clamped to the renewal
   * window and a parent's expiry; or the absolute {@code expiresAt}, refused beyond either.
   */
  synchronized ACLAuthorityGrantInfo renew(String grantId, long expiresAt, int extendSeconds) {
    ACLAuthorityGrantInfo g = require(grantId);
    checkActive(g);
    long now = nowSeconds();
    long target;
    if (extendSeconds > 0) {
      target = Math.min(now + extendSeconds, g.getRenewableUntil());
    } else {
      target = expiresAt;
    }
    if (target > g.getRenewableUntil()) {
      throw new GrantException(CANNOT_RENEW);
    }
    if (target < now) {
      throw new GrantException("renewed expires_at must be in the future");
    }
    if (!g.getParentGrantId().isEmpty()) {
      ACLAuthorityGrantInfo parent = require(g.getParentGrantId());
      checkActive(parent);
      if (extendSeconds > 0 && target > parent.getExpiresAt()) {
        target = parent.getExpiresAt();
      }
      if (target > parent.getExpiresAt()) {
        throw new GrantException(CANNOT_RENEW);
      }
    }
    ACLAuthorityGrantInfo renewed = g.toBuilder().setExpiresAt(target).setRenewedAt(now).build();
    grants.put(grantId, renewed);
    return renewed;
  }

  /**
   * Revokes a grant and every not yet revoked grant derived from it, at any depth.
   *
   * @return the grants revoked now; {@link #NOT_FOUND} when nothing was left to revoke
   */
  synchronized List<Revoked> revokeCascade(String grantId) {
    require(grantId);
    long now = nowSeconds();
    List<Revoked> out = new ArrayList<>();
    Set<String> tree = new HashSet<>();
    tree.add(grantId);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (ACLAuthorityGrantInfo g : grants.values()) {
        if (tree.contains(g.getParentGrantId()) && tree.add(g.getGrantId())) {
          grew = true;
        }
      }
    }
    for (String id : tree) {
      ACLAuthorityGrantInfo g = grants.get(id);
      if (g != null && !g.getRevoked()) {
        ACLAuthorityGrantInfo r = g.toBuilder().setRevoked(true).setRevokedAt(now).build();
        grants.put(id, r);
        out.add(new Revoked(r, id.equals(grantId)));
      }
    }
    if (out.isEmpty()) {
      throw new GrantException(NOT_FOUND);
    }
    return out;
  }

  /** Matching grants, newest first. */
  synchronized List<ACLAuthorityGrantInfo> list(
      Predicate<ACLAuthorityGrantInfo> filter, int limit, int offset) {
    List<ACLAuthorityGrantInfo> all = new ArrayList<>();
    for (ACLAuthorityGrantInfo g : grants.values()) {
      if (filter.test(g)) {
        all.add(0, g);
      }
    }
    int from = Math.min(Math.max(offset, 0), all.size());
    int to = limit > 0 ? Math.min(from + limit, all.size()) : all.size();
    return List.copyOf(all.subList(from, to));
  }

  static boolean same(PrincipalRef a, PrincipalRef b) {
    return a.getPrincipalType().equalsIgnoreCase(b.getPrincipalType())
        && a.getPrincipalId().equals(b.getPrincipalId());
  }

  // An empty parent scope is unrestricted; a restricted parent never yields an unrestricted child.
  private static boolean subset(List<String> child, List<String> parent) {
    if (parent.isEmpty()) {
      return true;
    }
    return !child.isEmpty() && parent.containsAll(child);
  }

  private static boolean resourceSubset(
      List<ACLAuthorityGrantResourceScopeEntry> child,
      List<ACLAuthorityGrantResourceScopeEntry> parent) {
    if (parent.isEmpty()) {
      return true;
    }
    for (ACLAuthorityGrantResourceScopeEntry c : child) {
      boolean covered = false;
      for (ACLAuthorityGrantResourceScopeEntry p : parent) {
        if (p.getResourceType().equals(c.getResourceType())
            && subset(c.getPatternsList(), p.getPatternsList())) {
          covered = true;
        }
      }
      if (!covered) {
        return false;
      }
    }
    return !child.isEmpty();
  }
}
