/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import io.github.aetherjava.proto.v1.TaskStatus;
import java.util.EnumSet;
import java.util.Set;

/** A task's internal status (the gateway's strings) and the transitions the store allows. */
enum TaskState {
  PENDING("pending", TaskStatus.TASK_STATUS_QUEUED),
  ASSIGNED("assigned", TaskStatus.TASK_STATUS_QUEUED),
  STARTING("starting", TaskStatus.TASK_STATUS_QUEUED),
  RUNNING("running", TaskStatus.TASK_STATUS_RUNNING),
  COMPLETED("completed", TaskStatus.TASK_STATUS_COMPLETED),
  FAILED("failed", TaskStatus.TASK_STATUS_FAILED),
  CANCELLED("cancelled", TaskStatus.TASK_STATUS_CANCELLED),
  DLQ("dlq", TaskStatus.TASK_STATUS_FAILED),
  WAITING_INPUT("waiting_input", TaskStatus.TASK_STATUS_WAITING_INPUT),
  WAITING_AUTHORITY("waiting_authority", TaskStatus.TASK_STATUS_WAITING_AUTHORITY),
  WAITING_DEPENDENCY("waiting_dependency", TaskStatus.TASK_STATUS_WAITING_DEPENDENCY),
  HIBERNATED("hibernated", TaskStatus.TASK_STATUS_HIBERNATED),
  REJECTED("rejected", TaskStatus.TASK_STATUS_REJECTED);

  final String wire;
  final TaskStatus status;

  TaskState(String wire, TaskStatus status) {
    this.wire = wire;
    this.status = status;
  }

  /** Completed, failed, cancelled, dlq or rejected. */
  boolean isFinished() {
    return this == COMPLETED
        || this == FAILED
        || this == CANCELLED
        || this == DLQ
        || this == REJECTED;
  }

  boolean isWaiting() {
    return this == WAITING_INPUT
        || this == WAITING_AUTHORITY
        || this == WAITING_DEPENDENCY
        || this == HIBERNATED;
  }

  /** The transition table PAUSE, WAIT_FOR, RESUME and REJECT obey (same state = no-op). */
  boolean canMoveTo(TaskState to) {
    return to == this || next().contains(to);
  }

  private Set<TaskState> next() {
    return switch (this) {
      case PENDING -> EnumSet.of(ASSIGNED, STARTING, CANCELLED, REJECTED, WAITING_DEPENDENCY);
      case ASSIGNED -> EnumSet.of(STARTING, RUNNING, FAILED, CANCELLED, REJECTED, PENDING);
      case STARTING -> EnumSet.of(RUNNING, FAILED, CANCELLED);
      case RUNNING ->
          EnumSet.of(
              COMPLETED,
              FAILED,
              CANCELLED,
              WAITING_INPUT,
              WAITING_AUTHORITY,
              WAITING_DEPENDENCY,
              HIBERNATED);
      case WAITING_INPUT, WAITING_AUTHORITY -> EnumSet.of(RUNNING, FAILED, CANCELLED, REJECTED);
      case WAITING_DEPENDENCY, HIBERNATED -> EnumSet.of(RUNNING, PENDING, FAILED, CANCELLED);
      case FAILED, CANCELLED -> EnumSet.of(PENDING);
      case COMPLETED, DLQ, REJECTED -> EnumSet.noneOf(TaskState.class);
    };
  }

  /** The internal statuses a wire status filter selects (QUEUED selects pending only). */
  static Set<TaskState> matching(TaskStatus status) {
    Set<TaskState> out = EnumSet.noneOf(TaskState.class);
    for (TaskState s : values()) {
      if (s.status == status && !(status == TaskStatus.TASK_STATUS_QUEUED && s != PENDING)) {
        out.add(s);
      }
    }
    return out;
  }
}
