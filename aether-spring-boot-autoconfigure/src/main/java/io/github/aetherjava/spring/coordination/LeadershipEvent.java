/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.coordination;

import io.github.aetherjava.client.coord.LeaderElection;
import java.util.concurrent.CompletableFuture;
import org.springframework.context.ApplicationEvent;

/**
 * Base of the leadership events published by {@link AetherLeaderInitiator}.
 *
 * @since 0.1.0
 */
public abstract class LeadershipEvent extends ApplicationEvent {

  private static final long serialVersionUID = 1L;

  private final transient LeaderElection election;

  /**
   * @param source the initiator
   * @param election the election
   */
  protected LeadershipEvent(AetherLeaderInitiator source, LeaderElection election) {
    super(source);
    this.election = election;
  }

  /**
   * @return the election's name
   */
  public String getName() {
    return election.name();
  }

  /**
   * @return this application's candidate id
   */
  public String getCandidateId() {
    return election.candidateId();
  }

  /**
   * @return true while this application leads
   */
  public boolean isLeader() {
    return election.isLeader();
  }

  /**
   * Gives up leadership; another candidate may take over, this one campaigns again later.
   *
   * @return completes when the key was released
   */
  public CompletableFuture<Void> yieldLeadership() {
    return election.resign();
  }
}
