/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.admin;

import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.PrincipalKind;
import io.github.aetherjava.client.internal.Arguments;
import io.github.aetherjava.proto.v1.TokenCreateRequest;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What to mint with {@link AdminClient#createToken}. The gateway stores expiry in whole hours, so
 * {@link #expiresIn()} is rounded up to the next hour on the wire.
 *
 * @param name human-readable name
 * @param principalType the only principal type the token authenticates
 * @param workspacePatterns glob patterns of workspaces the token may connect to (empty: every
 *     workspace)
 * @param scopes scopes (empty: {@code connect})
 * @param expiresIn lifetime, or null for a token that never expires
 * @param createdBy creator; for user tokens the user id the token is bound to (empty: the gateway
 *     records {@code admin})
 * @since 0.1.0
 */
public record TokenSpec(
    String name,
    PrincipalKind principalType,
    List<String> workspacePatterns,
    List<String> scopes,
    @Nullable Duration expiresIn,
    String createdBy) {

  /** Validates and copies. */
  public TokenSpec {
    Arguments.notBlank(name, "name");
    Arguments.notNull(principalType, "principalType");
    Arguments.notNull(createdBy, "createdBy");
    if (expiresIn != null) {
      Arguments.positive(expiresIn, "expiresIn");
    }
    workspacePatterns = List.copyOf(Arguments.notNull(workspacePatterns, "workspacePatterns"));
    scopes = List.copyOf(Arguments.notNull(scopes, "scopes"));
  }

  /**
   * A token for any principal of {@code type} in any workspace, never expiring.
   *
   * @param name token name
   * @param type principal type
   * @return the spec
   */
  public static TokenSpec of(String name, PrincipalKind type) {
    return new TokenSpec(name, type, List.of(), List.of(), null, "");
  }

  /**
   * @param lifetime lifetime (rounded up to whole hours)
   * @return a copy expiring after {@code lifetime}
   */
  public TokenSpec expiringAfter(Duration lifetime) {
    return new TokenSpec(name, principalType, workspacePatterns, scopes, lifetime, createdBy);
  }

  /**
   * @param patterns workspace glob patterns
   * @return a copy restricted to those workspaces
   */
  public TokenSpec forWorkspaces(String... patterns) {
    return new TokenSpec(name, principalType, List.of(patterns), scopes, expiresIn, createdBy);
  }

  /**
   * @param creator creator (for user tokens: the user id)
   * @return a copy with that creator
   */
  public TokenSpec createdBy(String creator) {
    return new TokenSpec(name, principalType, workspacePatterns, scopes, expiresIn, creator);
  }

  /**
   * @return hours on the wire: {@link #expiresIn()} rounded up, 0 for never
   */
  public int expiresInHours() {
    if (expiresIn == null) {
      return 0;
    }
    long hours = expiresIn.toHours();
    if (!expiresIn.equals(Duration.ofHours(hours))) {
      hours++;
    }
    if (hours > Integer.MAX_VALUE) {
      throw new InvalidArgumentException("expiresIn is too long: " + expiresIn);
    }
    return (int) hours;
  }

  /**
   * @return the wire form
   */
  public TokenCreateRequest toProto() {
    return TokenCreateRequest.newBuilder()
        .setName(name)
        .setPrincipalType(modelName(principalType))
        .addAllWorkspacePatterns(workspacePatterns)
        .addAllScopes(scopes)
        .setExpiresInHours(expiresInHours())
        .setCreatedBy(createdBy)
        .build();
  }

  /**
   * @param kind principal type
   * @return the gateway's spelling ("Agent", "User", ...), which tokens must carry to authenticate
   */
  public static String modelName(PrincipalKind kind) {
    return switch (kind) {
      case AGENT -> "Agent";
      case TASK -> "Task";
      case USER -> "User";
      case ORCHESTRATOR -> "Orchestrator";
      case WORKFLOW_ENGINE -> "WorkflowEngine";
      case METRICS_BRIDGE -> "MetricsBridge";
      case BRIDGE -> "Bridge";
      case SERVICE -> "Service";
    };
  }
}
