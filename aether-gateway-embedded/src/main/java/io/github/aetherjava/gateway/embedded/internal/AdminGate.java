/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import io.github.aetherjava.gateway.embedded.PolicyMode;
import io.github.aetherjava.proto.v1.PrincipalType;

/**
 * Who may run admin operations and use capabilities. Permissive mode allows every admin operation
 * (the embedded default for tests); lite-parity mode asks the ACL rules, as AetherLite does, where
 * nobody holds an admin grant until one is made. The workflow engine and orchestrators are always
 * allowed, as on the real gateway.
 */
final class AdminGate {

  private final Policy policy;
  private final AclRules acl;

  AdminGate(Policy policy, AclRules acl) {
    this.policy = policy;
    this.acl = acl;
  }

  AclRules acl() {
    return acl;
  }

  /** True if {@code session} may run admin operations of {@code category} at {@code level}. */
  boolean allowsAdmin(Session session, String category, int level) {
    if (isSystem(session) || policy.mode() == PolicyMode.PERMISSIVE) {
      return true;
    }
    Identity id = session.identity();
    return acl.allows(
        AclRules.principalType(id.type()),
        AclRules.principalId(id),
        AclRules.RESOURCE_ADMIN,
        "admin/" + category,
        level);
  }

  /**
   * Checks {@code admin/<category>} at ADMIN level; on denial answers with the real gateway's
   * {@code ERR_PERMISSION_DENIED} text, carrying the request id.
   *
   * @return true if allowed
   */
  boolean checkAdmin(Session session, String category, String requestId) {
    if (allowsAdmin(session, category, AclRules.ADMIN)) {
      return true;
    }
    session.send(
        Frames.error(
            "ERR_PERMISSION_DENIED",
            "admin "
                + category
                + " operations require system-level privileges or an explicit ACL grant",
            requestId));
    return false;
  }

  /** True if {@code session} holds {@code capability/<name>} (system principals always do). */
  boolean hasCapability(Session session, String name) {
    if (isSystem(session)) {
      return true;
    }
    Identity id = session.identity();
    return acl.allows(
        AclRules.principalType(id.type()),
        AclRules.principalId(id),
        AclRules.RESOURCE_CAPABILITY,
        "capability/" + name,
        AclRules.READ);
  }

  private static boolean isSystem(Session session) {
    PrincipalType t = session.identity().type();
    return t == PrincipalType.PRINCIPAL_WORKFLOW_ENGINE
        || t == PrincipalType.PRINCIPAL_ORCHESTRATOR;
  }
}
