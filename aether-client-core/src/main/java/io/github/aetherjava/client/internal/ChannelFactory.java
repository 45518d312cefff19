/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.TlsOptions;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.TlsChannelCredentials;
import io.grpc.inprocess.InProcessChannelBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Builds the gRPC channel for an address: in-process, plaintext TCP, TLS or mTLS (Netty, shaded);
 * one instance, a list of instances or a {@code dns:} target (see {@link GatewayTarget}).
 *
 * <p>Every channel uses {@code directExecutor()}: the SDK's stream listener runs on the transport
 * thread, and its own hand-off to the client's callback executor is the only one a message pays.
 * That listener never blocks and never runs user code (see {@code InboundRouter}).
 */
public final class ChannelFactory {

  /** Address prefix of the in-process transport. */
  public static final String IN_PROCESS_PREFIX = "in-process:";

  private ChannelFactory() {}

  /**
   * @param address a client's address option
   * @return whether its channel is in-process (frames are handed over as objects, not encoded)
   */
  static boolean isInProcess(String address) {
    return address.startsWith(IN_PROCESS_PREFIX);
  }

  /**
   * @param options client options
   * @return a new channel
   */
  public static ManagedChannel create(AetherClientOptions options) {
    String address = options.address();
    GatewayTarget target = GatewayTarget.parse(address);
    if (target.kind() == GatewayTarget.Kind.IN_PROCESS) {
      return InProcessChannelBuilder.forName(target.inProcessName())
          .maxInboundMessageSize(options.maxInboundMessageBytes())
          .directExecutor()
          .build();
    }
    TlsOptions tls = options.tls();
    ManagedChannelBuilder<?> b;
    try {
      b =
          switch (target.kind()) {
            case HOST_PORT ->
                Grpc.newChannelBuilderForAddress(
                    target.endpoints().get(0).host(),
                    target.endpoints().get(0).port(),
                    credentials(tls));
            case LIST ->
                Grpc.newChannelBuilder(ListNameResolverProvider.target(target), credentials(tls));
            case DNS, IN_PROCESS -> Grpc.newChannelBuilder(address, credentials(tls));
          };
    } catch (RuntimeException e) {
      // gRPC wraps TLS material errors in its provider selection; report the root cause, never PEM
      // text
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      throw new InvalidArgumentException(
          "cannot create a channel to "
              + address
              + " with these TLS settings: "
              + root.getClass().getSimpleName()
              + (root.getMessage() == null
                  ? ""
                  : ": " + root.getMessage().lines().findFirst().orElse("")));
    }
    b.keepAliveTime(options.keepAliveTime().toNanos(), TimeUnit.NANOSECONDS)
        .keepAliveTimeout(options.keepAliveTimeout().toNanos(), TimeUnit.NANOSECONDS)
        .keepAliveWithoutCalls(options.keepAliveWithoutCalls())
        .maxInboundMessageSize(options.maxInboundMessageBytes())
        .directExecutor();
    if (tls != null && tls.serverNameOverride() != null) {
      b.overrideAuthority(tls.serverNameOverride());
    }
    return b.build();
  }

  private static ChannelCredentials credentials(@Nullable TlsOptions tls) {
    if (tls == null) {
      return InsecureChannelCredentials.create();
    }
    try {
      TlsChannelCredentials.Builder b = TlsChannelCredentials.newBuilder();
      byte[] roots = tls.trustRootsPem();
      if (roots != null) {
        b.trustManager(new ByteArrayInputStream(roots));
      }
      byte[] chain = tls.clientCertChainPem();
      byte[] key = tls.clientPrivateKeyPem();
      if (chain != null && key != null) {
        b.keyManager(new ByteArrayInputStream(chain), new ByteArrayInputStream(key));
      }
      return b.build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read TLS material", e);
    } catch (IllegalArgumentException e) {
      // never include the PEM text itself
      throw new InvalidArgumentException("invalid TLS material: " + e.getClass().getSimpleName());
    }
  }
}
