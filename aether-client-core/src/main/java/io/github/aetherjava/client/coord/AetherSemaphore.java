/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.coord;

import io.github.aetherjava.client.Registration;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A counting semaphore across processes whose permits are leases: {@code permits} slot keys ({@code
 * name + ".permit." + i}), each taken with a set-if-absent carrying the lease and renewed while
 * held. A holder that dies stops renewing and its permits come back after the lease, which a plain
 * counter (increment-if / decrement-if, as the upstream Go SDK uses) cannot do. All processes must
 * use the same number of permits for the same name.
 *
 * @since 0.1.0
 */
public interface AetherSemaphore {

  /**
   * @return the semaphore's name
   */
  String name();

  /**
   * @return number of permits
   */
  int permits();

  /**
   * One pass over the slots, starting at a random one.
   *
   * @return a permit, or empty when all are taken
   */
  CompletableFuture<Optional<SemaphorePermit>> tryAcquire();

  /**
   * Passes over the slots until a permit is free or {@code waitTime} has passed.
   *
   * @param waitTime how long to keep trying
   * @return a permit, or empty
   */
  CompletableFuture<Optional<SemaphorePermit>> tryAcquire(Duration waitTime);

  /**
   * Like {@link #tryAcquire(Duration)} but fails with an {@link
   * io.github.aetherjava.client.AetherTimeoutException} when no permit was free in time.
   *
   * @param timeout how long to keep trying
   * @return the permit
   */
  CompletableFuture<SemaphorePermit> acquire(Duration timeout);

  /**
   * Counts the free slots by reading every slot key (a snapshot; it can change at once).
   *
   * @return number of free permits
   */
  CompletableFuture<Integer> availablePermits();

  /**
   * @param listener called when a permit of this instance is lost
   * @return registration
   */
  Registration onLost(Consumer<LeaseLost> listener);
}
