/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.coord;

import io.github.aetherjava.client.Registration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Leader election among the candidates using the same name: leadership is a leased lock whose value
 * is the leader's candidate id. A candidate campaigns (one set-if-absent per {@link
 * CoordinationOptions#retryInterval()}, ±25 %) until it wins, then renews the lease until it
 * resigns, closes or loses the lease; after a loss it campaigns again. A crashed leader is replaced
 * after its lease. Candidates that are not leading observe the current leader on every attempt.
 *
 * @since 0.1.0
 */
public interface LeaderElection extends AutoCloseable {

  /**
   * @return the election's name (its KV key)
   */
  String name();

  /**
   * @return this candidate's id (written into the key while leading)
   */
  String candidateId();

  /**
   * Starts campaigning (idempotent).
   *
   * @return this
   */
  LeaderElection start();

  /**
   * Gives up leadership if held and campaigns again after one retry interval, so another candidate
   * can take over.
   *
   * @return completes when the key was released (at once when not leading)
   */
  CompletableFuture<Void> resign();

  /**
   * @return true while this candidate leads and its lease is certainly valid
   */
  boolean isLeader();

  /**
   * @return the leader last observed (this candidate while leading), without asking the gateway
   */
  Optional<String> observedLeader();

  /**
   * Reads the current leader from the gateway.
   *
   * @return the leader's candidate id, or empty when there is none
   */
  CompletableFuture<Optional<String>> currentLeader();

  /**
   * @param listener leadership callbacks
   * @return registration
   */
  Registration addListener(LeadershipListener listener);

  /** Stops campaigning and resigns (revocation first, then the key is released). */
  @Override
  void close();
}
