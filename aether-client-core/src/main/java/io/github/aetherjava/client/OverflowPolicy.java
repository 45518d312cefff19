/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

/**
 * What happens to a send when the outbound buffer (count or bytes) is full. No policy drops
 * silently: the refused or evicted send's future fails with {@link FailureReason#BUFFER_FULL}.
 *
 * @since 0.1.0
 */
public enum OverflowPolicy {
  /** Refuse the new send (default). */
  FAIL,
  /** Evict the oldest buffered send (its future fails) to make room for the new one. */
  DROP_OLDEST
}
