/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import io.github.aetherjava.client.internal.Arguments;
import io.github.aetherjava.client.internal.Identifiers;
import io.github.aetherjava.client.internal.KvClientImpl;
import io.github.aetherjava.client.kv.KvClient;
import io.github.aetherjava.proto.v1.AgentIdentity;
import io.github.aetherjava.proto.v1.InitConnection;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * An agent: persistent identity {@code ag::{workspace}::{implementation}::{specifier}}; one live
 * connection per identity. Receives its direct topic, {@code ga::{ws}} and progress; may send
 * anywhere except {@code uu::}; has KV and checkpoints; gets a {@link ConfigSnapshot} after
 * connecting.
 *
 * <pre>{@code
 * try (AgentClient agent = AgentClient.builder(options).workspace("prod").implementation("worker")
 *         .specifier("1").build()) {
 *     agent.onMessage(m -> System.out.println(m.payloadAsString()));
 *     agent.connectBlocking();
 *     agent.sendToUser("alice", "tab-1", "done".getBytes(StandardCharsets.UTF_8));
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class AgentClient extends NamedClient
    implements DirectMessaging, EventPublishing, KvAccess, ProgressReporting {

  private final String workspace;
  private final KvClient kv;

  private AgentClient(Builder b, AetherClientOptions options) {
    super(options, PrincipalKind.AGENT, b.implementation, b.specifier);
    this.workspace = b.workspace;
    this.kv =
        new KvClientImpl(core(), PrincipalKind.AGENT, workspace, b.implementation, b.specifier);
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
    init.setAgent(
        AgentIdentity.newBuilder()
            .setWorkspace(workspace)
            .setImplementation(implementation())
            .setSpecifier(specifier()));
  }

  @Override
  Set<String> sendablePrefixes() {
    return SendPermissions.AGENT_OR_TASK;
  }

  @Override
  String requestedIdentity() {
    return Topics.agent(workspace, implementation(), specifier());
  }

  /**
   * @return workspace
   */
  public String workspace() {
    return workspace;
  }

  @Override
  public CompletableFuture<Void> reportProgress(Progress progress) {
    return sendProgress(progress);
  }

  @Override
  public KvClient kv() {
    return kv;
  }

  /** Builder for {@link AgentClient}. */
  public static final class Builder extends SpecifiedBuilder<Builder> {
    private String workspace = "";

    private Builder(AetherClientOptions options) {
      super(options);
    }

    /**
     * @param workspace workspace (required)
     * @return this
     */
    public Builder workspace(String workspace) {
      this.workspace = Arguments.notNull(workspace, "workspace");
      return this;
    }

    /**
     * @return the client (not connected yet)
     * @throws InvalidArgumentException if an identifier is missing or invalid
     */
    public AgentClient build() {
      Identifiers.validate(workspace, "workspace");
      validateImplementationAndSpecifier();
      return new AgentClient(this, options);
    }
  }
}
