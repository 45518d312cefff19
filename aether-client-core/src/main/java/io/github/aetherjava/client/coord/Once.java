/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.coord;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a task once across a fleet, and lets everyone see its result. The first caller claims the
 * key ({@code running:<owner>}, a lease renewed while the task runs) and runs the task on the
 * client's callback executor; on success the claim becomes {@code done:<result>} (kept for the
 * result TTL, forever by default), on failure the claim is deleted so a later call can try again. A
 * runner that dies loses its claim after the lease.
 *
 * @since 0.1.0
 */
public interface Once {

  /**
   * @return the name (its KV key)
   */
  String name();

  /**
   * Runs the task unless it ran (or runs) elsewhere.
   *
   * @param task the task; its return value (UTF-8 text, may be empty) is the recorded result
   * @return what happened; fails with the task's exception when this caller ran it and it threw
   */
  CompletableFuture<OnceResult> run(Callable<String> task);

  /**
   * Reads the recorded result.
   *
   * @return the result once the task completed somewhere, empty before
   */
  CompletableFuture<Optional<String>> result();

  /**
   * Waits for the task to complete somewhere (polling every retry interval).
   *
   * @param timeout how long to wait
   * @return the result; fails with an {@link io.github.aetherjava.client.AetherTimeoutException}
   *     when it did not complete in time
   */
  CompletableFuture<String> awaitResult(Duration timeout);
}
