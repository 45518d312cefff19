/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.authority;

import io.github.aetherjava.client.AuthorizationContext;
import io.github.aetherjava.client.PrincipalRef;
import io.github.aetherjava.proto.v1.ACLAuthorityGrantInfo;
import io.github.aetherjava.proto.v1.ACLAuthorityGrantResourceScopeEntry;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An authority grant as the gateway reports it: {@code delegate} may act for {@code subject} within
 * the scopes until {@code expiresAt}.
 *
 * @param grantId grant id
 * @param rootGrantId id of the grant at the root of its derivation chain (its own id for a root)
 * @param subject on whose behalf the delegate acts
 * @param delegate who may use the grant
 * @param issuedBy who created it
 * @param rootSubject subject of the root grant
 * @param parentGrantId the grant it was derived from, or null for a root grant
 * @param mayDelegate whether the delegate may derive further grants
 * @param remainingHops how many derivation steps are left
 * @param workspaceScope workspaces it covers (empty: unrestricted)
 * @param resourceScope resource type to patterns (empty: unrestricted)
 * @param operationScope operations it covers (empty: unrestricted)
 * @param maxAccessLevel highest access level (10 read ... 50 super-admin)
 * @param audienceType {@code session}, {@code task}, {@code agent} or {@code service}
 * @param audienceId the session, task or principal it is bound to
 * @param validWhileAudienceActive whether it lapses when the audience goes away
 * @param expiresAt end of validity
 * @param renewableUntil latest time a renewal may reach
 * @param renewedAt last renewal, or null
 * @param revoked whether it was revoked
 * @param revokedAt when it was revoked, or null
 * @param reason free text given at creation
 * @param metadata string metadata
 * @param createdAt creation time
 * @since 0.1.0
 */
public record AuthorityGrant(
    String grantId,
    String rootGrantId,
    PrincipalRef subject,
    PrincipalRef delegate,
    PrincipalRef issuedBy,
    PrincipalRef rootSubject,
    @Nullable String parentGrantId,
    boolean mayDelegate,
    int remainingHops,
    List<String> workspaceScope,
    Map<String, List<String>> resourceScope,
    List<String> operationScope,
    int maxAccessLevel,
    String audienceType,
    String audienceId,
    boolean validWhileAudienceActive,
    Instant expiresAt,
    Instant renewableUntil,
    @Nullable Instant renewedAt,
    boolean revoked,
    @Nullable Instant revokedAt,
    String reason,
    Map<String, String> metadata,
    Instant createdAt) {

  /** Copies the collections so the record stays immutable. */
  public AuthorityGrant {
    workspaceScope = List.copyOf(workspaceScope);
    resourceScope = Map.copyOf(resourceScope);
    operationScope = List.copyOf(operationScope);
    metadata = Map.copyOf(metadata);
  }

  /**
   * @param now the current time
   * @return true if not revoked and not expired at {@code now}
   */
  public boolean isActiveAt(Instant now) {
    return !revoked && now.isBefore(expiresAt);
  }

  /**
   * @return a context to send on behalf of this grant's subject (this client must be the delegate)
   */
  public AuthorizationContext onBehalfOf() {
    return AuthorizationContext.onBehalfOf(subject, grantId);
  }

  /**
   * @param p wire form
   * @return value
   */
  public static AuthorityGrant fromProto(ACLAuthorityGrantInfo p) {
    Map<String, List<String>> resources = new LinkedHashMap<>();
    for (ACLAuthorityGrantResourceScopeEntry e : p.getResourceScopeList()) {
      resources.put(e.getResourceType(), List.copyOf(e.getPatternsList()));
    }
    return new AuthorityGrant(
        p.getGrantId(),
        p.getRootGrantId(),
        PrincipalRef.fromProto(p.getSubject()),
        PrincipalRef.fromProto(p.getDelegate()),
        PrincipalRef.fromProto(p.getIssuedBy()),
        PrincipalRef.fromProto(p.getRootSubject()),
        p.getParentGrantId().isEmpty() ? null : p.getParentGrantId(),
        p.getMayDelegate(),
        p.getRemainingHops(),
        p.getWorkspaceScopeList(),
        resources,
        p.getOperationScopeList(),
        p.getMaxAccessLevel(),
        p.getAudienceType(),
        p.getAudienceId(),
        p.getValidWhileAudienceActive(),
        Instant.ofEpochSecond(p.getExpiresAt()),
        Instant.ofEpochSecond(p.getRenewableUntil()),
        p.getRenewedAt() == 0 ? null : Instant.ofEpochSecond(p.getRenewedAt()),
        p.getRevoked(),
        p.getRevokedAt() == 0 ? null : Instant.ofEpochSecond(p.getRevokedAt()),
        p.getReason(),
        p.getMetadataMap(),
        Instant.ofEpochSecond(p.getCreatedAt()));
  }
}
