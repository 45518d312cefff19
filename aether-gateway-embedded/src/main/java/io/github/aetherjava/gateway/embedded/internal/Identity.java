/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import io.github.aetherjava.proto.v1.PrincipalType;

/**
 * A resolved connection identity.
 *
 * @param type principal type
 * @param workspace identity workspace at connect time ("" for workspace-less principals and for
 *     users)
 * @param implementation implementation name ("" where the principal has none)
 * @param specifier specifier, unique task specifier or user window ("" where none)
 * @param id user id, or the generated id of a non-unique task ("" otherwise)
 * @param key the canonical identity string, also the identity-lock key
 * @param topic the topic stamped as {@code source_topic} on this principal's messages ("" for
 *     orchestrators)
 * @param ownTopic the durable topic this principal consumes ("" for orchestrators, which have none)
 */
public record Identity(
    PrincipalType type,
    String workspace,
    String implementation,
    String specifier,
    String id,
    String key,
    String topic,
    String ownTopic) {

  /** Separator between identity and topic segments on the wire. */
  public static final String SEP = "::";

  /** Human-readable principal type name as the real gateway prints it ("Agent", "Task", ...). */
  public String typeName() {
    return typeName(type);
  }

  /** Gateway spelling of a principal type. */
  public static String typeName(PrincipalType type) {
    return switch (type) {
      case PRINCIPAL_AGENT -> "Agent";
      case PRINCIPAL_TASK -> "Task";
      case PRINCIPAL_USER -> "User";
      case PRINCIPAL_ORCHESTRATOR -> "Orchestrator";
      case PRINCIPAL_WORKFLOW_ENGINE -> "WorkflowEngine";
      case PRINCIPAL_METRICS_BRIDGE -> "MetricsBridge";
      case PRINCIPAL_BRIDGE -> "Bridge";
      case PRINCIPAL_SERVICE -> "Service";
      default -> "Unknown";
    };
  }

  /** True for a task connected without a unique specifier (identity {@code ta::...}). */
  public boolean isNonUniqueTask() {
    return type == PrincipalType.PRINCIPAL_TASK && specifier.isEmpty();
  }

  /**
   * True for principals that may appear under an identity they do not prove (the real gateway's
   * term).
   */
  public boolean isImpersonable() {
    return switch (type) {
      case PRINCIPAL_AGENT, PRINCIPAL_TASK, PRINCIPAL_USER, PRINCIPAL_SERVICE, PRINCIPAL_BRIDGE ->
          true;
      default -> false;
    };
  }
}
