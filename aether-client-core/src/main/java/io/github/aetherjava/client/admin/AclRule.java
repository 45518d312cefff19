/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.admin;

import io.github.aetherjava.proto.v1.ACLRuleInfo;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A stored ACL rule.
 *
 * @param ruleId rule id
 * @param target principal and resource
 * @param accessLevel granted level
 * @param grantedBy who granted it
 * @param grantedAt when
 * @param expiresAt expiry, or null
 * @param reason free text
 * @since 0.1.0
 */
public record AclRule(
    String ruleId,
    AclTarget target,
    AccessLevel accessLevel,
    String grantedBy,
    Instant grantedAt,
    @Nullable Instant expiresAt,
    String reason) {

  /**
   * @param p wire form
   * @return value
   */
  public static AclRule fromProto(ACLRuleInfo p) {
    return new AclRule(
        p.getRuleId(),
        new AclTarget(
            p.getPrincipalType(), p.getPrincipalId(), p.getResourceType(), p.getResourceId()),
        AccessLevel.fromWire(p.getAccessLevel()),
        p.getGrantedBy(),
        Instant.ofEpochSecond(p.getGrantedAt()),
        TokenDetails.seconds(p.getExpiresAt()),
        p.getReason());
  }
}
