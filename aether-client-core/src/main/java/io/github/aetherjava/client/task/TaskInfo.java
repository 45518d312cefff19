/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.task;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot of a task as the gateway reports it. Times the gateway reports as 0 are null.
 *
 * @param taskId task id
 * @param taskType task type
 * @param status status
 * @param workspace workspace
 * @param targetTopic target of a targeted task, or empty
 * @param assignedTo identity working on it, or empty
 * @param createdAt creation time
 * @param startedAt when it first ran, or null
 * @param completedAt when it finished, or null
 * @param attempt failed attempts so far
 * @param maxAttempts attempts allowed
 * @param error last failure reason, or empty
 * @param metadata metadata
 * @param authorityMode authority mode (on-behalf-of tasks), or empty
 * @param subjectType on-behalf-of subject type, or empty
 * @param subjectId on-behalf-of subject id, or empty
 * @param rootSubjectType root subject type, or empty
 * @param rootSubjectId root subject id, or empty
 * @param authorityGrantId per-task authority grant, or empty
 * @param rootAuthorityGrantId root grant, or empty
 * @param parentAuthorityGrantId parent grant, or empty
 * @param creatorActorId identity of the creator
 * @param parentTaskId task the creator was working on, or empty
 * @param taskClass task class
 * @param disconnectedAt when its worker dropped, or null
 * @param graceWindow how long a dropped worker may take to come back
 * @param waitSpec what a paused task waits for, or null
 * @param dependsOn tasks it waits for
 * @param contextId context id, or empty
 * @param pausedAt when it was paused, or null
 * @param priority priority
 * @param correlationId correlation id, or empty
 * @param rootTaskId root of its task tree
 * @param completionEvent completion event, or null
 * @since 0.1.0
 */
public record TaskInfo(
    String taskId,
    String taskType,
    TaskStatus status,
    String workspace,
    String targetTopic,
    String assignedTo,
    @Nullable Instant createdAt,
    @Nullable Instant startedAt,
    @Nullable Instant completedAt,
    int attempt,
    int maxAttempts,
    String error,
    Map<String, String> metadata,
    String authorityMode,
    String subjectType,
    String subjectId,
    String rootSubjectType,
    String rootSubjectId,
    String authorityGrantId,
    String rootAuthorityGrantId,
    String parentAuthorityGrantId,
    String creatorActorId,
    String parentTaskId,
    TaskClass taskClass,
    @Nullable Instant disconnectedAt,
    Duration graceWindow,
    @Nullable WaitSpec waitSpec,
    List<String> dependsOn,
    String contextId,
    @Nullable Instant pausedAt,
    TaskPriority priority,
    String correlationId,
    String rootTaskId,
    @Nullable CompletionEvent completionEvent) {

  /** Copies the collections. */
  public TaskInfo {
    metadata = Map.copyOf(metadata);
    dependsOn = List.copyOf(dependsOn);
  }

  /**
   * @param p wire form
   * @return value
   */
  public static TaskInfo fromProto(io.github.aetherjava.proto.v1.TaskInfo p) {
    return new TaskInfo(
        p.getTaskId(),
        p.getTaskType(),
        TaskStatus.fromProto(p.getStatus()),
        p.getWorkspace(),
        p.getTargetTopic(),
        p.getAssignedTo(),
        seconds(p.getCreatedAt()),
        seconds(p.getStartedAt()),
        seconds(p.getCompletedAt()),
        p.getAttempt(),
        p.getMaxAttempts(),
        p.getError(),
        p.getMetadataMap(),
        p.getAuthorityMode(),
        p.getSubjectType(),
        p.getSubjectId(),
        p.getRootSubjectType(),
        p.getRootSubjectId(),
        p.getAuthorityGrantId(),
        p.getRootAuthorityGrantId(),
        p.getParentAuthorityGrantId(),
        p.getCreatorActorId(),
        p.getParentTaskId(),
        TaskClass.fromProto(p.getTaskClass()),
        seconds(p.getDisconnectedAt()),
        Duration.ofMillis(p.getGraceWindowMs()),
        p.hasWaitSpec() ? WaitSpec.fromProto(p.getWaitSpec()) : null,
        p.getDependsOnList(),
        p.getContextId(),
        seconds(p.getPausedAt()),
        TaskPriority.fromProto(p.getPriority()),
        p.getCorrelationId(),
        p.getRootTaskId(),
        p.hasCompletionEvent() ? CompletionEvent.fromProto(p.getCompletionEvent()) : null);
  }

  private static @Nullable Instant seconds(long unixSeconds) {
    return unixSeconds == 0 ? null : Instant.ofEpochSecond(unixSeconds);
  }
}
