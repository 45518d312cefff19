/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

/**
 * Connection lifecycle callbacks. Called on the callback executor, in order with message handlers.
 * All methods default to no-ops.
 *
 * @since 0.1.0
 */
public interface ConnectionListener {

  /**
   * The gateway acknowledged a connection (first connect or reconnect).
   *
   * @param info acknowledgement
   */
  default void onConnect(ConnectionInfo info) {}

  /**
   * The stream ended.
   *
   * @param info why, and whether the client reconnects
   */
  default void onDisconnect(DisconnectInfo info) {}

  /**
   * A reconnect attempt is about to start.
   *
   * @param attempt 1-based attempt number since the last successful connection
   */
  default void onReconnecting(int attempt) {}

  /**
   * The connection state changed.
   *
   * @param from previous state
   * @param to new state
   */
  default void onStateChanged(ConnectionState from, ConnectionState to) {}
}
