/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.admin;

import io.github.aetherjava.proto.v1.ACLAccessExplanationInfo;
import java.util.List;

/**
 * How the gateway decides an access check ({@link AdminClient#explainAccess}).
 *
 * @param allowed the decision
 * @param effectiveLevel the level the principal effectively holds (wire number)
 * @param fallbackApplied whether no rule matched and the fallback policy decided
 * @param contributingRuleIds rules that matched
 * @param reason the gateway's explanation
 * @since 0.1.0
 */
public record AccessExplanation(
    boolean allowed,
    int effectiveLevel,
    boolean fallbackApplied,
    List<String> contributingRuleIds,
    String reason) {

  /** Copies the list. */
  public AccessExplanation {
    contributingRuleIds = List.copyOf(contributingRuleIds);
  }

  /**
   * @param p wire form
   * @return value
   */
  public static AccessExplanation fromProto(ACLAccessExplanationInfo p) {
    return new AccessExplanation(
        p.getAllowed(),
        p.getEffectiveAccessLevel(),
        p.getFallbackApplied(),
        p.getContributionsList().stream().map(c -> c.getRuleId()).toList(),
        p.getReason());
  }
}
