/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.benchmarks;

import io.github.aetherjava.client.CallbackExecutors;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * An embedded gateway in this JVM plus a factory for SDK and baseline peers on one transport. Both
 * sides get the same channel settings that matter (plaintext, 16 MiB inbound limit); each peer has
 * its own channel, i.e. one HTTP/2 connection per principal, unless a scenario says otherwise.
 */
public final class Fabric implements AutoCloseable {

  private static final AtomicInteger IDS = new AtomicInteger();

  /**
   * One polling executor for every {@link Side#SDK_POLLING} peer, as an application would share it.
   */
  private static final Executor POLLING = CallbackExecutors.polling();

  private final @Nullable EmbeddedAetherGateway gateway;
  private final Transport transport;
  private final String inProcessName;
  private final @Nullable String external;
  private final List<Peer> peers = new ArrayList<>();

  private Fabric(
      @Nullable EmbeddedAetherGateway gateway,
      Transport transport,
      String inProcessName,
      @Nullable String external) {
    this.gateway = gateway;
    this.transport = transport;
    this.inProcessName = inProcessName;
    this.external = external;
  }

  /**
   * Uses a gateway that is already running (a real AetherLite, or the embedded one in another
   * process); closing the fabric closes the peers only.
   *
   * @param hostPort the gateway's {@code HOST:PORT}
   * @return the fabric
   */
  public static Fabric external(String hostPort) {
    return new Fabric(null, Transport.EXTERNAL, "", hostPort);
  }

  /**
   * @param transport transport the peers will use
   * @param external {@code HOST:PORT} of a running gateway for {@link Transport#EXTERNAL}
   * @return the fabric
   */
  public static Fabric start(Transport transport, @Nullable String external) {
    if (transport == Transport.EXTERNAL) {
      if (external == null) {
        throw new IllegalArgumentException("the external transport needs --gateway=HOST:PORT");
      }
      return external(external);
    }
    return start(transport);
  }

  /**
   * Starts a gateway serving {@code transport}.
   *
   * @param transport transport the peers will use
   * @return the fabric
   */
  public static Fabric start(Transport transport) {
    String name = "bench-" + UUID.randomUUID();
    EmbeddedAetherGateway.Builder b = EmbeddedAetherGateway.builder();
    if (transport == Transport.INPROC) {
      b.tcp(false).inProcessName(name);
    }
    return new Fabric(b.start(), transport, name, null);
  }

  /**
   * @return the transport
   */
  public Transport transport() {
    return transport;
  }

  /**
   * @return the address SDK clients use
   */
  public String sdkAddress() {
    String ext = external;
    if (ext != null) {
      return ext;
    }
    EmbeddedAetherGateway gw = Objects.requireNonNull(gateway);
    return transport == Transport.TCP ? gw.address() : gw.inProcessAddress();
  }

  /**
   * @return a new channel for baseline peers
   */
  public ManagedChannel rawChannel() {
    if (transport == Transport.INPROC) {
      return InProcessChannelBuilder.forName(inProcessName)
          .maxInboundMessageSize(16 * 1024 * 1024)
          .build();
    }
    String ext = external;
    if (ext != null) {
      int colon = ext.lastIndexOf(':');
      return Grpc.newChannelBuilderForAddress(
              ext.substring(0, colon),
              Integer.parseInt(ext.substring(colon + 1)),
              InsecureChannelCredentials.create())
          .maxInboundMessageSize(16 * 1024 * 1024)
          .build();
    }
    return Grpc.newChannelBuilderForAddress(
            "127.0.0.1",
            Objects.requireNonNull(gateway).port(),
            InsecureChannelCredentials.create())
        .maxInboundMessageSize(16 * 1024 * 1024)
        .build();
  }

  /**
   * @return a unique specifier so identities never collide across runs
   */
  public static String unique(String prefix) {
    return prefix + "-" + IDS.incrementAndGet();
  }

  /**
   * Connects an agent {@code ag::workspace::implementation::specifier} and waits for its
   * acknowledgement.
   *
   * @param side SDK or baseline
   * @param workspace workspace
   * @param implementation implementation
   * @param specifier specifier
   * @param sink receives its messages
   * @return the connected peer (closed with the fabric)
   */
  public Peer connect(
      Side side, String workspace, String implementation, String specifier, Sink sink) {
    Peer p = peer(side, workspace, implementation, specifier, sink);
    synchronized (peers) {
      peers.add(p);
    }
    try {
      p.connected().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(side + " peer " + p.topic() + " did not connect", e);
    }
    return p;
  }

  /**
   * Connects many agents concurrently.
   *
   * @param side SDK or baseline
   * @param workspace workspace
   * @param implementation implementation
   * @param count how many (specifiers {@code s0..s(n-1)})
   * @param sink shared sink
   * @return the connected peers
   */
  public List<Peer> connectMany(
      Side side, String workspace, String implementation, int count, Sink sink) {
    List<Peer> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Peer p = peer(side, workspace, implementation, "s" + i, sink);
      out.add(p);
    }
    synchronized (peers) {
      peers.addAll(out);
    }
    CompletableFuture.allOf(out.stream().map(Peer::connected).toArray(CompletableFuture[]::new))
        .orTimeout(60, TimeUnit.SECONDS)
        .join();
    return out;
  }

  private Peer peer(
      Side side, String workspace, String implementation, String specifier, Sink sink) {
    return switch (side) {
      case SDK ->
          new SdkPeer(sdkAddress(), null, null, null, workspace, implementation, specifier, sink);
      case SDK_DIRECT ->
          new SdkPeer(
              sdkAddress(), null, null, Runnable::run, workspace, implementation, specifier, sink);
      case SDK_POLLING ->
          new SdkPeer(
              sdkAddress(), null, null, POLLING, workspace, implementation, specifier, sink);
      case RAW -> new RawPeer(rawChannel(), true, workspace, implementation, specifier, sink);
    };
  }

  /** Closes every peer this fabric created. */
  public void closePeers() {
    List<Peer> copy;
    synchronized (peers) {
      copy = new ArrayList<>(peers);
      peers.clear();
    }
    for (Peer p : copy) {
      try {
        p.close();
      } catch (RuntimeException e) {
        // closing after a failed run: nothing to do
      }
    }
  }

  @Override
  public void close() {
    closePeers();
    if (gateway != null) {
      gateway.close();
    }
  }
}
