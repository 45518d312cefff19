/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.coordination;

import io.github.aetherjava.client.coord.LeaderElection;
import io.github.aetherjava.client.coord.LeadershipListener;
import io.github.aetherjava.client.coord.LeaseLost;
import io.github.aetherjava.spring.client.AetherClientLifecycle;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * Runs a {@link LeaderElection} with the application: campaigns when the context starts, resigns
 * when it stops, and publishes {@link LeadershipGrantedEvent} / {@link LeadershipRevokedEvent}.
 * Starts after the Aether clients connected ({@link #DEFAULT_PHASE}) and stops before they
 * disconnect, so resigning releases the key at once instead of waiting for the lease. Once stopped
 * it does not campaign again (the election is closed for good).
 *
 * <pre>{@code
 * @EventListener
 * void granted(LeadershipGrantedEvent e) { scheduler.resume(); }
 *
 * @EventListener
 * void revoked(LeadershipRevokedEvent e) { scheduler.pause(); }
 * }</pre>
 *
 * @since 0.1.0
 */
public class AetherLeaderInitiator implements SmartLifecycle {

  /** Phase: after {@link AetherClientLifecycle#DEFAULT_PHASE}, before the web server. */
  public static final int DEFAULT_PHASE = AetherClientLifecycle.DEFAULT_PHASE + 1024;

  private final LeaderElection election;
  private final ApplicationEventPublisher publisher;
  private final ReentrantLock lock = new ReentrantLock();
  private boolean running;
  private boolean stopped;

  /**
   * @param election the election (not started)
   * @param publisher where the events go
   */
  public AetherLeaderInitiator(LeaderElection election, ApplicationEventPublisher publisher) {
    this.election = election;
    this.publisher = publisher;
  }

  /**
   * @return the election
   */
  public LeaderElection getElection() {
    return election;
  }

  /**
   * @return true while this application leads
   */
  public boolean isLeader() {
    return election.isLeader();
  }

  @Override
  public void start() {
    lock.lock();
    try {
      if (running || stopped) {
        return;
      }
      running = true;
      election.addListener(
          new LeadershipListener() {
            @Override
            public void onGranted(LeaderElection e) {
              publisher.publishEvent(new LeadershipGrantedEvent(AetherLeaderInitiator.this, e));
            }

            @Override
            public void onRevoked(LeaderElection e, Optional<LeaseLost> lost) {
              publisher.publishEvent(
                  new LeadershipRevokedEvent(AetherLeaderInitiator.this, e, lost.orElse(null)));
            }
          });
    } finally {
      lock.unlock();
    }
    election.start();
  }

  @Override
  public void stop() {
    lock.lock();
    try {
      if (!running) {
        return;
      }
      running = false;
      stopped = true;
    } finally {
      lock.unlock();
    }
    // close() resigns: the revoked event is published before the key is released
    election.close();
  }

  @Override
  public boolean isRunning() {
    lock.lock();
    try {
      return running;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public int getPhase() {
    return DEFAULT_PHASE;
  }
}
