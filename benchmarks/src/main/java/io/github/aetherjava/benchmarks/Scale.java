/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.benchmarks;

import io.github.aetherjava.client.AetherChannelPool;
import io.github.aetherjava.client.ReconnectPolicy;
import io.github.aetherjava.client.internal.ChannelPool;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Many idle agents in this JVM against a gateway in a child JVM: time to connect all, heap and
 * threads they add, and (SDK only; the baseline has no reconnect logic) the time until all are
 * READY again after a gateway restart.
 */
final class Scale {

  /** Measurements of one variant. */
  record Result(
      double connectSeconds,
      double heapPerClientBytes,
      int threadsAdded,
      double reconnectSeconds,
      double gatewayDownSeconds) {}

  /** Clients per workspace: AetherLite allows 1000 connections per workspace. */
  static final int CLIENTS_PER_WORKSPACE = 1000;

  private Scale() {}

  /**
   * @param side SDK or baseline
   * @param shared one shared channel (SDK: {@link AetherChannelPool}) instead of one per client
   * @param clients how many agents
   * @param restart also restart the gateway and time the reconnect (SDK only)
   * @param childJvm run the gateway in a child JVM (otherwise in this one, for quick smoke runs)
   * @param log child gateway log file
   */
  static Result run(
      Side side,
      boolean shared,
      int clients,
      boolean restart,
      boolean childJvm,
      @Nullable String external,
      Path log)
      throws Exception {
    GatewayHandle gw =
        external != null ? GatewayHandle.external(external) : GatewayHandle.start(childJvm, 0, log);
    int port = gw.port();
    String host = external != null ? external.substring(0, external.lastIndexOf(':')) : "127.0.0.1";
    List<Peer> peers = new ArrayList<>(clients);
    AetherChannelPool pool = side == Side.SDK && shared ? AetherChannelPool.create() : null;
    // the baseline shares channels like the SDK's pool: at most 900 streams on one connection
    List<ManagedChannel> rawShared = new ArrayList<>();
    // Default options, reconnect policy included: the restart number is what a user gets out of the
    // box.
    ReconnectPolicy policy = null;
    try {
      long heap0 = settledHeap();
      int threads0 = ManagementFactory.getThreadMXBean().getThreadCount();
      long t0 = System.nanoTime();
      String ws = Fabric.unique("scale");
      for (int i = 0; i < clients; i++) {
        // the gateways allow 1000 connections per workspace
        String workspace = ws + "-" + (i / CLIENTS_PER_WORKSPACE);
        ManagedChannel raw = null;
        if (side == Side.RAW && shared) {
          if (i % ChannelPool.MAX_CLIENTS_PER_CHANNEL == 0) {
            rawShared.add(channel(host, port));
          }
          raw = rawShared.get(rawShared.size() - 1);
        }
        peers.add(peer(side, host, port, pool, raw, policy, workspace, "s" + i));
      }
      CompletableFuture.allOf(peers.stream().map(Peer::connected).toArray(CompletableFuture[]::new))
          .get(120, TimeUnit.SECONDS);
      double connect = (System.nanoTime() - t0) / 1e9;
      Thread.sleep(500); // idle: let connect callbacks and HTTP/2 settings exchanges finish
      long heap1 = settledHeap();
      int threads = ManagementFactory.getThreadMXBean().getThreadCount() - threads0;

      double reconnect = Double.NaN;
      double down = Double.NaN;
      if (restart && side == Side.SDK) {
        long r0 = System.nanoTime();
        gw.close();
        gw = GatewayHandle.start(childJvm, port, log);
        long up = System.nanoTime();
        down = (up - r0) / 1e9;
        long deadline = r0 + TimeUnit.SECONDS.toNanos(120);
        while (!allReady(peers)) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("not all clients READY 120 s after the restart");
          }
          Thread.sleep(5);
        }
        reconnect = (System.nanoTime() - r0) / 1e9;
      }
      closeAll(peers);
      peers.clear();
      // What closing the clients frees is what they held. The lower of before/after guards against
      // leftovers of
      // the previous run still being released while heap0 was read.
      long heap2 = settledHeap();
      double perClient = (heap1 - Math.min(heap0, heap2)) / (double) clients;
      return new Result(connect, perClient, threads, reconnect, down);
    } finally {
      closeAll(peers);
      if (pool != null) {
        pool.close();
      }
      rawShared.forEach(ManagedChannel::shutdownNow);
      gw.close();
    }
  }

  private static boolean allReady(List<Peer> peers) {
    for (Peer p : peers) {
      if (!p.isReady()) {
        return false;
      }
    }
    return true;
  }

  private static Peer peer(
      Side side,
      String host,
      int port,
      @Nullable AetherChannelPool pool,
      @Nullable ManagedChannel rawShared,
      @Nullable ReconnectPolicy policy,
      String ws,
      String spec) {
    if (side == Side.SDK) {
      return new SdkPeer(host + ":" + port, pool, policy, null, ws, "idle", spec, Sink.NONE);
    }
    return rawShared != null
        ? new RawPeer(rawShared, false, ws, "idle", spec, Sink.NONE)
        : new RawPeer(channel(host, port), true, ws, "idle", spec, Sink.NONE);
  }

  private static ManagedChannel channel(String host, int port) {
    return Grpc.newChannelBuilderForAddress(host, port, InsecureChannelCredentials.create())
        .maxInboundMessageSize(16 * 1024 * 1024)
        .build();
  }

  private static void closeAll(List<Peer> peers) throws InterruptedException {
    ExecutorService ex = Executors.newFixedThreadPool(16);
    for (Peer p : peers) {
      ex.execute(
          () -> {
            try {
              p.close();
            } catch (RuntimeException e) {
              // best effort
            }
          });
    }
    ex.shutdown();
    ex.awaitTermination(60, TimeUnit.SECONDS);
  }

  /**
   * Heap in use after full collections, once three readings in a row agree within 256 KiB (channels
   * of a previous run shut down asynchronously), so only live objects count.
   */
  static long settledHeap() throws InterruptedException {
    var mem = ManagementFactory.getMemoryMXBean();
    long last = Long.MAX_VALUE;
    int stable = 0;
    for (int i = 0; i < 40 && stable < 2; i++) {
      System.gc();
      Thread.sleep(100);
      long used = mem.getHeapMemoryUsage().getUsed();
      stable = Math.abs(last - used) < 256 * 1024 ? stable + 1 : 0;
      last = used;
    }
    return last;
  }
}
