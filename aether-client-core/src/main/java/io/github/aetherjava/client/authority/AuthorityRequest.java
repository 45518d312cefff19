/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.authority;

import io.github.aetherjava.client.PrincipalRef;
import io.github.aetherjava.client.admin.AccessLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An authority request as the gateway holds it.
 *
 * @param requestId the request's id
 * @param status its state
 * @param requestingActor the principal that will hold the grant
 * @param targetSubject the subject to act for, or null when the requester acts as itself
 * @param workspaceScope workspaces asked for
 * @param resourceScope resource types and patterns asked for
 * @param operationScope operations asked for
 * @param accessLevel access level asked for, or null if the gateway sent an unknown one
 * @param duration grant lifetime asked for (as the gateway capped it)
 * @param audienceType audience type of the grant ("" if none)
 * @param audienceId audience id of the grant ("" if none)
 * @param routing who may approve, or null if the gateway sent none
 * @param reason the requester's reason
 * @param taskId the task it belongs to ("" if none)
 * @param metadata free-form metadata
 * @param createdAt when it was created
 * @param expiresAt when it expires if nobody resolves it
 * @param resolvedAt when it was resolved, or null while pending
 * @param grantedGrantId the grant an approval minted, or null
 * @param resolvedBy the approver who resolved it, or null
 * @param resolutionReason the approver's or canceller's reason ("" if none)
 * @since 0.1.0
 */
public record AuthorityRequest(
    String requestId,
    AuthorityRequestStatus status,
    PrincipalRef requestingActor,
    @Nullable PrincipalRef targetSubject,
    List<String> workspaceScope,
    Map<String, List<String>> resourceScope,
    List<String> operationScope,
    @Nullable AccessLevel accessLevel,
    Duration duration,
    String audienceType,
    String audienceId,
    @Nullable AuthorityRequestRouting routing,
    String reason,
    String taskId,
    Map<String, String> metadata,
    Instant createdAt,
    Instant expiresAt,
    @Nullable Instant resolvedAt,
    @Nullable String grantedGrantId,
    @Nullable PrincipalRef resolvedBy,
    String resolutionReason) {

  /** Copies the collections. */
  public AuthorityRequest {
    workspaceScope = List.copyOf(workspaceScope);
    resourceScope = Map.copyOf(resourceScope);
    operationScope = List.copyOf(operationScope);
    metadata = Map.copyOf(metadata);
  }

  /**
   * @param wire wire form
   * @return the request
   */
  public static AuthorityRequest fromProto(io.github.aetherjava.proto.v1.AuthorityRequest wire) {
    Map<String, List<String>> resources = new LinkedHashMap<>();
    wire.getDesiredResourceScopeList()
        .forEach(e -> resources.put(e.getResourceType(), List.copyOf(e.getPatternsList())));
    return new AuthorityRequest(
        wire.getRequestId(),
        AuthorityRequestStatus.fromProto(wire.getStatus()),
        PrincipalRef.fromProto(wire.getRequestingActor()),
        wire.hasTargetSubject() ? PrincipalRef.fromProto(wire.getTargetSubject()) : null,
        wire.getDesiredWorkspaceScopeList(),
        resources,
        wire.getDesiredOperationScopeList(),
        accessLevel(wire.getRequestedAccessLevel()),
        Duration.ofSeconds(wire.getRequestedDurationSeconds()),
        wire.getAudienceType(),
        wire.getAudienceId(),
        wire.hasRoutingTarget() ? AuthorityRequestRouting.fromProto(wire.getRoutingTarget()) : null,
        wire.getReason(),
        wire.getTaskId(),
        wire.getMetadataMap(),
        Instant.ofEpochSecond(wire.getCreatedAt()),
        Instant.ofEpochSecond(wire.getExpiresAt()),
        wire.getResolvedAt() == 0 ? null : Instant.ofEpochSecond(wire.getResolvedAt()),
        wire.getGrantedGrantId().isEmpty() ? null : wire.getGrantedGrantId(),
        wire.hasResolvedBy() ? PrincipalRef.fromProto(wire.getResolvedBy()) : null,
        wire.getResolutionReason());
  }

  /**
   * @param level an access level
   * @return its wire form
   */
  public static io.github.aetherjava.proto.v1.AccessLevel toProto(AccessLevel level) {
    return switch (level) {
      case NONE -> io.github.aetherjava.proto.v1.AccessLevel.ACCESS_LEVEL_NONE;
      case READ -> io.github.aetherjava.proto.v1.AccessLevel.ACCESS_LEVEL_READ;
      case READ_WRITE -> io.github.aetherjava.proto.v1.AccessLevel.ACCESS_LEVEL_READWRITE;
      case MANAGE -> io.github.aetherjava.proto.v1.AccessLevel.ACCESS_LEVEL_MANAGE;
      case ADMIN -> io.github.aetherjava.proto.v1.AccessLevel.ACCESS_LEVEL_ADMIN;
      case SUPER_ADMIN -> io.github.aetherjava.proto.v1.AccessLevel.ACCESS_LEVEL_SUPERADMIN;
    };
  }

  private static @Nullable AccessLevel accessLevel(io.github.aetherjava.proto.v1.AccessLevel l) {
    return switch (l) {
      case ACCESS_LEVEL_NONE -> AccessLevel.NONE;
      case ACCESS_LEVEL_READ -> AccessLevel.READ;
      case ACCESS_LEVEL_READWRITE -> AccessLevel.READ_WRITE;
      case ACCESS_LEVEL_MANAGE -> AccessLevel.MANAGE;
      case ACCESS_LEVEL_ADMIN -> AccessLevel.ADMIN;
      case ACCESS_LEVEL_SUPERADMIN -> AccessLevel.SUPER_ADMIN;
      default -> null;
    };
  }
}
