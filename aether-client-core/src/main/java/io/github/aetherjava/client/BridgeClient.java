/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import io.github.aetherjava.proto.v1.BridgeIdentity;
import io.github.aetherjava.proto.v1.InitConnection;
import java.util.Set;

/**
 * A bridge {@code br::{impl}::{spec}}: a workspace-less relay (Slack, Discord, …) that may send to
 * any topic in any workspace it holds an ACL grant for, {@code uu::} included. No KV.
 *
 * @since 0.1.0
 */
public final class BridgeClient extends NamedClient
    implements DirectMessaging, UserBroadcastMessaging, EventPublishing {

  private BridgeClient(Builder b, AetherClientOptions options) {
    super(options, PrincipalKind.BRIDGE, b.implementation, b.specifier);
  }

  /**
   * @param options connection options
   * @return a builder
   */
  public static Builder builder(AetherClientOptions options) {
    return new Builder(options);
  }

  @Override
  void fillIdentity(InitConnection.Builder init) {
    init.setBridge(
        BridgeIdentity.newBuilder().setImplementation(implementation()).setSpecifier(specifier()));
  }

  @Override
  Set<String> sendablePrefixes() {
    return SendPermissions.ANY;
  }

  @Override
  String requestedIdentity() {
    return Topics.bridge(implementation(), specifier());
  }

  /** Builder for {@link BridgeClient}. */
  public static final class Builder extends SpecifiedBuilder<Builder> {

    private Builder(AetherClientOptions options) {
      super(options);
    }

    /**
     * @return the client
     * @throws InvalidArgumentException if an identifier is missing or invalid
     */
    public BridgeClient build() {
      validateImplementationAndSpecifier();
      return new BridgeClient(this, options);
    }
  }
}
