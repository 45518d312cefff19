/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import io.grpc.Attributes;
import io.grpc.EquivalentAddressGroup;
import io.grpc.NameResolver;
import io.grpc.NameResolverProvider;
import io.grpc.NameResolverRegistry;
import io.grpc.StatusOr;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Resolves a fixed list of gateway instances ({@code host1:port1,host2:port2}) for gRPC's default
 * {@code pick_first} policy: the channel connects to the first instance that answers and, when that
 * connection dies, tries the list again, so a reconnect reaches a live instance. Host names are
 * resolved when the channel connects. Each instance is verified under its own host name with TLS.
 */
final class ListNameResolverProvider extends NameResolverProvider {

  /** The URI scheme of list targets. */
  static final String SCHEME = "aether-list";

  private static final ListNameResolverProvider INSTANCE = new ListNameResolverProvider();

  static {
    NameResolverRegistry.getDefaultRegistry().register(INSTANCE);
  }

  private ListNameResolverProvider() {}

  /**
   * @param target a parsed list address
   * @return the gRPC target for it (the provider is registered once)
   */
  static String target(GatewayTarget target) {
    return SCHEME + ":///" + URLEncoder.encode(target.address(), StandardCharsets.UTF_8);
  }

  @Override
  protected boolean isAvailable() {
    return true;
  }

  @Override
  protected int priority() {
    return 5;
  }

  @Override
  public String getDefaultScheme() {
    return SCHEME;
  }

  @Override
  public Collection<Class<? extends SocketAddress>> getProducedSocketAddressTypes() {
    return List.of(InetSocketAddress.class);
  }

  @Override
  public @Nullable NameResolver newNameResolver(URI uri, NameResolver.Args args) {
    if (!SCHEME.equals(uri.getScheme())) {
      return null;
    }
    GatewayTarget parsed = GatewayTarget.parse(uri.getPath().substring(1));
    return new Resolver(parsed.endpoints(), args);
  }

  private static String authority(GatewayTarget.Endpoint e) {
    String host = e.host().indexOf(':') >= 0 ? "[" + e.host() + "]" : e.host();
    return host + ":" + e.port();
  }

  /**
   * Hands the list to the channel on every start and refresh, host names looked up again each time
   * (off the channel's thread) so an instance that moved is found.
   */
  private static final class Resolver extends NameResolver {
    private final List<GatewayTarget.Endpoint> endpoints;
    private final NameResolver.Args args;
    private volatile @Nullable Listener2 listener;

    Resolver(List<GatewayTarget.Endpoint> endpoints, NameResolver.Args args) {
      this.endpoints = endpoints;
      this.args = args;
    }

    @Override
    public String getServiceAuthority() {
      return authority(endpoints.get(0));
    }

    @Override
    public void start(Listener2 listener) {
      this.listener = listener;
      resolve();
    }

    @Override
    public void refresh() {
      resolve();
    }

    private void resolve() {
      java.util.concurrent.Executor offload = args.getOffloadExecutor();
      if (offload == null) {
        offload = Runnable::run;
      }
      offload.execute(this::lookUp);
    }

    private void lookUp() {
      List<EquivalentAddressGroup> groups = new ArrayList<>(endpoints.size());
      for (GatewayTarget.Endpoint e : endpoints) {
        // an unknown host stays unresolved: connecting to it fails and the next one is tried
        groups.add(
            new EquivalentAddressGroup(
                new InetSocketAddress(e.host(), e.port()),
                Attributes.newBuilder()
                    .set(EquivalentAddressGroup.ATTR_AUTHORITY_OVERRIDE, authority(e))
                    .build()));
      }
      ResolutionResult result =
          ResolutionResult.newBuilder().setAddressesOrError(StatusOr.fromValue(groups)).build();
      args.getSynchronizationContext()
          .execute(
              () -> {
                Listener2 l = listener;
                if (l != null) {
                  l.onResult2(result);
                }
              });
    }

    @Override
    public void shutdown() {
      listener = null;
    }
  }
}
