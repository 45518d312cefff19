/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded;

import io.github.aetherjava.proto.v1.InitConnection;
import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Starts a fresh gateway (in-process + TCP) per test and closes every client opened through it. */
abstract class GatewayTestBase {

  protected EmbeddedAetherGateway gateway;
  protected ManagedChannel channel;
  private final List<AutoCloseable> closeables = new ArrayList<>();

  /** Override to customise the gateway. */
  protected EmbeddedAetherGateway.Builder configure(EmbeddedAetherGateway.Builder builder) {
    return builder;
  }

  @BeforeEach
  void startGateway() {
    gateway =
        configure(EmbeddedAetherGateway.builder().inProcessName("gw-" + UUID.randomUUID())).start();
    channel = InProcessChannelBuilder.forName(gateway.inProcessName()).directExecutor().build();
  }

  @AfterEach
  void stopGateway() throws Exception {
    // Newest first: clients before the gateways they talk to (a gateway waits for connected clients
    // to leave).
    for (int i = closeables.size() - 1; i >= 0; i--) {
      closeables.get(i).close();
    }
    closeables.clear();
    channel.shutdownNow();
    gateway.close();
  }

  protected <T extends AutoCloseable> T track(T closeable) {
    closeables.add(closeable);
    return closeable;
  }

  /** A new client stream on the in-process transport. */
  protected TestClient client() {
    return track(TestClient.open(channel));
  }

  /** A new client stream on its own TCP channel. */
  protected TestClient tcpClient() {
    ManagedChannel ch =
        NettyChannelBuilder.forTarget(gateway.address())
            .usePlaintext()
            .maxInboundMessageSize(32 * 1024 * 1024)
            .build();
    return track(TestClient.openOwning(ch));
  }

  /** A connected client (ack consumed). */
  protected TestClient connected(InitConnection init) {
    TestClient c = client();
    c.connect(init);
    return c;
  }
}
