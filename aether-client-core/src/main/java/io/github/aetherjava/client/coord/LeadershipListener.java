/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.coord;

import java.util.Optional;

/**
 * Callbacks of a {@link LeaderElection}, run on the client's callback executor one at a time in the
 * order the changes happened: {@code onGranted} and {@code onRevoked} alternate, starting with
 * {@code onGranted}. When this candidate resigns or closes, {@code onRevoked} has returned before
 * the key is released, so no other candidate can be granted while it still runs. All methods
 * default to no-ops.
 *
 * @since 0.1.0
 */
public interface LeadershipListener {

  /**
   * This candidate became the leader.
   *
   * @param election the election
   */
  default void onGranted(LeaderElection election) {}

  /**
   * This candidate stopped being the leader (resigned, closed, or the lease was lost).
   *
   * @param election the election
   * @param lost details when the lease was lost rather than given up
   */
  default void onRevoked(LeaderElection election, Optional<LeaseLost> lost) {}

  /**
   * The observed leader changed (seen while campaigning, or on this candidate's own changes).
   *
   * @param leaderId candidate id of the leader, or empty when there is none
   */
  default void onLeaderChanged(Optional<String> leaderId) {}
}
