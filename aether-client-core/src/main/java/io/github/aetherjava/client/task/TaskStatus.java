/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.task;

/**
 * A task's status as the gateway reports it. The gateway collapses its pending, assigned and
 * starting states into {@link #QUEUED}; a filter on {@link #QUEUED} selects pending tasks only.
 *
 * @since 0.1.0
 */
public enum TaskStatus {
  /** Not set, or a value this SDK does not know. */
  UNSPECIFIED(io.github.aetherjava.proto.v1.TaskStatus.TASK_STATUS_UNSPECIFIED),
  /** Waiting to be picked up (pending, assigned or starting). */
  QUEUED(io.github.aetherjava.proto.v1.TaskStatus.TASK_STATUS_QUEUED),
  /** Being worked on. */
  RUNNING(io.github.aetherjava.proto.v1.TaskStatus.TASK_STATUS_RUNNING),
  /** Finished successfully. */
  COMPLETED(io.github.aetherjava.proto.v1.TaskStatus.TASK_STATUS_COMPLETED),
  /** Finished with a failure. */
  FAILED(io.github.aetherjava.proto.v1.TaskStatus.TASK_STATUS_FAILED),
  /** Cancelled. */
  CANCELLED(io.github.aetherjava.proto.v1.TaskStatus.TASK_STATUS_CANCELLED),
  /** Paused until input arrives. */
  WAITING_INPUT(io.github.aetherjava.proto.v1.TaskStatus.TASK_STATUS_WAITING_INPUT),
  /** Paused until an authority request is decided. */
  WAITING_AUTHORITY(io.github.aetherjava.proto.v1.TaskStatus.TASK_STATUS_WAITING_AUTHORITY),
  /** Paused until other tasks finish. */
  WAITING_DEPENDENCY(io.github.aetherjava.proto.v1.TaskStatus.TASK_STATUS_WAITING_DEPENDENCY),
  /** Paused with its state in a checkpoint and its worker gone. */
  HIBERNATED(io.github.aetherjava.proto.v1.TaskStatus.TASK_STATUS_HIBERNATED),
  /** Refused by its worker. */
  REJECTED(io.github.aetherjava.proto.v1.TaskStatus.TASK_STATUS_REJECTED);

  private final io.github.aetherjava.proto.v1.TaskStatus wire;

  TaskStatus(io.github.aetherjava.proto.v1.TaskStatus wire) {
    this.wire = wire;
  }

  /**
   * @return true for a status no task leaves on its own (completed, failed, cancelled, rejected)
   */
  public boolean isFinished() {
    return this == COMPLETED || this == FAILED || this == CANCELLED || this == REJECTED;
  }

  /**
   * @return the wire value
   */
  public io.github.aetherjava.proto.v1.TaskStatus toProto() {
    return wire;
  }

  /**
   * @param wire wire value
   * @return the status; {@link #UNSPECIFIED} for values this SDK does not know
   */
  public static TaskStatus fromProto(io.github.aetherjava.proto.v1.TaskStatus wire) {
    for (TaskStatus s : values()) {
      if (s.wire == wire) {
        return s;
      }
    }
    return UNSPECIFIED;
  }
}
