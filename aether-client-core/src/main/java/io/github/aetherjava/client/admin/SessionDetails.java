/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.admin;

import io.github.aetherjava.client.PrincipalKind;
import io.github.aetherjava.proto.v1.ConnectionInfo;
import io.github.aetherjava.proto.v1.PrincipalType;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A live session (connection) on the gateway.
 *
 * @param sessionId session id (pass to {@link AdminClient#disconnectSession})
 * @param kind principal type, or null if the gateway reported none
 * @param identity canonical identity
 * @param workspace current workspace ("" if none)
 * @param implementation implementation ("" if none)
 * @param specifier specifier ("" if none)
 * @param connectedAt when it connected
 * @param duration the gateway's human-readable connection age
 * @since 0.1.0
 */
public record SessionDetails(
    String sessionId,
    @Nullable PrincipalKind kind,
    String identity,
    String workspace,
    String implementation,
    String specifier,
    Instant connectedAt,
    String duration) {

  /**
   * @param p wire form
   * @return value
   */
  public static SessionDetails fromProto(ConnectionInfo p) {
    return new SessionDetails(
        p.getSessionId(),
        kind(p.getType()),
        p.getIdentity(),
        p.getWorkspace(),
        p.getImplementation(),
        p.getSpecifier(),
        Instant.ofEpochSecond(p.getConnectedAt()),
        p.getDuration());
  }

  /**
   * @param type wire principal type
   * @return the kind, or null for unspecified
   */
  static @Nullable PrincipalKind kind(PrincipalType type) {
    return switch (type) {
      case PRINCIPAL_AGENT -> PrincipalKind.AGENT;
      case PRINCIPAL_TASK -> PrincipalKind.TASK;
      case PRINCIPAL_USER -> PrincipalKind.USER;
      case PRINCIPAL_ORCHESTRATOR -> PrincipalKind.ORCHESTRATOR;
      case PRINCIPAL_WORKFLOW_ENGINE -> PrincipalKind.WORKFLOW_ENGINE;
      case PRINCIPAL_METRICS_BRIDGE -> PrincipalKind.METRICS_BRIDGE;
      case PRINCIPAL_BRIDGE -> PrincipalKind.BRIDGE;
      case PRINCIPAL_SERVICE -> PrincipalKind.SERVICE;
      default -> null;
    };
  }

  /**
   * @param kind principal kind
   * @return wire principal type
   */
  static PrincipalType toProto(PrincipalKind kind) {
    return switch (kind) {
      case AGENT -> PrincipalType.PRINCIPAL_AGENT;
      case TASK -> PrincipalType.PRINCIPAL_TASK;
      case USER -> PrincipalType.PRINCIPAL_USER;
      case ORCHESTRATOR -> PrincipalType.PRINCIPAL_ORCHESTRATOR;
      case WORKFLOW_ENGINE -> PrincipalType.PRINCIPAL_WORKFLOW_ENGINE;
      case METRICS_BRIDGE -> PrincipalType.PRINCIPAL_METRICS_BRIDGE;
      case BRIDGE -> PrincipalType.PRINCIPAL_BRIDGE;
      case SERVICE -> PrincipalType.PRINCIPAL_SERVICE;
    };
  }
}
