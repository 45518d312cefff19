/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import io.github.aetherjava.client.internal.Arguments;
import io.github.aetherjava.client.internal.Identifiers;
import io.github.aetherjava.client.internal.KvClientImpl;
import io.github.aetherjava.client.kv.KvClient;
import io.github.aetherjava.proto.v1.InitConnection;
import io.github.aetherjava.proto.v1.TaskIdentity;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A task. With a unique specifier it is a named task {@code tu::{ws}::{impl}::{spec}} (one live
 * connection); without one it is a non-unique pool worker: the gateway gives it a fresh random id
 * on every connect ({@code ta::{ws}::{impl}::{uuid}}, not reported back) and it also receives
 * {@code tb::{ws}::{impl}}. Non-unique workers cannot use exclusive KV scopes and lose their
 * checkpoints across reconnects (the identity changes).
 *
 * @since 0.1.0
 */
public final class TaskClient extends SendingClient
    implements DirectMessaging, EventPublishing, KvAccess, ProgressReporting {

  private final String workspace;
  private final String implementation;
  private final String uniqueSpecifier;
  private final KvClient kv;

  private TaskClient(Builder b, AetherClientOptions options) {
    super(options, PrincipalKind.TASK);
    this.workspace = b.workspace;
    this.implementation = b.implementation;
    this.uniqueSpecifier = b.uniqueSpecifier;
    this.kv =
        new KvClientImpl(core(), PrincipalKind.TASK, workspace, implementation, uniqueSpecifier);
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
    init.setTask(
        TaskIdentity.newBuilder()
            .setWorkspace(workspace)
            .setImplementation(implementation)
            .setUniqueSpecifier(uniqueSpecifier));
  }

  @Override
  Set<String> sendablePrefixes() {
    return SendPermissions.AGENT_OR_TASK;
  }

  /**
   * @return true for a named task, false for a pool worker
   */
  public boolean isUnique() {
    return !uniqueSpecifier.isEmpty();
  }

  /**
   * @return {@code tu::…} for unique tasks; for pool workers {@code ta::{ws}::{impl}::<assigned
   *     id>} when the gateway reports it, else {@code ta::{ws}::{impl}} (the real gateway does not
   *     report the id)
   */
  @Override
  String requestedIdentity() {
    if (isUnique()) {
      return Topics.uniqueTask(workspace, implementation, uniqueSpecifier);
    }
    String assigned = connectionInfo().map(ConnectionInfo::assignedId).orElse("");
    return assigned.isEmpty()
        ? Topics.TASK + Topics.SEPARATOR + workspace + Topics.SEPARATOR + implementation
        : Topics.task(workspace, implementation, assigned);
  }

  /**
   * @return {@code tu::…} for unique tasks, {@code tb::{ws}::{impl}} for pool workers
   */
  @Override
  public String topic() {
    return isUnique() ? identity() : Topics.taskBroadcast(workspace, implementation);
  }

  /**
   * @return workspace
   */
  public String workspace() {
    return workspace;
  }

  /**
   * @return implementation
   */
  public String implementation() {
    return implementation;
  }

  /**
   * @return unique specifier, or empty for a pool worker
   */
  public String uniqueSpecifier() {
    return uniqueSpecifier;
  }

  @Override
  public CompletableFuture<Void> reportProgress(Progress progress) {
    return sendProgress(progress);
  }

  @Override
  public KvClient kv() {
    return kv;
  }

  /** Builder for {@link TaskClient}. */
  public static final class Builder extends ImplementationBuilder<Builder> {
    private String workspace = "";
    private String uniqueSpecifier = "";

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
     * @param uniqueSpecifier unique specifier; empty or absent for a pool worker
     * @return this
     */
    public Builder uniqueSpecifier(String uniqueSpecifier) {
      this.uniqueSpecifier = Arguments.notNull(uniqueSpecifier, "uniqueSpecifier");
      return this;
    }

    /**
     * @return the client
     * @throws InvalidArgumentException if an identifier is missing or invalid
     */
    public TaskClient build() {
      Identifiers.validate(workspace, "workspace");
      Identifiers.validate(implementation, "implementation");
      Identifiers.validateOptional(uniqueSpecifier, "uniqueSpecifier");
      return new TaskClient(this, options);
    }
  }
}
