/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import io.github.aetherjava.proto.v1.ACLAccessContributionInfo;
import io.github.aetherjava.proto.v1.ACLAccessExplanationInfo;
import io.github.aetherjava.proto.v1.ACLFallbackPolicyInfo;
import io.github.aetherjava.proto.v1.ACLGrantRequest;
import io.github.aetherjava.proto.v1.ACLRuleFilter;
import io.github.aetherjava.proto.v1.ACLRuleInfo;
import io.github.aetherjava.proto.v1.PrincipalType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The ACL rule store: grants of an access level on a resource to a principal, plus per-category
 * fallback levels. Thread-safe. Resource and principal ids may be glob patterns ({@code admin/*}).
 */
public final class AclRules {

  /** No access. */
  public static final int NONE = 0;

  /** Read access. */
  public static final int READ = 10;

  /** Read-write access. */
  public static final int READ_WRITE = 20;

  /** Manage access. */
  public static final int MANAGE = 30;

  /** Admin access. */
  public static final int ADMIN = 40;

  /** Super-admin access. */
  public static final int SUPER_ADMIN = 50;

  /** Resource type of the {@code admin/<category>} gates. */
  public static final String RESOURCE_ADMIN = "admin";

  /** Resource type of the {@code capability/<name>} gates. */
  public static final String RESOURCE_CAPABILITY = "capability";

  /** Principal type of rules that apply to every principal of a type ({@code _any_agent}, ...). */
  public static final String WILDCARD = "wildcard";

  /** Resource type of workspaces (sends are checked against the target workspace). */
  public static final String RESOURCE_WORKSPACE = "workspace";

  /** Resource type of KV scopes, by their canonical name ({@code global}, {@code user-shared}). */
  public static final String RESOURCE_KV_SCOPE = "kv_scope";

  /** Resource type of single KV keys; a rule on a key takes precedence over its scope's. */
  public static final String RESOURCE_KV_KEY = "kv_key";

  /**
   * The fallback policies AetherLite seeds into a fresh ACL store: read-write on workspaces for
   * users, agents and tasks, and no access to any KV scope without a grant.
   */
  static final Map<String, Integer> SEEDED_FALLBACKS =
      Map.ofEntries(
          Map.entry("user_workspace", READ_WRITE),
          Map.entry("agent_workspace", READ_WRITE),
          Map.entry("user_agent", READ_WRITE),
          Map.entry("agent_agent", READ_WRITE),
          Map.entry("task_workspace", READ_WRITE),
          Map.entry("global_read", READ_WRITE),
          Map.entry("orchestrator_system", READ_WRITE),
          Map.entry("user_kv_scope", NONE),
          Map.entry("agent_kv_scope", NONE),
          Map.entry("task_kv_scope", NONE),
          Map.entry("service_kv_scope", NONE));

  private final Clock clock;
  private final Map<String, ACLRuleInfo> rules = new LinkedHashMap<>();
  private final Map<String, ACLFallbackPolicyInfo> fallbacks = new LinkedHashMap<>();

  AclRules(Clock clock) {
    this.clock = clock;
    SEEDED_FALLBACKS.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> setFallback(e.getKey(), e.getValue(), "_system"));
  }

  /** The gateway's name of an access level. */
  public static String levelName(int level) {
    return switch (level) {
      case NONE -> "NONE";
      case READ -> "READ";
      case READ_WRITE -> "READWRITE";
      case MANAGE -> "MANAGE";
      case ADMIN -> "ADMIN";
      case SUPER_ADMIN -> "SUPERADMIN";
      default -> "UNKNOWN";
    };
  }

  /** The ACL spelling of a principal type ("agent", "user", ...). */
  public static String principalType(PrincipalType type) {
    return switch (type) {
      case PRINCIPAL_AGENT -> "agent";
      case PRINCIPAL_TASK -> "task";
      case PRINCIPAL_USER -> "user";
      case PRINCIPAL_ORCHESTRATOR -> "orchestrator";
      case PRINCIPAL_WORKFLOW_ENGINE -> "workflow_engine";
      case PRINCIPAL_METRICS_BRIDGE -> "metrics_bridge";
      case PRINCIPAL_BRIDGE -> "bridge";
      case PRINCIPAL_SERVICE -> "service";
      default -> "unknown";
    };
  }

  /** The id a session is known by in ACL rules: the user id for users, else the identity. */
  public static String principalId(Identity identity) {
    return identity.type() == PrincipalType.PRINCIPAL_USER ? identity.id() : identity.key();
  }

  /**
   * Creates or replaces the rule for (principal, resource).
   *
   * @return the stored rule
   * @throws IllegalArgumentException with the gateway's text for an invalid request
   */
  public synchronized ACLRuleInfo grant(ACLGrantRequest req) {
    int level = req.getAccessLevel();
    if (level < NONE || level > SUPER_ADMIN || level % 10 != 0) {
      throw new IllegalArgumentException("invalid access level: " + level);
    }
    if (req.getPrincipalType().isEmpty()
        || req.getPrincipalId().isEmpty()
        || req.getResourceType().isEmpty()
        || req.getResourceId().isEmpty()) {
      throw new IllegalArgumentException(
          "principal_type, principal_id, resource_type and resource_id are required");
    }
    ACLRuleInfo existing =
        find(
            req.getPrincipalType(),
            req.getPrincipalId(),
            req.getResourceType(),
            req.getResourceId());
    ACLRuleInfo rule =
        ACLRuleInfo.newBuilder()
            .setRuleId(existing != null ? existing.getRuleId() : UUID.randomUUID().toString())
            .setPrincipalType(req.getPrincipalType().toLowerCase(Locale.ROOT))
            .setPrincipalId(req.getPrincipalId())
            .setResourceType(req.getResourceType())
            .setResourceId(req.getResourceId())
            .setAccessLevel(level)
            .setAccessLevelName(levelName(level))
            .setGrantedBy(req.getGrantedBy())
            .setGrantedAt(clock.instant().getEpochSecond())
            .setExpiresAt(req.getExpiresAt())
            .setReason(req.getReason())
            .build();
    rules.put(rule.getRuleId(), rule);
    return rule;
  }

  /** The rule with this id, if any. */
  public synchronized Optional<ACLRuleInfo> byId(String ruleId) {
    return Optional.ofNullable(rules.get(ruleId));
  }

  /** The rule for exactly this (principal, resource), if any. */
  public synchronized Optional<ACLRuleInfo> get(
      String principalType, String principalId, String resourceType, String resourceId) {
    return Optional.ofNullable(find(principalType, principalId, resourceType, resourceId));
  }

  /** Removes the rule for exactly this (principal, resource); false if there was none. */
  public synchronized boolean revoke(
      String principalType, String principalId, String resourceType, String resourceId) {
    ACLRuleInfo r = find(principalType, principalId, resourceType, resourceId);
    return r != null && rules.remove(r.getRuleId()) != null;
  }

  /** Rules matching every non-empty field of {@code filter}, oldest first, paged. */
  public synchronized List<ACLRuleInfo> list(ACLRuleFilter filter) {
    List<ACLRuleInfo> out = new ArrayList<>();
    int skip = Math.max(0, filter.getOffset());
    for (ACLRuleInfo r : rules.values()) {
      if (matches(filter.getPrincipalType(), r.getPrincipalType())
          && matches(filter.getPrincipalId(), r.getPrincipalId())
          && matches(filter.getResourceType(), r.getResourceType())
          && matches(filter.getResourceId(), r.getResourceId())) {
        if (skip > 0) {
          skip--;
        } else if (filter.getLimit() <= 0 || out.size() < filter.getLimit()) {
          out.add(r);
        }
      }
    }
    return out;
  }

  /** The fallback level of a rule category ({@code <principal_type>_<resource_type>}). */
  public synchronized ACLFallbackPolicyInfo fallback(String category) {
    ACLFallbackPolicyInfo p = fallbacks.get(category);
    if (p != null) {
      return p;
    }
    return ACLFallbackPolicyInfo.newBuilder()
        .setRuleCategory(category)
        .setFallbackAccessLevel(NONE)
        .setFallbackAccessLevelName(levelName(NONE))
        .build();
  }

  /** Sets the fallback level of a rule category. */
  public synchronized ACLFallbackPolicyInfo setFallback(String category, int level, String by) {
    if (category.isEmpty()) {
      throw new IllegalArgumentException("rule_category is required");
    }
    if (level < NONE || level > SUPER_ADMIN || level % 10 != 0) {
      throw new IllegalArgumentException("invalid access level: " + level);
    }
    ACLFallbackPolicyInfo p =
        ACLFallbackPolicyInfo.newBuilder()
            .setPolicyId(category)
            .setRuleCategory(category)
            .setFallbackAccessLevel(level)
            .setFallbackAccessLevelName(levelName(level))
            .setUpdatedBy(by)
            .setUpdatedAt(clock.instant().getEpochSecond())
            .build();
    fallbacks.put(category, p);
    return p;
  }

  /** True if the principal holds at least {@code level} on the resource. */
  public boolean allows(
      String principalType, String principalId, String resourceType, String resourceId, int level) {
    return explain(principalType, principalId, resourceType, resourceId, level).getAllowed();
  }

  /**
   * How the store decides an access check, as AetherLite does: the most specific tier with a live
   * matching rule decides (its highest level wins): the principal's own rule on the exact resource,
   * then a {@code wildcard} principal rule ({@code _any_agent}, ...) on it, then the principal's
   * rule on {@code <type>:*}, then a wildcard principal's on {@code *}, then glob rules; with none,
   * the fallback policy {@code <principal_type>_<resource_type>}.
   */
  public synchronized ACLAccessExplanationInfo explain(
      String principalType,
      String principalId,
      String resourceType,
      String resourceId,
      int requiredLevel) {
    String type = principalType.toLowerCase(Locale.ROOT);
    String wildcard = wildcardSubject(type);
    long now = clock.instant().getEpochSecond();
    ACLAccessExplanationInfo.Builder b =
        ACLAccessExplanationInfo.newBuilder()
            .setPrincipal(type + ":" + principalId)
            .addSubjects(type + ":" + principalId);
    if (wildcard != null) {
      b.addSubjects(WILDCARD + ":" + wildcard);
    }
    int[] tiers = {-1, -1, -1, -1, -1};
    for (ACLRuleInfo r : rules.values()) {
      if (!r.getResourceType().equals(resourceType)) {
        continue;
      }
      int tier = tier(r, type, principalId, wildcard, resourceId);
      if (tier < 0) {
        continue;
      }
      boolean expired = r.getExpiresAt() > 0 && r.getExpiresAt() <= now;
      b.addContributions(
          ACLAccessContributionInfo.newBuilder()
              .setSubject(r.getPrincipalType() + ":" + r.getPrincipalId())
              .setRuleId(r.getRuleId())
              .setAccessLevel(r.getAccessLevel())
              .setResource(r.getResourceType() + ":" + r.getResourceId())
              .setExpired(expired));
      if (!expired) {
        tiers[tier] = Math.max(tiers[tier], r.getAccessLevel());
      }
    }
    int effective = -1;
    for (int level : tiers) {
      if (level >= 0) {
        effective = level;
        break;
      }
    }
    boolean fallbackApplied = effective < 0;
    if (fallbackApplied) {
      effective = fallback(type + "_" + resourceType).getFallbackAccessLevel();
    }
    boolean allowed = effective >= requiredLevel && effective > NONE;
    return b.setAllowed(allowed)
        .setDecision(allowed ? "ALLOW" : "DENY")
        .setEffectiveAccessLevel(effective)
        .setFallbackApplied(fallbackApplied)
        .setReason(
            (fallbackApplied ? "fallback policy grants " : "rules grant ")
                + levelName(effective)
                + ", required "
                + levelName(requiredLevel))
        .build();
  }

  /** The specificity tier (0 = most specific) at which {@code r} matches, or -1. */
  private static int tier(
      ACLRuleInfo r,
      String type,
      String principalId,
      @Nullable String wildcard,
      String resourceId) {
    boolean own = r.getPrincipalType().equals(type) && r.getPrincipalId().equals(principalId);
    boolean anyOfType =
        wildcard != null
            && r.getPrincipalType().equals(WILDCARD)
            && r.getPrincipalId().equals(wildcard);
    String rid = r.getResourceId();
    if (rid.equals(resourceId)) {
      if (own) {
        return 0;
      }
      if (anyOfType) {
        return 1;
      }
    }
    if (!resourceId.equals("*") && rid.equals("*")) {
      if (own) {
        return 2;
      }
      if (anyOfType) {
        return 3;
      }
    }
    boolean globbed = isGlob(r.getPrincipalId()) || isGlob(rid);
    if (globbed
        && r.getPrincipalType().equals(type)
        && Authenticator.glob(r.getPrincipalId(), principalId)
        && Authenticator.glob(rid, resourceId)) {
      return 4;
    }
    return -1;
  }

  private static boolean isGlob(String s) {
    return s.indexOf('*') >= 0 || s.indexOf('?') >= 0;
  }

  /** The {@code wildcard} principal id that stands for every principal of {@code type}. */
  private static @Nullable String wildcardSubject(String type) {
    return switch (type) {
      case "user" -> "_any_authenticated_user";
      case "agent" -> "_any_agent";
      case "task" -> "_any_task";
      case "service" -> "_any_service";
      default -> null;
    };
  }

  private @Nullable ACLRuleInfo find(
      String principalType, String principalId, String resourceType, String resourceId) {
    for (ACLRuleInfo r : rules.values()) {
      if (r.getPrincipalType().equalsIgnoreCase(principalType)
          && r.getPrincipalId().equals(principalId)
          && r.getResourceType().equals(resourceType)
          && r.getResourceId().equals(resourceId)) {
        return r;
      }
    }
    return null;
  }

  private static boolean matches(String filter, String value) {
    return filter.isEmpty() || filter.equalsIgnoreCase(value);
  }
}
