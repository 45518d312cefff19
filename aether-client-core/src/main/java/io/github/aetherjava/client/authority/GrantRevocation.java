/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.authority;

import java.time.Instant;

/**
 * The gateway's notice that a grant this client is the delegate of was revoked.
 *
 * @param grantId the revoked grant
 * @param rootGrantId root of its derivation chain
 * @param reason the gateway's reason (often empty)
 * @param revokedAt when
 * @param cascade true when it was revoked because a grant it derives from was
 * @since 0.1.0
 */
public record GrantRevocation(
    String grantId, String rootGrantId, String reason, Instant revokedAt, boolean cascade) {}
