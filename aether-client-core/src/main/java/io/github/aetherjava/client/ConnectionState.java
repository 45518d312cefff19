/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

/**
 * Lifecycle of a client's connection.
 *
 * <pre>
 * IDLE -&gt; CONNECTING -&gt; READY -&gt; RECONNECTING -&gt; READY ... -&gt; CLOSED
 * </pre>
 *
 * @since 0.1.0
 */
public enum ConnectionState {
  /** Built, {@code connect()} not called yet. */
  IDLE,
  /** First connection attempt in progress (waiting for {@code ConnectionAck}). */
  CONNECTING,
  /** Acknowledged by the gateway; sends are written to the stream. */
  READY,
  /** Stream dropped; reconnecting with backoff. Sends are buffered. */
  RECONNECTING,
  /** Closed for good (by the application or a terminal error). */
  CLOSED
}
