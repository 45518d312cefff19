/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.tunnel;

/**
 * What the serving side should connect a tunnel to; the gateway carries bytes either way.
 *
 * @since 0.1.0
 */
public enum TunnelProtocol {
  /** A TCP byte stream. */
  TCP,
  /** UDP datagrams, one per write. */
  UDP,
  /** A WebSocket connection. */
  WEBSOCKET
}
