/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.authority;

import io.github.aetherjava.client.PrincipalRef;
import java.time.Instant;
import java.util.List;

/**
 * An on-behalf-of context the gateway validated: {@code actor} may act for {@code subject} under
 * grant {@code grantId}.
 *
 * @param actor who acts
 * @param subject on whose behalf
 * @param grantId the grant
 * @param rootSubject subject of the root grant
 * @param audienceType audience binding type
 * @param audienceId audience binding id
 * @param maxAccessLevel highest access level
 * @param workspaceScope workspaces covered (empty: unrestricted)
 * @param expiresAt end of validity
 * @since 0.1.0
 */
public record ResolvedAuthority(
    PrincipalRef actor,
    PrincipalRef subject,
    String grantId,
    PrincipalRef rootSubject,
    String audienceType,
    String audienceId,
    int maxAccessLevel,
    List<String> workspaceScope,
    Instant expiresAt) {

  /** Copies the scope so the record stays immutable. */
  public ResolvedAuthority {
    workspaceScope = List.copyOf(workspaceScope);
  }
}
