/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.tunnel;

/**
 * Why a tunnel ended, as {@code TunnelClose.reason} carries it.
 *
 * @since 0.1.0
 */
public enum TunnelCloseReason {
  /** Closed on purpose by one end, or both ends finished writing. */
  NORMAL,
  /** The other end went away (disconnected, or the gateway lost the tunnel). */
  PEER_RESET,
  /** Nothing was sent either way for longer than the idle timeout. */
  IDLE_TIMEOUT,
  /** The byte quota or the workspace's tunnel cap was reached. */
  QUOTA,
  /** The tunnel could not be opened or served (no such target, not allowed, dial failed). */
  ERROR
}
