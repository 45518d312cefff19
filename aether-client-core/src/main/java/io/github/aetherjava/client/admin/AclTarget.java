/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.admin;

import io.github.aetherjava.client.internal.Arguments;
import io.github.aetherjava.proto.v1.ACLRuleFilter;

/**
 * A principal and a resource, naming an ACL rule (or, with empty fields, filtering rules).
 *
 * @param principalType principal type in ACL spelling: {@code user}, {@code agent}, {@code task},
 *     {@code service}, {@code bridge}, {@code orchestrator}, {@code workflow_engine}, ...
 * @param principalId user id for users, canonical identity otherwise (glob patterns allowed in
 *     rules)
 * @param resourceType e.g. {@code workspace}, {@code admin}, {@code capability}
 * @param resourceId e.g. a workspace name, {@code admin/tokens}, {@code capability/audit_submit}
 * @since 0.1.0
 */
public record AclTarget(
    String principalType, String principalId, String resourceType, String resourceId) {

  /** Checks for nulls. */
  public AclTarget {
    Arguments.notNull(principalType, "principalType");
    Arguments.notNull(principalId, "principalId");
    Arguments.notNull(resourceType, "resourceType");
    Arguments.notNull(resourceId, "resourceId");
  }

  /** Matches every rule. */
  public static final AclTarget ANY = new AclTarget("", "", "", "");

  /**
   * @param principalType principal type
   * @param principalId principal id
   * @param category admin category, e.g. {@code tokens}, {@code *}
   * @return the target of the {@code admin/<category>} gate
   */
  public static AclTarget admin(String principalType, String principalId, String category) {
    return new AclTarget(principalType, principalId, "admin", "admin/" + category);
  }

  /**
   * @param principalType principal type
   * @param principalId principal id
   * @param capability capability name, e.g. {@code query_connections}
   * @return the target of the {@code capability/<name>} gate
   */
  public static AclTarget capability(String principalType, String principalId, String capability) {
    return new AclTarget(principalType, principalId, "capability", "capability/" + capability);
  }

  /**
   * @return the wire filter form
   */
  public ACLRuleFilter toFilter() {
    return ACLRuleFilter.newBuilder()
        .setPrincipalType(principalType)
        .setPrincipalId(principalId)
        .setResourceType(resourceType)
        .setResourceId(resourceId)
        .build();
  }
}
