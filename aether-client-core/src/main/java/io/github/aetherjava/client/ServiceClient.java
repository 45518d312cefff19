/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import io.github.aetherjava.client.internal.KvClientImpl;
import io.github.aetherjava.client.kv.KvClient;
import io.github.aetherjava.proto.v1.InitConnection;
import io.github.aetherjava.proto.v1.ServiceIdentity;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A service {@code sv::{impl}::{spec}}: workspace-less; may send to any topic (ACL checked against
 * the target workspace), {@code uu::} included; has KV (workspace scopes need an explicit
 * workspace), checkpoints and progress. Services are pool consumers for their implementation (POOL
 * task routing) unless built with {@code noPoolConsumer(true)}. Others reach any healthy instance
 * through {@code sv::{impl}}.
 *
 * @since 0.1.0
 */
public final class ServiceClient extends NamedClient
    implements DirectMessaging,
        UserBroadcastMessaging,
        EventPublishing,
        KvAccess,
        ProgressReporting {

  private final boolean noPoolConsumer;
  private final KvClient kv;

  private ServiceClient(Builder b, AetherClientOptions options) {
    super(options, PrincipalKind.SERVICE, b.implementation, b.specifier);
    this.noPoolConsumer = b.noPoolConsumer;
    this.kv = new KvClientImpl(core(), PrincipalKind.SERVICE, "", b.implementation, b.specifier);
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
    init.setService(
        ServiceIdentity.newBuilder()
            .setImplementation(implementation())
            .setSpecifier(specifier())
            .setNoPoolConsumer(noPoolConsumer));
  }

  @Override
  Set<String> sendablePrefixes() {
    return SendPermissions.ANY;
  }

  @Override
  String requestedIdentity() {
    return Topics.service(implementation(), specifier());
  }

  /**
   * @return true if this instance opted out of POOL task routing
   */
  public boolean noPoolConsumer() {
    return noPoolConsumer;
  }

  @Override
  public CompletableFuture<Void> reportProgress(Progress progress) {
    return sendProgress(progress);
  }

  @Override
  public KvClient kv() {
    return kv;
  }

  /** Builder for {@link ServiceClient}. */
  public static final class Builder extends SpecifiedBuilder<Builder> {
    private boolean noPoolConsumer;

    private Builder(AetherClientOptions options) {
      super(options);
    }

    /**
     * @param noPoolConsumer true to opt out of POOL task routing for this instance
     * @return this
     */
    public Builder noPoolConsumer(boolean noPoolConsumer) {
      this.noPoolConsumer = noPoolConsumer;
      return this;
    }

    /**
     * @return the client
     * @throws InvalidArgumentException if an identifier is missing or invalid
     */
    public ServiceClient build() {
      validateImplementationAndSpecifier();
      return new ServiceClient(this, options);
    }
  }
}
