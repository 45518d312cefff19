/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import io.github.aetherjava.client.internal.Identifiers;
import io.github.aetherjava.proto.v1.InitConnection;
import io.github.aetherjava.proto.v1.OrchestratorIdentity;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * An orchestrator {@code orc::{impl}::{spec}}: receives {@link TaskAssignment}s (for example {@code
 * agent_startup} launches when a message reaches an offline agent) through {@link
 * #onTaskAssignment}. It may send only to agent and task topics. See {@link BaseOrchestrator} for a
 * ready-made launch loop.
 *
 * @since 0.1.0
 */
public final class OrchestratorClient extends NamedClient implements MessageSender {

  private final List<String> supportedProfiles;

  private OrchestratorClient(Builder b, AetherClientOptions options) {
    // generated client-side so the identity is known before connecting
    super(
        options,
        PrincipalKind.ORCHESTRATOR,
        b.implementation,
        b.specifier.isEmpty() ? UUID.randomUUID().toString().substring(0, 8) : b.specifier);
    this.supportedProfiles = List.copyOf(b.supportedProfiles);
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
    init.setOrchestrator(
        OrchestratorIdentity.newBuilder()
            .setImplementation(implementation())
            .setSpecifier(specifier())
            .addAllSupportedProfiles(supportedProfiles));
  }

  @Override
  Set<String> sendablePrefixes() {
    return SendPermissions.ORCHESTRATOR;
  }

  @Override
  String requestedIdentity() {
    return "orc" + Topics.SEPARATOR + implementation() + Topics.SEPARATOR + specifier();
  }

  /**
   * @return the identity; orchestrators have no inbound topic (assignments are pushed directly)
   */
  @Override
  public String topic() {
    return identity();
  }

  /**
   * @return specifier (generated when not given)
   */
  @Override
  public String specifier() {
    return super.specifier();
  }

  /**
   * @return supported profiles
   */
  public List<String> supportedProfiles() {
    return supportedProfiles;
  }

  /**
   * Sends to an agent, task or task-broadcast topic; other topics fail with {@link
   * InvalidArgumentException}.
   */
  @Override
  public CompletableFuture<Void> send(String topic, byte[] payload, MessageType type) {
    return super.send(topic, payload, type);
  }

  /**
   * @param workspace workspace
   * @param implementation implementation
   * @param specifier specifier
   * @param payload payload
   * @return completes when handed to the transport
   */
  public CompletableFuture<Void> sendToAgent(
      String workspace, String implementation, String specifier, byte[] payload) {
    return send(Topics.agent(workspace, implementation, specifier), payload, MessageType.OPAQUE);
  }

  /**
   * @param workspace workspace
   * @param implementation implementation
   * @param specifier unique specifier, or empty for {@code tb::}
   * @param payload payload
   * @return completes when handed to the transport
   */
  public CompletableFuture<Void> sendToTask(
      String workspace, String implementation, String specifier, byte[] payload) {
    return send(taskTopic(workspace, implementation, specifier), payload, MessageType.OPAQUE);
  }

  /**
   * Status update to an agent ({@link MessageType#CONTROL}).
   *
   * @param workspace workspace
   * @param implementation implementation
   * @param specifier specifier
   * @param payload payload
   * @return completes when handed to the transport
   */
  public CompletableFuture<Void> sendStatusToAgent(
      String workspace, String implementation, String specifier, byte[] payload) {
    return send(Topics.agent(workspace, implementation, specifier), payload, MessageType.CONTROL);
  }

  /**
   * Status update to a task ({@link MessageType#CONTROL}).
   *
   * @param workspace workspace
   * @param implementation implementation
   * @param specifier unique specifier, or empty for {@code tb::}
   * @param payload payload
   * @return completes when handed to the transport
   */
  public CompletableFuture<Void> sendStatusToTask(
      String workspace, String implementation, String specifier, byte[] payload) {
    return send(taskTopic(workspace, implementation, specifier), payload, MessageType.CONTROL);
  }

  static String taskTopic(String workspace, String implementation, String specifier) {
    return specifier.isEmpty()
        ? Topics.taskBroadcast(workspace, implementation)
        : Topics.uniqueTask(workspace, implementation, specifier);
  }

  /** Builder for {@link OrchestratorClient}. */
  public static final class Builder extends SpecifiedBuilder<Builder> {
    private List<String> supportedProfiles = List.of();

    private Builder(AetherClientOptions options) {
      super(options);
    }

    /**
     * @param specifier specifier (optional; 8 random characters when absent)
     * @return this
     */
    @Override
    public Builder specifier(String specifier) {
      return super.specifier(specifier);
    }

    /**
     * @param profiles launch profiles this orchestrator serves (at least one)
     * @return this
     */
    public Builder supportedProfiles(String... profiles) {
      this.supportedProfiles = List.of(profiles);
      return this;
    }

    /**
     * @param profiles launch profiles this orchestrator serves (at least one)
     * @return this
     */
    public Builder supportedProfiles(List<String> profiles) {
      this.supportedProfiles = List.copyOf(profiles);
      return this;
    }

    /**
     * @return the client
     * @throws InvalidArgumentException if an identifier is missing or invalid
     */
    public OrchestratorClient build() {
      Identifiers.validate(implementation, "implementation");
      Identifiers.validateOptional(specifier, "specifier");
      if (supportedProfiles.isEmpty()) {
        throw new InvalidArgumentException("an orchestrator needs at least one supported profile");
      }
      supportedProfiles.forEach(
          p -> {
            if (p.isEmpty()) {
              throw new InvalidArgumentException("supported profiles must not be empty");
            }
          });
      return new OrchestratorClient(this, options);
    }
  }
}
