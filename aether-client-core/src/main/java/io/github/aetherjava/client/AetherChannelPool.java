/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import io.github.aetherjava.client.internal.ChannelPool;

/**
 * Shares gRPC channels (HTTP/2 connections) between clients of one JVM. Clients share a channel
 * only when every channel setting matches: address, TLS material (compared by content), server name
 * override, keepalive time and timeout, keepalive without calls, and the inbound message size
 * limit; otherwise each distinct setting gets its own channel. Each client still has its own
 * stream, identity and reconnect loop. Useful with many clients: the gateways allow 1000 concurrent
 * streams per connection, so one channel carries at most 900 clients and further clients of the
 * same settings get another channel. A channel is shut down when its last client closes; {@link
 * #close()} shuts down all channels.
 *
 * @since 0.1.0
 */
public final class AetherChannelPool implements AutoCloseable {

  static {
    ChannelPool.setAccess(p -> p.channels);
  }

  private final ChannelPool channels = new ChannelPool();

  private AetherChannelPool() {}

  /**
   * @return a new, empty pool
   */
  public static AetherChannelPool create() {
    return new AetherChannelPool();
  }

  /**
   * @return number of open shared channels
   */
  public int size() {
    return channels.size();
  }

  /** Shuts down every channel of the pool. */
  @Override
  public void close() {
    channels.close();
  }
}
