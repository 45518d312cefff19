/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import com.google.protobuf.ByteString;
import io.github.aetherjava.client.AetherChannelPool;
import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.TlsOptions;
import io.grpc.ManagedChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The channels behind an {@link AetherChannelPool}: one per distinct set of channel settings
 * (address, TLS material by value, keepalive, inbound size limit), so clients share a channel only
 * when it is exactly the channel each would have built alone; and at most {@link
 * #MAX_CLIENTS_PER_CHANNEL} clients per channel, since a gateway serves a bounded number of
 * concurrent streams on one connection and a stream beyond it would wait, never connecting.
 */
public final class ChannelPool {

  /**
   * Most clients (each one long-lived stream) sharing one channel. The gateways allow 1000
   * concurrent streams per connection; the rest is left for other calls on the channel.
   */
  public static final int MAX_CLIENTS_PER_CHANNEL = 900;

  /** Everything {@link ChannelFactory} builds a channel from. */
  private record Key(
      String address,
      @Nullable ByteString trustRoots,
      @Nullable ByteString clientChain,
      @Nullable ByteString clientKey,
      @Nullable String serverName,
      boolean tls,
      long keepAliveNanos,
      long keepAliveTimeoutNanos,
      boolean keepAliveWithoutCalls,
      int maxInboundBytes) {

    static Key of(AetherClientOptions o) {
      TlsOptions t = o.tls();
      return new Key(
          o.address(),
          t == null ? null : bytes(t.trustRootsPem()),
          t == null ? null : bytes(t.clientCertChainPem()),
          t == null ? null : bytes(t.clientPrivateKeyPem()),
          t == null ? null : t.serverNameOverride(),
          t != null,
          o.keepAliveTime().toNanos(),
          o.keepAliveTimeout().toNanos(),
          o.keepAliveWithoutCalls(),
          o.maxInboundMessageBytes());
    }

    private static @Nullable ByteString bytes(byte @Nullable [] b) {
      return b == null ? null : ByteString.copyFrom(b);
    }
  }

  private static final class Shared {
    final Key key;
    final ManagedChannel channel;
    int users;

    Shared(Key key, ManagedChannel channel) {
      this.key = key;
      this.channel = channel;
    }
  }

  private static volatile @Nullable Function<AetherChannelPool, ChannelPool> access;

  private final ReentrantLock lock = new ReentrantLock();
  private final int maxClientsPerChannel;
  // guarded by lock: the channels of each setting, and the setting and users of each channel
  private final Map<Key, List<Shared>> byKey = new HashMap<>();
  private final Map<ManagedChannel, Shared> byChannel = new IdentityHashMap<>();

  /** A pool with {@link #MAX_CLIENTS_PER_CHANNEL}. */
  public ChannelPool() {
    this(MAX_CLIENTS_PER_CHANNEL);
  }

  /**
   * @param maxClientsPerChannel most clients on one channel (at least 1)
   */
  ChannelPool(int maxClientsPerChannel) {
    if (maxClientsPerChannel < 1) {
      throw new IllegalArgumentException(
          "maxClientsPerChannel must be >= 1, was " + maxClientsPerChannel);
    }
    this.maxClientsPerChannel = maxClientsPerChannel;
  }

  /**
   * Lets the public pool hand its channels to the clients without exposing them in its API.
   *
   * @param accessor returns the channels behind a public pool
   */
  public static void setAccess(Function<AetherChannelPool, ChannelPool> accessor) {
    access = accessor;
  }

  /**
   * @param options client options
   * @return the channels of the pool in the options, or null if none is configured
   */
  static @Nullable ChannelPool of(AetherClientOptions options) {
    AetherChannelPool pool = options.channelPool();
    if (pool == null) {
      return null;
    }
    Function<AetherChannelPool, ChannelPool> a = access;
    if (a == null) {
      // the public class registers the accessor when it is initialised, which creating a pool does
      throw new IllegalStateException("AetherChannelPool is not initialised");
    }
    return a.apply(pool);
  }

  /**
   * @param options client options
   * @return the shared channel for these settings; {@link #release} it once
   */
  ManagedChannel acquire(AetherClientOptions options) {
    Key key = Key.of(options);
    lock.lock();
    try {
      List<Shared> channels = byKey.computeIfAbsent(key, k -> new ArrayList<>(1));
      Shared s = null;
      for (Shared c : channels) {
        if (c.users < maxClientsPerChannel && !c.channel.isShutdown()) {
          s = c;
          break;
        }
      }
      if (s == null) {
        s = new Shared(key, ChannelFactory.create(options));
        channels.add(s);
        byChannel.put(s.channel, s);
      }
      s.users++;
      return s.channel;
    } finally {
      lock.unlock();
    }
  }

  /**
   * @param channel a channel from {@link #acquire}
   */
  void release(ManagedChannel channel) {
    lock.lock();
    try {
      Shared s = byChannel.get(channel);
      if (s == null) {
        // the pool was closed meanwhile, or this is a stale channel: it is not shared any more
        channel.shutdown();
        return;
      }
      if (--s.users <= 0) {
        byChannel.remove(channel);
        List<Shared> channels = byKey.get(s.key);
        if (channels != null) {
          channels.remove(s);
          if (channels.isEmpty()) {
            byKey.remove(s.key);
          }
        }
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
      return byChannel.size();
    } finally {
      lock.unlock();
    }
  }

  /** Shuts down every channel. */
  public void close() {
    lock.lock();
    try {
      byChannel.keySet().forEach(ManagedChannel::shutdown);
      byKey.clear();
      byChannel.clear();
    } finally {
      lock.unlock();
    }
  }
}
