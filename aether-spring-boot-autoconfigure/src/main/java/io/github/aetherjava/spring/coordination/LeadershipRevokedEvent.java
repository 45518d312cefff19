/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.coordination;

import io.github.aetherjava.client.coord.LeaderElection;
import io.github.aetherjava.client.coord.LeaseLost;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * This application stopped being the leader: it yielded, is stopping, or lost its lease. When it
 * yielded or stopped, no other candidate is granted before the listeners of this event returned.
 *
 * @since 0.1.0
 */
public class LeadershipRevokedEvent extends LeadershipEvent {

  private static final long serialVersionUID = 1L;

  private final transient @Nullable LeaseLost lost;

  /**
   * @param source the initiator
   * @param election the election
   * @param lost details when the lease was lost, or null when leadership was given up
   */
  public LeadershipRevokedEvent(
      AetherLeaderInitiator source, LeaderElection election, @Nullable LeaseLost lost) {
    super(source, election);
    this.lost = lost;
  }

  /**
   * @return details when the lease was lost rather than given up
   */
  public Optional<LeaseLost> getLost() {
    return Optional.ofNullable(lost);
  }

  @Override
  public String toString() {
    return "LeadershipRevokedEvent["
        + getName()
        + ", candidate="
        + getCandidateId()
        + (lost == null ? "" : ", lost: " + lost.reason())
        + "]";
  }
}
