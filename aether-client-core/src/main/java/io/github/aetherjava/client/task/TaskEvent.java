/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.task;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One event of a subscribed task ({@link TaskOperations#subscribeTask}): exactly one of {@link
 * #statusChange()}, {@link #progress()}, {@link #childLifecycle()}, {@link #authorityRequest()} is
 * set, or {@link #kind()} is {@link Kind#UNKNOWN}.
 *
 * @param taskId the task the event is about
 * @param emittedAt when the gateway emitted it
 * @param workspace its workspace
 * @param parentTaskId its parent, or empty
 * @param kind what happened
 * @param statusChange for {@link Kind#STATUS_CHANGED}
 * @param progress for {@link Kind#PROGRESS}
 * @param childLifecycle for {@link Kind#CHILD_LIFECYCLE}
 * @param authorityRequest for {@link Kind#AUTHORITY_REQUEST}: the change of an authority request
 *     made for the task ({@link
 *     io.github.aetherjava.client.authority.AuthorityRequestSpec.Builder#taskId})
 * @since 0.1.0
 */
public record TaskEvent(
    String taskId,
    Instant emittedAt,
    String workspace,
    String parentTaskId,
    Kind kind,
    @Nullable StatusChange statusChange,
    @Nullable Progress progress,
    @Nullable ChildLifecycle childLifecycle,
    io.github.aetherjava.client.authority.@Nullable AuthorityRequestEvent authorityRequest) {

  /** What a task event reports. */
  public enum Kind {
    /** The task's status changed. */
    STATUS_CHANGED,
    /** Its worker reported progress. */
    PROGRESS,
    /** A child task changed status. */
    CHILD_LIFECYCLE,
    /** An authority request of the task changed. */
    AUTHORITY_REQUEST,
    /** An event this SDK does not know. */
    UNKNOWN
  }

  /**
   * @param from previous status
   * @param to new status
   * @param reason why, or empty
   */
  public record StatusChange(TaskStatus from, TaskStatus to, String reason) {}

  /**
   * @param state worker-defined state
   * @param completion 0 to 1
   * @param message message
   * @param metadata metadata
   */
  public record Progress(
      String state, double completion, String message, Map<String, String> metadata) {
    /** Copies the map. */
    public Progress {
      metadata = Map.copyOf(metadata);
    }
  }

  /**
   * @param childTaskId the child
   * @param childStatus its new status
   * @param lifecycle lifecycle step, e.g. {@code completed}
   */
  public record ChildLifecycle(String childTaskId, TaskStatus childStatus, String lifecycle) {}

  /**
   * @param p wire form
   * @return value
   */
  public static TaskEvent fromProto(io.github.aetherjava.proto.v1.TaskEvent p) {
    Kind kind;
    StatusChange status = null;
    Progress progress = null;
    ChildLifecycle child = null;
    io.github.aetherjava.client.authority.AuthorityRequestEvent authority = null;
    switch (p.getEventCase()) {
      case STATUS_CHANGED -> {
        kind = Kind.STATUS_CHANGED;
        var s = p.getStatusChanged();
        status =
            new StatusChange(
                TaskStatus.fromProto(s.getFromStatus()),
                TaskStatus.fromProto(s.getToStatus()),
                s.getReason());
      }
      case PROGRESS -> {
        kind = Kind.PROGRESS;
        var s = p.getProgress();
        progress = new Progress(s.getState(), s.getProgress(), s.getMessage(), s.getMetadataMap());
      }
      case CHILD_LIFECYCLE -> {
        kind = Kind.CHILD_LIFECYCLE;
        var s = p.getChildLifecycle();
        child =
            new ChildLifecycle(
                s.getChildTaskId(), TaskStatus.fromProto(s.getChildStatus()), s.getLifecycle());
      }
      case AUTHORITY_REQUEST -> {
        kind = Kind.AUTHORITY_REQUEST;
        authority =
            io.github.aetherjava.client.authority.AuthorityRequestEvent.fromProto(
                p.getAuthorityRequest().getEvent());
      }
      default -> kind = Kind.UNKNOWN;
    }
    return new TaskEvent(
        p.getTaskId(),
        Instant.ofEpochMilli(p.getEmittedAtUnixMs()),
        p.getWorkspace(),
        p.getParentTaskId(),
        kind,
        status,
        progress,
        child,
        authority);
  }
}
