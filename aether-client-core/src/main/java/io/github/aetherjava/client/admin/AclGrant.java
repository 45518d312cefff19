/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.admin;

import io.github.aetherjava.client.internal.Arguments;
import io.github.aetherjava.proto.v1.ACLGrantRequest;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A grant for {@link AdminClient#grantAccess}: the access level goes on the wire as its number (the
 * TypeScript SDK sends a field the gateway does not know and so grants level 0).
 *
 * @param target principal and resource
 * @param level access level to grant
 * @param grantedBy recorded grantor ("" = none)
 * @param reason recorded reason ("" = none)
 * @param expiresAt expiry, or null for a permanent rule
 * @since 0.1.0
 */
public record AclGrant(
    AclTarget target,
    AccessLevel level,
    String grantedBy,
    String reason,
    @Nullable Instant expiresAt) {

  /** Checks for nulls. */
  public AclGrant {
    Arguments.notNull(target, "target");
    Arguments.notNull(level, "level");
    Arguments.notNull(grantedBy, "grantedBy");
    Arguments.notNull(reason, "reason");
  }

  /**
   * @param target principal and resource
   * @param level level
   * @return a permanent grant without grantor or reason
   */
  public static AclGrant of(AclTarget target, AccessLevel level) {
    return new AclGrant(target, level, "", "", null);
  }

  /**
   * @return the wire form
   */
  public ACLGrantRequest toProto() {
    return ACLGrantRequest.newBuilder()
        .setPrincipalType(target.principalType())
        .setPrincipalId(target.principalId())
        .setResourceType(target.resourceType())
        .setResourceId(target.resourceId())
        .setAccessLevel(level.wireValue())
        .setGrantedBy(grantedBy)
        .setReason(reason)
        .setExpiresAt(expiresAt == null ? 0 : expiresAt.getEpochSecond())
        .build();
  }
}
