/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import com.google.protobuf.ByteString;
import java.time.Instant;
import java.util.Map;

/**
 * A task pushed to this client: orchestrators get {@code agent_startup} launches, agents and
 * services get targeted or pool tasks.
 *
 * @param taskId task id
 * @param taskType task type, e.g. {@code agent_startup}
 * @param assignedTo identity the task is assigned to
 * @param metadata task metadata
 * @param assignedAt assignment time
 * @param profile orchestrator profile
 * @param launchParams launch parameters ({@code auth_token} carries a task token for launched
 *     agents)
 * @param targetImplementation implementation to launch / serve
 * @param workspace workspace
 * @param specifier specifier to connect with
 * @param payload task payload
 * @param taskClass wire name of the task class, e.g. {@code TASK_CLASS_BATCH}
 * @param checkpointKey checkpoint to restore when woken from hibernation
 * @param resumeSessionId session to resume when woken from hibernation
 * @since 0.1.0
 */
public record TaskAssignment(
    String taskId,
    String taskType,
    String assignedTo,
    Map<String, String> metadata,
    Instant assignedAt,
    String profile,
    Map<String, String> launchParams,
    String targetImplementation,
    String workspace,
    String specifier,
    byte[] payload,
    String taskClass,
    String checkpointKey,
    String resumeSessionId) {

  /** Copies the maps and the payload, so the record is immutable. */
  public TaskAssignment {
    metadata = Map.copyOf(metadata);
    launchParams = Map.copyOf(launchParams);
    payload = payload.clone();
  }

  /**
   * @return a copy of the task payload
   */
  public byte[] payload() {
    return payload.clone();
  }

  /**
   * @return the task class as a type ({@link #taskClass()} is its wire name)
   */
  public io.github.aetherjava.client.task.TaskClass taskClassValue() {
    try {
      return io.github.aetherjava.client.task.TaskClass.fromProto(
          io.github.aetherjava.proto.v1.TaskClass.valueOf(taskClass));
    } catch (IllegalArgumentException e) {
      return io.github.aetherjava.client.task.TaskClass.UNSPECIFIED;
    }
  }

  /**
   * @return true for an orchestrator's {@code agent_startup} launch
   */
  public boolean isAgentStartup() {
    return "agent_startup".equals(taskType);
  }

  /**
   * @return the wire form
   */
  public io.github.aetherjava.proto.v1.TaskAssignment toProto() {
    return io.github.aetherjava.proto.v1.TaskAssignment.newBuilder()
        .setTaskId(taskId)
        .setTaskType(taskType)
        .setAssignedTo(assignedTo)
        .putAllMetadata(metadata)
        .setAssignedAt(assignedAt.getEpochSecond())
        .setProfile(profile)
        .putAllLaunchParams(launchParams)
        .setTargetImplementation(targetImplementation)
        .setWorkspace(workspace)
        .setSpecifier(specifier)
        .setPayload(ByteString.copyFrom(payload))
        .setTaskClass(io.github.aetherjava.proto.v1.TaskClass.valueOf(taskClass))
        .setCheckpointKey(checkpointKey)
        .setResumeSessionId(resumeSessionId)
        .build();
  }

  /**
   * @param p wire form
   * @return value
   */
  public static TaskAssignment fromProto(io.github.aetherjava.proto.v1.TaskAssignment p) {
    return new TaskAssignment(
        p.getTaskId(),
        p.getTaskType(),
        p.getAssignedTo(),
        p.getMetadataMap(),
        Instant.ofEpochSecond(p.getAssignedAt()),
        p.getProfile(),
        p.getLaunchParamsMap(),
        p.getTargetImplementation(),
        p.getWorkspace(),
        p.getSpecifier(),
        p.getPayload().toByteArray(),
        p.getTaskClass() == io.github.aetherjava.proto.v1.TaskClass.UNRECOGNIZED
            ? "TASK_CLASS_UNSPECIFIED"
            : p.getTaskClass().name(),
        p.getCheckpointKey(),
        p.getResumeSessionId());
  }

  @Override
  public String toString() {
    // launch params can carry a task token: never print their values
    return "TaskAssignment[taskId="
        + taskId
        + ", taskType="
        + taskType
        + ", targetImplementation="
        + targetImplementation
        + ", workspace="
        + workspace
        + ", profile="
        + profile
        + ", launchParams="
        + launchParams.keySet()
        + "]";
  }
}
