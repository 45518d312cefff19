/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import io.github.aetherjava.gateway.embedded.PolicyMode;
import io.github.aetherjava.proto.v1.ACLAccessExplanationInfo;
import io.github.aetherjava.proto.v1.KVOperation;
import io.github.aetherjava.proto.v1.PrincipalType;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Authorisation decisions: the principal-type send matrix always; under lite-parity, AetherLite's
 * ACL checks against the gateway's {@link AclRules}, so grants and fallback policies made through
 * the admin API change their outcome.
 */
public final class Policy {

  /** Token bucket rate per connection in lite-parity mode. */
  public static final double RATE_PER_SECOND = 100;

  /** Token bucket burst per connection in lite-parity mode. */
  public static final double RATE_BURST = 200;

  /** Lite-parity per-session staging buffer for pushed frames (AetherLite's delivery channel). */
  public static final int STAGING_FRAMES = 64;

  /** Lite-parity per-identity message quota: messages per {@link #QUOTA_WINDOW_MILLIS}. */
  public static final int MESSAGE_QUOTA = 100;

  /** Fixed window of the per-identity message quota. */
  public static final long QUOTA_WINDOW_MILLIS = 1000;

  /** KV keys of the workflow engine's coordination primitives, which need no grant. */
  static final String COORD_KEY_PREFIX = "_sys/coord/";

  private final PolicyMode mode;
  private final Clock clock;
  private final AclRules acl;
  private final double ratePerSecond;
  private final AtomicLong quotaRejections = new AtomicLong();
  private final ConcurrentHashMap<String, MessageQuota> quotas = new ConcurrentHashMap<>();

  Policy(PolicyMode mode, Clock clock, double ratePerSecond, AclRules acl) {
    this.mode = mode;
    this.clock = clock;
    this.acl = acl;
    this.ratePerSecond = ratePerSecond;
  }

  public PolicyMode mode() {
    return mode;
  }

  /** The real gateway's principal-type matrix (enforced in every mode). */
  public static boolean matrixAllows(PrincipalType sender, String topic) {
    String prefix = prefix(topic);
    if (prefix.equals("uu")) {
      return sender == PrincipalType.PRINCIPAL_SERVICE
          || sender == PrincipalType.PRINCIPAL_WORKFLOW_ENGINE
          || sender == PrincipalType.PRINCIPAL_BRIDGE;
    }
    return switch (sender) {
      case PRINCIPAL_USER ->
          !(prefix.equals("event") || prefix.equals("metric") || prefix.equals("pg"));
      case PRINCIPAL_METRICS_BRIDGE -> false;
      case PRINCIPAL_ORCHESTRATOR ->
          prefix.equals("ag") || prefix.equals("tu") || prefix.equals("ta") || prefix.equals("tb");
      default -> true;
    };
  }

  /**
   * Lite-parity workspace ACL on a send, as AetherLite checks it: READ_WRITE on the target
   * workspace when it differs from the sender's, else on the sender's own; workspace-less senders
   * are checked against the target's workspace, and nothing is checked when neither has one. Agents
   * may always publish to {@code metric::}. The seeded fallbacks grant agents, tasks and users
   * read-write on every workspace and nothing to other principal types; ACL rules change that.
   *
   * @return the denial reason, or null if the send is allowed
   */
  public @Nullable String sendDenial(Identity sender, String senderWorkspace, String topic) {
    if (mode != PolicyMode.LITE_PARITY) {
      return null;
    }
    if (sender.type() == PrincipalType.PRINCIPAL_AGENT
        && topic.startsWith("metric" + Identity.SEP)) {
      return null;
    }
    String targetWs = topicWorkspace(topic);
    String checkWs =
        !targetWs.isEmpty() && !targetWs.equals(senderWorkspace) ? targetWs : senderWorkspace;
    if (checkWs.isEmpty()) {
      return null;
    }
    return denial(sender, AclRules.RESOURCE_WORKSPACE, checkWs, AclRules.READ_WRITE);
  }

  /**
   * Lite-parity: publishing {@code event::}/{@code metric::} for a workspace other than the
   * sender's needs {@code capability/event_broadcast} or {@code capability/metric_broadcast}.
   *
   * @return the denial text AetherLite sends, or null if allowed
   */
  public @Nullable String crossWorkspaceBroadcastDenial(
      Identity sender, String senderWorkspace, String declaredWorkspace, String topic) {
    if (mode != PolicyMode.LITE_PARITY
        || declaredWorkspace.isEmpty()
        || declaredWorkspace.equals(senderWorkspace)) {
      return null;
    }
    String capability =
        topic.startsWith("metric" + Identity.SEP)
            ? "capability/metric_broadcast"
            : "capability/event_broadcast";
    if (denial(sender, AclRules.RESOURCE_CAPABILITY, capability, AclRules.READ_WRITE) == null) {
      return null;
    }
    return "cross-workspace broadcast to "
        + topic
        + " denied: cross-workspace broadcast requires "
        + capability
        + " on workspace "
        + GoQuote.quote(declaredWorkspace);
  }

  /**
   * Negative metric deltas need ADMIN on {@code capability/metric_credit}; without an ACL service
   * (permissive) nobody has it, as on the real gateway.
   */
  public boolean allowsNegativeMetric(Identity sender) {
    return mode == PolicyMode.LITE_PARITY
        && denial(sender, AclRules.RESOURCE_CAPABILITY, "capability/metric_credit", AclRules.ADMIN)
            == null;
  }

  /**
   * Lite-parity KV authorisation, as AetherLite's KV handler decides it: an owner's exclusive
   * scopes are always allowed (LIST excepted, which is checked against the scope rule alone), as
   * are the workflow engine's {@code _sys/coord/} keys; otherwise an explicit {@code kv_key} rule
   * decides, else the {@code kv_scope} rule or its fallback (seeded to NONE). GET, LIST and
   * SET_CARD need READ, the other operations READ_WRITE; PURGE_IDENTITY needs MANAGE on {@code
   * capability/kv_purge_identity}.
   *
   * @return the denial reason, or null if the operation is allowed
   */
  public @Nullable String kvDenial(Identity id, KVOperation op) {
    return kvDenial(id, op, null, "");
  }

  /**
   * {@link #kvDenial(Identity, KVOperation)} for an operation made on behalf of the subject of
   * {@code onBehalf}: as AetherLite does, the grant's constraints are checked first and then the
   * subject's rules decide instead of the caller's; the owner's exclusive-scope pass does not
   * apply.
   *
   * @param workspace the operation's workspace, checked against the grant's workspace scope
   * @return the denial reason, or null if the operation is allowed
   */
  public @Nullable String kvDenial(
      Identity id,
      KVOperation op,
      io.github.aetherjava.proto.v1.@Nullable ACLAuthorityGrantInfo onBehalf,
      String workspace) {
    if (mode != PolicyMode.LITE_PARITY) {
      return null;
    }
    // AetherLite's purge ignores the authorization context
    if (onBehalf != null && op.getOp() != KVOperation.OpType.PURGE_IDENTITY) {
      return kvDenialOnBehalf(op, onBehalf, workspace);
    }
    String scope = kvScopeName(op.getScope());
    switch (op.getOp()) {
      case PURGE_IDENTITY -> {
        String why =
            denial(
                id, AclRules.RESOURCE_CAPABILITY, "capability/kv_purge_identity", AclRules.MANAGE);
        return why == null ? null : "kv purge-identity denied: " + why;
      }
      case LIST -> {
        String why = denial(id, AclRules.RESOURCE_KV_SCOPE, scope, AclRules.READ);
        return why == null ? null : "KV read denied for scope " + scope + ": " + why;
      }
      default -> {
        // checked below
      }
    }
    if (isExclusive(op.getScope())
        || (id.type() == PrincipalType.PRINCIPAL_WORKFLOW_ENGINE
            && op.getKey().startsWith(COORD_KEY_PREFIX))) {
      return null;
    }
    int level = kvLevel(op);
    ACLAccessExplanationInfo onKey =
        acl.explain(
            AclRules.principalType(id.type()),
            AclRules.principalId(id),
            AclRules.RESOURCE_KV_KEY,
            op.getKey(),
            level);
    if (!onKey.getFallbackApplied()) {
      return onKey.getAllowed()
          ? null
          : "KV access denied for key " + op.getKey() + ": " + onKey.getReason();
    }
    String why = denial(id, AclRules.RESOURCE_KV_SCOPE, scope, level);
    return why == null ? null : "KV access denied for scope " + scope + ": " + why;
  }

  /** The access level a KV operation needs on its key or scope. */
  private static int kvLevel(KVOperation op) {
    return switch (op.getOp()) {
      case GET, SET_CARD -> AclRules.READ;
      default -> AclRules.READ_WRITE;
    };
  }

  private @Nullable String kvDenialOnBehalf(
      KVOperation op, io.github.aetherjava.proto.v1.ACLAuthorityGrantInfo g, String workspace) {
    String scope = kvScopeName(op.getScope());
    String operation = "kv_" + op.getOp().name().toLowerCase(java.util.Locale.ROOT);
    if (op.getOp() == KVOperation.OpType.LIST) {
      String why =
          onBehalfDenial(g, AclRules.RESOURCE_KV_SCOPE, scope, operation, workspace, AclRules.READ);
      return why == null ? null : "KV read denied for scope " + scope + ": " + why;
    }
    int level = kvLevel(op);
    String why =
        AuthorityComponent.constraintDenial(
            g, AclRules.RESOURCE_KV_KEY, op.getKey(), operation, workspace, level);
    if (why != null) {
      return "KV access denied for key " + op.getKey() + ": " + why;
    }
    ACLAccessExplanationInfo onKey =
        acl.explain(
            g.getSubject().getPrincipalType(),
            g.getSubject().getPrincipalId(),
            AclRules.RESOURCE_KV_KEY,
            op.getKey(),
            level);
    if (!onKey.getFallbackApplied()) {
      return onKey.getAllowed()
          ? null
          : "KV access denied for key " + op.getKey() + ": " + onKey.getReason();
    }
    why = onBehalfDenial(g, AclRules.RESOURCE_KV_SCOPE, scope, operation, workspace, level);
    return why == null ? null : "KV access denied for scope " + scope + ": " + why;
  }

  /**
   * The grant's constraints, then the subject's rules (as AetherLite checks them): why not, or
   * null.
   */
  private @Nullable String onBehalfDenial(
      io.github.aetherjava.proto.v1.ACLAuthorityGrantInfo g,
      String resourceType,
      String resourceId,
      String operation,
      String workspace,
      int level) {
    String why =
        AuthorityComponent.constraintDenial(
            g, resourceType, resourceId, operation, workspace, level);
    if (why != null) {
      return why;
    }
    ACLAccessExplanationInfo e =
        acl.explain(
            g.getSubject().getPrincipalType(),
            g.getSubject().getPrincipalId(),
            resourceType,
            resourceId,
            level);
    return e.getAllowed() ? null : e.getReason();
  }

  /** The canonical (ACL and audit) name of a KV scope. */
  static String kvScopeName(KVOperation.Scope scope) {
    return switch (scope) {
      case GLOBAL -> "global";
      case USER -> "user";
      case USER_WORKSPACE -> "user-workspace";
      case GLOBAL_EXCLUSIVE -> "global-exclusive";
      case WORKSPACE_EXCLUSIVE -> "workspace-exclusive";
      case USER_SHARED -> "user-shared";
      case USER_WORKSPACE_SHARED -> "user-workspace-shared";
      default -> "workspace";
    };
  }

  private static boolean isExclusive(KVOperation.Scope scope) {
    return switch (scope) {
      case GLOBAL_EXCLUSIVE, WORKSPACE_EXCLUSIVE, USER, USER_WORKSPACE -> true;
      default -> false;
    };
  }

  /** The rules' reason when {@code id} lacks {@code level} on the resource, else null. */
  private @Nullable String denial(Identity id, String resourceType, String resourceId, int level) {
    ACLAccessExplanationInfo e =
        acl.explain(
            AclRules.principalType(id.type()),
            AclRules.principalId(id),
            resourceType,
            resourceId,
            level);
    return e.getAllowed() ? null : e.getReason();
  }

  /** A fresh per-connection rate limiter, or null when rate limiting is off. */
  public @Nullable RateLimiter newRateLimiter() {
    return ratePerSecond > 0 ? new RateLimiter(ratePerSecond, 2 * ratePerSecond, clock) : null;
  }

  /**
   * Counts one message against the lite-parity quota of {@code identity} in {@code workspace}
   * (AetherLite keys it by both; it outlives reconnects).
   *
   * @return true if the message is within the quota (always, outside lite-parity)
   */
  boolean withinMessageQuota(String workspace, String identity) {
    if (mode != PolicyMode.LITE_PARITY) {
      return true;
    }
    boolean[] within = new boolean[1];
    // Counting under the map's per-key lock keeps forgetIdleQuotas from dropping a window that a
    // message is being counted in.
    quotas.compute(
        workspace + ":" + identity,
        (k, q) -> {
          MessageQuota quota = q != null ? q : new MessageQuota(clock);
          within[0] = quota.tryAcquire();
          return quota;
        });
    return within[0];
  }

  /** Forgets quota windows that ended, so the table holds only identities that sent lately. */
  void forgetIdleQuotas() {
    long now = clock.millis();
    for (String key : quotas.keySet()) {
      quotas.computeIfPresent(key, (k, q) -> q.idleAt(now) ? null : q);
    }
  }

  /** Sends refused by the per-identity quota so far. */
  long quotaRejections() {
    return quotaRejections.get();
  }

  void quotaRejected() {
    quotaRejections.incrementAndGet();
  }

  static String prefix(String topic) {
    int sep = topic.indexOf(Identity.SEP);
    return sep < 0 ? topic : topic.substring(0, sep);
  }

  /**
   * The workspace a topic belongs to ("" for workspace-less topics), as the real gateway derives
   * it.
   */
  public static String topicWorkspace(String topic) {
    String[] parts = topic.split(Identity.SEP, -1);
    if (parts.length < 2) {
      return "";
    }
    return switch (parts[0]) {
      // As upstream, pg::us::{user} counts as workspace "us".
      case "ag", "tu", "ta", "tb", "ga", "gu", "pg", "tk" -> parts[1];
      case "uw" -> parts.length > 2 ? parts[2] : "";
      default -> "";
    };
  }

  /**
   * AetherLite's per-identity message quota: at most {@link #MESSAGE_QUOTA} messages in a fixed
   * window of {@link #QUOTA_WINDOW_MILLIS} that starts at the first message after the previous
   * window ended. Rejected messages count too, as upstream.
   */
  static final class MessageQuota {
    private final Clock clock;
    private long windowStart = Long.MIN_VALUE;
    private int count;

    MessageQuota(Clock clock) {
      this.clock = clock;
    }

    /** True once the current window has ended: a new message would start a fresh one. */
    synchronized boolean idleAt(long nowMillis) {
      return windowStart == Long.MIN_VALUE || nowMillis - windowStart >= QUOTA_WINDOW_MILLIS;
    }

    synchronized boolean tryAcquire() {
      long now = clock.millis();
      if (windowStart == Long.MIN_VALUE || now - windowStart >= QUOTA_WINDOW_MILLIS) {
        windowStart = now;
        count = 0;
      }
      count++;
      return count <= MESSAGE_QUOTA;
    }
  }

  /**
   * A token bucket (not thread-safe on purpose: one per connection, used from its inbound thread).
   */
  public static final class RateLimiter {
    private final double rate;
    private final double burst;
    private final Clock clock;
    private double tokens;
    private long lastNanos;

    RateLimiter(double rate, double burst, Clock clock) {
      this.rate = rate;
      this.burst = burst;
      this.clock = clock;
      this.tokens = burst;
      this.lastNanos = nanos();
    }

    private long nanos() {
      java.time.Instant now = clock.instant();
      return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** Takes one token if available. */
    public synchronized boolean tryAcquire() {
      long now = nanos();
      tokens = Math.min(burst, tokens + (now - lastNanos) / 1e9 * rate);
      lastNanos = now;
      if (tokens >= 1) {
        tokens -= 1;
        return true;
      }
      return false;
    }
  }
}
