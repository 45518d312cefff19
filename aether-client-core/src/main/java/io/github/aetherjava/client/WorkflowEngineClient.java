/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import io.github.aetherjava.client.internal.KvClientImpl;
import io.github.aetherjava.client.internal.WorkflowOperationServer;
import io.github.aetherjava.client.kv.KvClient;
import io.github.aetherjava.client.workflow.WorkflowOperationHandler;
import io.github.aetherjava.proto.v1.InitConnection;
import io.github.aetherjava.proto.v1.WorkflowEngineIdentity;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The workflow engine (singleton {@code wfe::shard0}): receives every event ({@code
 * event::receiver0}) and may send to any topic, {@code uu::} included. A second engine is refused
 * with {@link DuplicateIdentityException}. Has KV (workspace scopes need an explicit workspace).
 *
 * @since 0.1.0
 */
public final class WorkflowEngineClient extends SendingClient
    implements DirectMessaging, UserBroadcastMessaging, EventPublishing, KvAccess {

  /** Canonical identity (the gateway's lock key). */
  public static final String IDENTITY = "wfe::shard0";

  /** Topic the engine receives events on. */
  public static final String TOPIC = "event::receiver0";

  private final KvClient kv;
  private final WorkflowOperationServer operations;

  private WorkflowEngineClient(AetherClientOptions options) {
    super(options, PrincipalKind.WORKFLOW_ENGINE);
    this.kv = new KvClientImpl(core(), PrincipalKind.WORKFLOW_ENGINE, "", "", "");
    this.operations = new WorkflowOperationServer(core());
  }

  /**
   * Serves the workflow operations the gateway relays from other clients: the handler runs on the
   * client's ordered dispatcher and what it returns is sent back as the response (a thrown
   * exception becomes an unsuccessful response with its message). One handler at a time; operations
   * arriving without one are answered unsuccessfully.
   *
   * @param handler the handler
   * @return removes it
   * @throws IllegalStateException if a handler is already registered
   */
  public Registration onWorkflowOperation(WorkflowOperationHandler handler) {
    return operations.serve(handler);
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
    init.setWorkflowEngine(WorkflowEngineIdentity.getDefaultInstance());
  }

  @Override
  Set<String> sendablePrefixes() {
    return SendPermissions.ANY;
  }

  @Override
  String requestedIdentity() {
    return IDENTITY;
  }

  @Override
  public String topic() {
    return TOPIC;
  }

  /** Broadcast to {@code ga::{ws}}; the engine's default type is {@link MessageType#CONTROL}. */
  @Override
  public CompletableFuture<Void> broadcastToAgents(String workspace, byte[] payload) {
    return broadcastToAgents(workspace, payload, MessageType.CONTROL);
  }

  /**
   * Command to an agent ({@link MessageType#CONTROL}).
   *
   * @param workspace workspace
   * @param implementation implementation
   * @param specifier specifier
   * @param payload payload
   * @return completes when handed to the transport
   */
  public CompletableFuture<Void> sendCommandToAgent(
      String workspace, String implementation, String specifier, byte[] payload) {
    return send(Topics.agent(workspace, implementation, specifier), payload, MessageType.CONTROL);
  }

  /**
   * Command to a task ({@link MessageType#CONTROL}); empty specifier = every pool worker ({@code
   * tb::}).
   *
   * @param workspace workspace
   * @param implementation implementation
   * @param specifier unique specifier or empty
   * @param payload payload
   * @return completes when handed to the transport
   */
  public CompletableFuture<Void> sendCommandToTask(
      String workspace, String implementation, String specifier, byte[] payload) {
    return send(
        OrchestratorClient.taskTopic(workspace, implementation, specifier),
        payload,
        MessageType.CONTROL);
  }

  @Override
  public KvClient kv() {
    return kv;
  }

  /** Builder for {@link WorkflowEngineClient}. */
  public static final class Builder extends ClientBuilder<Builder> {

    private Builder(AetherClientOptions options) {
      super(options);
    }

    /**
     * @return the client
     */
    public WorkflowEngineClient build() {
      return new WorkflowEngineClient(options);
    }
  }
}
