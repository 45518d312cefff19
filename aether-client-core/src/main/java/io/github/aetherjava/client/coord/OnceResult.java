/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.coord;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What {@link Once#run} found or did.
 *
 * @param status what happened
 * @param result the task's result: the one this caller produced ({@link Status#EXECUTED}) or the
 *     one recorded by whoever ran it ({@link Status#ALREADY_COMPLETED}); null otherwise
 * @param recorded for {@link Status#EXECUTED}: whether the result was recorded for the others
 *     (false when this caller's claim expired while the task ran)
 * @since 0.1.0
 */
public record OnceResult(Status status, @Nullable String result, boolean recorded) {

  /** Outcome of a {@link Once#run} call. */
  public enum Status {
    /** This caller ran the task. */
    EXECUTED,
    /** The task completed earlier (here or elsewhere); its recorded result is returned. */
    ALREADY_COMPLETED,
    /** Another process is running the task right now. */
    RUNNING_ELSEWHERE
  }

  /**
   * @return the result, if any
   */
  public Optional<String> resultIfPresent() {
    return Optional.ofNullable(result);
  }
}
