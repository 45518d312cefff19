/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.coordination;

import io.github.aetherjava.client.coord.LeaderElection;

/**
 * This application became the leader. Published on the Aether client's callback executor; handle it
 * with {@code @EventListener}.
 *
 * @since 0.1.0
 */
public class LeadershipGrantedEvent extends LeadershipEvent {

  private static final long serialVersionUID = 1L;

  /**
   * @param source the initiator
   * @param election the election
   */
  public LeadershipGrantedEvent(AetherLeaderInitiator source, LeaderElection election) {
    super(source, election);
  }

  @Override
  public String toString() {
    return "LeadershipGrantedEvent[" + getName() + ", candidate=" + getCandidateId() + "]";
  }
}
