/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import io.github.aetherjava.client.internal.ChannelFactory;
import io.grpc.ManagedChannel;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Shares one gRPC channel (one HTTP/2 connection) between clients of one JVM that use the same
 * address and TLS settings. Each client still has its own stream, identity and reconnect loop.
 * Useful with many clients (the gateway allows 1000 concurrent streams per connection). A channel
 * is shut down when its last client closes; {@link #close()} shuts down all channels.
 *
 * @since 0.1.0
 */
public final class AetherChannelPool implements AutoCloseable {

  private record Key(
      String address,
      @Nullable TlsOptions tls,
      boolean keepAliveWithoutCalls,
      long keepAliveNanos) {}

  private static final class Shared {
    final ManagedChannel channel;
    int users;

    Shared(ManagedChannel channel) {
      this.channel = channel;
    }
  }

  private final ReentrantLock lock = new ReentrantLock();
  private final Map<Key, Shared> byKey = new HashMap<>();
  private final Map<ManagedChannel, Key> keys = new IdentityHashMap<>();

  private AetherChannelPool() {}

  /**
   * @return a new, empty pool
   */
  public static AetherChannelPool create() {
    return new AetherChannelPool();
  }

  /**
   * Returns the shared channel for these options, creating it on first use. Used by the clients;
   * call {@link #release(ManagedChannel)} once per acquire.
   *
   * @param options client options
   * @return the channel
   */
  public ManagedChannel acquire(AetherClientOptions options) {
    Key key =
        new Key(
            options.address(),
            options.tls(),
            options.keepAliveWithoutCalls(),
            options.keepAliveTime().toNanos());
    lock.lock();
    try {
      Shared s = byKey.get(key);
      if (s == null || s.channel.isShutdown()) {
        s = new Shared(ChannelFactory.create(options));
        byKey.put(key, s);
        keys.put(s.channel, key);
      }
      s.users++;
      return s.channel;
    } finally {
      lock.unlock();
    }
  }

  /**
   * @param channel a channel from {@link #acquire(AetherClientOptions)}
   */
  public void release(ManagedChannel channel) {
    lock.lock();
    try {
      Key key = keys.get(channel);
      Shared s = key == null ? null : byKey.get(key);
      if (s != null && s.channel == channel && --s.users <= 0) {
        byKey.remove(key);
        keys.remove(channel);
        channel.shutdown();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * @return number of open shared channels
   */
  public int size() {
    lock.lock();
    try {
      return byKey.size();
    } finally {
      lock.unlock();
    }
  }

  /** Shuts down every channel of the pool. */
  @Override
  public void close() {
    lock.lock();
    try {
      byKey.values().forEach(s -> s.channel.shutdown());
      byKey.clear();
      keys.clear();
    } finally {
      lock.unlock();
    }
  }
}
