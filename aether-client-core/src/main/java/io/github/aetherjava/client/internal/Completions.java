/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Completes a feature's future away from the thread that learned the outcome (a gRPC or timer
 * thread), so the caller's dependent stages never run there.
 */
public final class Completions {

  private Completions() {}

  /**
   * @param <T> value type
   * @param completions where to complete: {@link ClientCore#completions()}, which never loses a
   *     task
   * @param future the future
   * @param value the value, if {@code error} is null
   * @param error the failure, or null
   */
  public static <T> void complete(
      Executor completions,
      CompletableFuture<T> future,
      @Nullable T value,
      @Nullable Throwable error) {
    if (future.isDone()) {
      return;
    }
    completions.execute(
        () -> {
          if (error != null) {
            future.completeExceptionally(error);
          } else {
            future.complete(value);
          }
        });
  }
}
