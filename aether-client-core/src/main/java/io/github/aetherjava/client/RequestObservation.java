/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import org.jspecify.annotations.Nullable;

/**
 * One in-flight request/response operation, as seen by a {@link ClientObserver}. {@link
 * #onComplete} is called exactly once.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface RequestObservation {

  /** An observation that does nothing. */
  RequestObservation NOOP = error -> {};

  /**
   * The operation finished.
   *
   * @param error the failure, or null on success
   */
  void onComplete(@Nullable Throwable error);
}
