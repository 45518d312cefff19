/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.admin;

import io.github.aetherjava.proto.v1.OrchestratorInfo;
import java.time.Instant;
import java.util.List;

/**
 * A connected orchestrator.
 *
 * @param id orchestrator identity
 * @param profiles profiles it launches (the embedded gateway reports none)
 * @param connectedAt when it connected
 * @since 0.1.0
 */
public record OrchestratorDetails(String id, List<String> profiles, Instant connectedAt) {

  /** Copies the list. */
  public OrchestratorDetails {
    profiles = List.copyOf(profiles);
  }

  /**
   * @param p wire form
   * @return value
   */
  public static OrchestratorDetails fromProto(OrchestratorInfo p) {
    return new OrchestratorDetails(
        p.getOrchestratorId(), p.getProfilesList(), Instant.ofEpochSecond(p.getConnectedAt()));
  }
}
