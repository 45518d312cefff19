/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.admin;

import io.github.aetherjava.proto.v1.TokenInfo;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A stored API token (never its secret).
 *
 * @param id token id
 * @param name name
 * @param principalType principal type in the gateway's spelling ("Agent", "User", ...)
 * @param workspacePatterns workspaces it may connect to
 * @param scopes scopes
 * @param createdBy creator
 * @param expiresAt expiry, or null if it never expires
 * @param lastUsedAt last authentication, or null if never used
 * @param revoked whether revoked
 * @param revokedAt when revoked, or null
 * @param createdAt creation time
 * @since 0.1.0
 */
public record TokenDetails(
    String id,
    String name,
    String principalType,
    List<String> workspacePatterns,
    List<String> scopes,
    String createdBy,
    @Nullable Instant expiresAt,
    @Nullable Instant lastUsedAt,
    boolean revoked,
    @Nullable Instant revokedAt,
    Instant createdAt) {

  /** Copies the lists. */
  public TokenDetails {
    workspacePatterns = List.copyOf(workspacePatterns);
    scopes = List.copyOf(scopes);
  }

  /**
   * @param p wire form
   * @return value
   */
  public static TokenDetails fromProto(TokenInfo p) {
    return new TokenDetails(
        p.getId(),
        p.getName(),
        p.getPrincipalType(),
        p.getWorkspacePatternsList(),
        p.getScopesList(),
        p.getCreatedBy(),
        seconds(p.getExpiresAt()),
        seconds(p.getLastUsedAt()),
        p.getRevoked(),
        seconds(p.getRevokedAt()),
        Instant.ofEpochSecond(p.getCreatedAt()));
  }

  static @Nullable Instant seconds(long epochSeconds) {
    return epochSeconds == 0 ? null : Instant.ofEpochSecond(epochSeconds);
  }
}
