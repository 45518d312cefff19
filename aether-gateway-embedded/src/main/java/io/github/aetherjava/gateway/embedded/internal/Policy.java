/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import io.github.aetherjava.gateway.embedded.PolicyMode;
import io.github.aetherjava.proto.v1.KVOperation;
import io.github.aetherjava.proto.v1.PrincipalType;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Authorisation decisions: the principal-type send matrix always, AetherLite's dev-mode ACL denials
 * optionally.
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

  private final PolicyMode mode;
  private final Clock clock;
  private final double ratePerSecond;
  private final AtomicLong quotaRejections = new AtomicLong();
  private final ConcurrentHashMap<String, MessageQuota> quotas = new ConcurrentHashMap<>();

  Policy(PolicyMode mode, Clock clock, double ratePerSecond) {
    this.mode = mode;
    this.clock = clock;
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
   * Lite-parity workspace ACL on a send (seeded fallbacks grant agents, tasks and users read-write
   * on every workspace and nothing to services, bridges or the workflow engine).
   *
   * @return true if the send is denied
   */
  public boolean aclDeniesSend(PrincipalType sender, String senderWorkspace, String topic) {
    if (mode != PolicyMode.LITE_PARITY) {
      return false;
    }
    String targetWs = topicWorkspace(topic);
    String checkWs =
        !targetWs.isEmpty() && !targetWs.equals(senderWorkspace) ? targetWs : senderWorkspace;
    if (checkWs.isEmpty()) {
      return false;
    }
    return switch (sender) {
      case PRINCIPAL_AGENT, PRINCIPAL_TASK, PRINCIPAL_USER, PRINCIPAL_ORCHESTRATOR -> false;
      default -> true;
    };
  }

  /**
   * Lite-parity: cross-workspace event/metric publishing needs a capability nobody holds by
   * default.
   */
  public boolean deniesCrossWorkspaceBroadcast(String senderWorkspace, String declaredWorkspace) {
    return mode == PolicyMode.LITE_PARITY
        && !declaredWorkspace.isEmpty()
        && !declaredWorkspace.equals(senderWorkspace);
  }

  /** Lite-parity: shared KV scopes fall back to NONE for everyone. */
  public boolean deniesKvScope(KVOperation.Scope scope) {
    if (mode != PolicyMode.LITE_PARITY) {
      return false;
    }
    return switch (scope) {
      case GLOBAL_EXCLUSIVE, WORKSPACE_EXCLUSIVE, USER, USER_WORKSPACE -> false;
      default -> true;
    };
  }

  /**
   * Lite-parity: AetherLite authorises LIST by the scope rule alone (no owner shortcut), and every
   * scope rule falls back to NONE, so LIST is refused even in the caller's own exclusive scopes.
   */
  public boolean deniesKvList() {
    return mode == PolicyMode.LITE_PARITY;
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
      case "ag", "tu", "ta", "tb", "ga", "gu", "tk" -> parts[1];
      case "pg" -> parts[1].equals("us") && parts.length > 2 ? "" : parts[1];
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
