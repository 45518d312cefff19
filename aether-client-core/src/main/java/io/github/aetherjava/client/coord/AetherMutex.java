/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.coord;

import io.github.aetherjava.client.Registration;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A lock across processes: one KV key holding the owner's token with a lease. Acquiring is a
 * set-if-absent with the lease as TTL, a background renewal extends it (compare-and-set owner to
 * owner) every {@link CoordinationOptions#renewInterval()}, releasing is a compare-and-delete. A
 * holder that dies stops renewing and its lock is free after the lease.
 *
 * <p>Every acquisition gets a <b>fencing token</b> (a counter incremented after the lock is taken,
 * at key {@code name + ".fence"}): a later holder always has a larger token, so a store that
 * rejects writes carrying a smaller token than it has seen is safe even from a holder that paused
 * past its lease.
 *
 * <p>{@link #isHeld()} is true only while the lease is certainly valid: it turns false at once when
 * a renewal finds the lock taken or missing, and at the latest 90 % of the lease after the last
 * confirmed renewal was sent, even while disconnected. The loss is then reported to the {@link
 * #onLost} listeners (on the client's callback executor, in order). A mutex instance is one holder:
 * calling {@code tryLock} again while it holds the lock succeeds without a second acquisition (it
 * is not counted, one {@link #unlock()} releases it). Safe to use from any thread.
 *
 * @since 0.1.0
 */
public interface AetherMutex extends AutoCloseable {

  /**
   * @return the lock's name (its KV key)
   */
  String name();

  /**
   * @return the owner token of this instance (the value written while held is {@code
   *     ownerId#nonce})
   */
  String ownerId();

  /**
   * One acquisition attempt.
   *
   * @return true if this instance now holds the lock (or already held it)
   */
  CompletableFuture<Boolean> tryLock();

  /**
   * Attempts until acquired or {@code waitTime} has passed, pausing {@link
   * CoordinationOptions#retryInterval()} (±25 %) between attempts.
   *
   * @param waitTime how long to keep trying ({@link Duration#ZERO} = one attempt)
   * @return true if acquired in time
   */
  CompletableFuture<Boolean> tryLock(Duration waitTime);

  /**
   * Like {@link #tryLock(Duration)} but fails with an {@link
   * io.github.aetherjava.client.AetherTimeoutException} when not acquired in time.
   *
   * @param timeout how long to keep trying
   * @return completes when held
   */
  CompletableFuture<Void> lock(Duration timeout);

  /**
   * Stops renewing and deletes the key if it still holds this owner's token.
   *
   * @return completes when released; fails with {@link LockNotHeldException} if not held (never
   *     acquired, released, or lost)
   */
  CompletableFuture<Void> unlock();

  /**
   * @return true while the lease is certainly valid
   */
  boolean isHeld();

  /**
   * @return the fencing token of the current hold, or empty when not held
   */
  OptionalLong fencingToken();

  /**
   * @param listener called when a held lock is lost (not when it is unlocked)
   * @return registration
   */
  Registration onLost(Consumer<LeaseLost> listener);

  /** Releases the lock if held (best effort, without waiting) and stops renewing. */
  @Override
  void close();
}
