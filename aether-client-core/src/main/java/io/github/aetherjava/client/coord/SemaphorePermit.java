/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.coord;

import java.util.concurrent.CompletableFuture;

/**
 * One permit of an {@link AetherSemaphore}: a leased slot, renewed in the background until released
 * or lost.
 *
 * @since 0.1.0
 */
public interface SemaphorePermit extends AutoCloseable {

  /**
   * @return slot index, {@code 0 .. permits-1}
   */
  int slot();

  /**
   * @return true while the lease is certainly valid
   */
  boolean isValid();

  /**
   * Gives the permit back.
   *
   * @return completes when released; fails with {@link LockNotHeldException} if already released or
   *     lost
   */
  CompletableFuture<Void> release();

  /** Releases the permit if still held, without waiting. */
  @Override
  void close();
}
