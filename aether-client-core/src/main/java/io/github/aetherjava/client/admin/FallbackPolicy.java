/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.admin;

import io.github.aetherjava.proto.v1.ACLFallbackPolicyInfo;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The access level granted when no rule matches, per rule category ({@code
 * <principal_type>_<resource_type>}, e.g. {@code user_workspace}).
 *
 * @param category rule category
 * @param level fallback level
 * @param updatedBy who set it ("" if never set)
 * @param updatedAt when, or null if never set
 * @since 0.1.0
 */
public record FallbackPolicy(
    String category, AccessLevel level, String updatedBy, @Nullable Instant updatedAt) {

  /**
   * @param p wire form
   * @return value
   */
  public static FallbackPolicy fromProto(ACLFallbackPolicyInfo p) {
    return new FallbackPolicy(
        p.getRuleCategory(),
        AccessLevel.fromWire(p.getFallbackAccessLevel()),
        p.getUpdatedBy(),
        TokenDetails.seconds(p.getUpdatedAt()));
  }
}
