/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.task;

import com.google.protobuf.ByteString;
import io.github.aetherjava.client.AuthorizationContext;
import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.internal.Arguments;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A task to create. The mode follows from the target when not set explicitly: {@link
 * Builder#targetAgent} makes it {@link AssignmentMode#TARGETED}, {@link
 * Builder#targetImplementation} {@link AssignmentMode#POOL}, neither {@link
 * AssignmentMode#SELF_ASSIGN}.
 *
 * <pre>{@code
 * CreateTaskRequest req = CreateTaskRequest.builder("summarise")
 *     .targetImplementation("summariser")
 *     .payload("{\"doc\":42}")
 *     .priority(TaskPriority.HIGH)
 *     .build();
 * CreateTaskResult r = agent.tasks().createTaskAndAwait(req).join();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class CreateTaskRequest {

  /** Largest payload the gateway accepts (512 KiB). */
  public static final int MAX_PAYLOAD_BYTES = 512 * 1024;

  private final io.github.aetherjava.proto.v1.CreateTaskRequest proto;
  private final @Nullable AuthorizationContext authorization;

  private CreateTaskRequest(
      io.github.aetherjava.proto.v1.CreateTaskRequest proto,
      @Nullable AuthorizationContext authorization) {
    this.proto = proto;
    this.authorization = authorization;
  }

  /**
   * @param taskType task type (required), e.g. {@code summarise}
   * @return a builder
   */
  public static Builder builder(String taskType) {
    return new Builder(taskType);
  }

  /**
   * @return task type
   */
  public String taskType() {
    return proto.getTaskType();
  }

  /**
   * @return the assignment mode
   */
  public AssignmentMode mode() {
    return switch (proto.getAssignmentMode()) {
      case TARGETED -> AssignmentMode.TARGETED;
      case POOL -> AssignmentMode.POOL;
      default -> AssignmentMode.SELF_ASSIGN;
    };
  }

  /**
   * @return the authorization the create carries, or null for none
   */
  public @Nullable AuthorizationContext authorization() {
    return authorization;
  }

  /**
   * @return the wire form without a request id (the client sets one for awaited creates)
   */
  public io.github.aetherjava.proto.v1.CreateTaskRequest toProto() {
    return proto;
  }

  @Override
  public String toString() {
    return "CreateTaskRequest[taskType="
        + proto.getTaskType()
        + ", mode="
        + mode()
        + ", workspace="
        + proto.getWorkspace()
        + ", targetAgent="
        + proto.getTargetAgentId()
        + ", targetImplementation="
        + proto.getTargetImplementation()
        + ", payloadBytes="
        + proto.getPayload().size()
        + "]";
  }

  /** Builder for {@link CreateTaskRequest}. */
  public static final class Builder {
    private final String taskType;
    private String workspace = "";
    private @Nullable AssignmentMode mode;
    private String targetAgent = "";
    private String targetImplementation = "";
    private final Map<String, String> launchParamOverrides = new LinkedHashMap<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private byte[] payload = new byte[0];
    private String targetIdentity = "";
    private TaskClass taskClass = TaskClass.UNSPECIFIED;
    private String contextId = "";
    private @Nullable RetryPolicy retryPolicy;
    private TaskPriority priority = TaskPriority.UNSPECIFIED;
    private String idempotencyKey = "";
    private String correlationId = "";
    private String rootTaskId = "";
    private @Nullable CompletionEvent completionEvent;
    private @Nullable AuthorizationContext authorization;

    private Builder(String taskType) {
      Arguments.notNull(taskType, "taskType");
      if (taskType.isBlank()) {
        throw new InvalidArgumentException("taskType must not be empty");
      }
      this.taskType = taskType;
    }

    /**
     * @param workspace workspace of the task (default: the caller's)
     * @return this
     */
    public Builder workspace(String workspace) {
      this.workspace = Arguments.notNull(workspace, "workspace");
      return this;
    }

    /**
     * @param mode assignment mode (default: from the target)
     * @return this
     */
    public Builder mode(AssignmentMode mode) {
      this.mode = Arguments.notNull(mode, "mode");
      return this;
    }

    /**
     * Targets one agent; its implementation must be in the gateway's agent registry.
     *
     * @param agentIdentity full identity {@code ag::{ws}::{impl}::{spec}}
     * @return this
     */
    public Builder targetAgent(String agentIdentity) {
      Arguments.notNull(agentIdentity, "targetAgent");
      if (!agentIdentity.startsWith("ag::") || agentIdentity.split("::", -1).length != 4) {
        throw new InvalidArgumentException(
            "targetAgent must be an agent identity ag::{workspace}::{implementation}::{specifier}:"
                + " "
                + agentIdentity);
      }
      this.targetAgent = agentIdentity;
      return this;
    }

    /**
     * @param implementation implementation whose workers share pool tasks
     * @return this
     */
    public Builder targetImplementation(String implementation) {
      this.targetImplementation = Arguments.notNull(implementation, "targetImplementation");
      return this;
    }

    /**
     * @param key launch parameter (for an agent the task starts)
     * @param value value
     * @return this
     */
    public Builder launchParam(String key, String value) {
      launchParamOverrides.put(Arguments.notNull(key, "key"), Arguments.notNull(value, "value"));
      return this;
    }

    /**
     * @param key metadata key
     * @param value value
     * @return this
     */
    public Builder metadata(String key, String value) {
      metadata.put(Arguments.notNull(key, "key"), Arguments.notNull(value, "value"));
      return this;
    }

    /**
     * @param entries metadata entries
     * @return this
     */
    public Builder metadata(Map<String, String> entries) {
      entries.forEach(this::metadata);
      return this;
    }

    /**
     * @param payload task payload (at most {@value #MAX_PAYLOAD_BYTES} bytes)
     * @return this
     */
    public Builder payload(byte[] payload) {
      Arguments.notNull(payload, "payload");
      if (payload.length > MAX_PAYLOAD_BYTES) {
        throw new InvalidArgumentException(
            "payload of "
                + payload.length
                + " bytes exceeds the gateway's limit of "
                + MAX_PAYLOAD_BYTES
                + " bytes");
      }
      this.payload = payload.clone();
      return this;
    }

    /**
     * @param payload task payload as UTF-8
     * @return this
     */
    public Builder payload(String payload) {
      return payload(Arguments.notNull(payload, "payload").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Asks the gateway to mint a task token that {@code identity} can connect with (returned in
     * {@link CreateTaskResult#taskToken()}).
     *
     * @param identity identity the spawned worker will connect as
     * @return this
     */
    public Builder targetIdentity(String identity) {
      this.targetIdentity = Arguments.notNull(identity, "targetIdentity");
      return this;
    }

    /**
     * @param taskClass task class
     * @return this
     */
    public Builder taskClass(TaskClass taskClass) {
      this.taskClass = Arguments.notNull(taskClass, "taskClass");
      return this;
    }

    /**
     * @param contextId context (conversation, job) the task belongs to
     * @return this
     */
    public Builder contextId(String contextId) {
      this.contextId = Arguments.notNull(contextId, "contextId");
      return this;
    }

    /**
     * @param policy retry policy
     * @return this
     */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Arguments.notNull(policy, "retryPolicy");
      return this;
    }

    /**
     * @param priority priority
     * @return this
     */
    public Builder priority(TaskPriority priority) {
      this.priority = Arguments.notNull(priority, "priority");
      return this;
    }

    /**
     * @param key idempotency key: a second create with the same key creates nothing and returns the
     *     first task's id
     * @return this
     */
    public Builder idempotencyKey(String key) {
      this.idempotencyKey = Arguments.notNull(key, "idempotencyKey");
      return this;
    }

    /**
     * @param correlationId caller's correlation id
     * @return this
     */
    public Builder correlationId(String correlationId) {
      this.correlationId = Arguments.notNull(correlationId, "correlationId");
      return this;
    }

    /**
     * @param rootTaskId root of the task tree this task belongs to
     * @return this
     */
    public Builder rootTaskId(String rootTaskId) {
      this.rootTaskId = Arguments.notNull(rootTaskId, "rootTaskId");
      return this;
    }

    /**
     * @param event event published when the task finishes
     * @return this
     */
    public Builder completionEvent(CompletionEvent event) {
      this.completionEvent = Arguments.notNull(event, "completionEvent");
      return this;
    }

    /**
     * Creates the task under {@code authorization}, typically on behalf of a user under an
     * authority grant ({@link io.github.aetherjava.client.authority.AuthorityGrant#onBehalfOf()}):
     * the gateway checks the grant and the subject's rules, and records the subject and grant in
     * the task's metadata ({@code subject_id}, {@code authority_grant_id}, ...). An invalid context
     * fails the create with {@code ERR_PERMISSION_DENIED} "invalid authorization context".
     *
     * @param authorization the context
     * @return this
     */
    public Builder authorization(AuthorizationContext authorization) {
      this.authorization = Arguments.notNull(authorization, "authorization");
      return this;
    }

    /**
     * @return the request
     * @throws InvalidArgumentException if the mode and the target do not fit together
     */
    public CreateTaskRequest build() {
      AssignmentMode m = mode;
      if (m == null) {
        m =
            !targetAgent.isEmpty()
                ? AssignmentMode.TARGETED
                : !targetImplementation.isEmpty()
                    ? AssignmentMode.POOL
                    : AssignmentMode.SELF_ASSIGN;
      }
      if (m == AssignmentMode.TARGETED && targetAgent.isEmpty()) {
        throw new InvalidArgumentException("targetAgent is required for a TARGETED task");
      }
      if (m == AssignmentMode.POOL && targetImplementation.isEmpty()) {
        throw new InvalidArgumentException("targetImplementation is required for a POOL task");
      }
      var b =
          io.github.aetherjava.proto.v1.CreateTaskRequest.newBuilder()
              .setTaskType(taskType)
              .setWorkspace(workspace)
              .setAssignmentMode(m.toProto())
              .setTargetAgentId(targetAgent)
              .setTargetImplementation(targetImplementation)
              .putAllLaunchParamOverrides(launchParamOverrides)
              .putAllMetadata(metadata)
              .setPayload(ByteString.copyFrom(payload))
              .setTargetIdentity(targetIdentity)
              .setTaskClass(taskClass.toProto())
              .setContextId(contextId)
              .setPriority(priority.toProto())
              .setIdempotencyKey(idempotencyKey)
              .setCorrelationId(correlationId)
              .setRootTaskId(rootTaskId);
      if (retryPolicy != null) {
        b.setRetryPolicy(retryPolicy.toProto());
      }
      if (completionEvent != null) {
        b.setCompletionEvent(completionEvent.toProto());
      }
      if (authorization != null) {
        b.setAuthorization(authorization.toProto());
      }
      return new CreateTaskRequest(b.build(), authorization);
    }
  }
}
