/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.task;

/**
 * A task's priority; the gateway stores {@link #UNSPECIFIED} as {@link #NORMAL}.
 *
 * @since 0.1.0
 */
public enum TaskPriority {
  /** Not set. */
  UNSPECIFIED(io.github.aetherjava.proto.v1.TaskPriority.TASK_PRIORITY_UNSPECIFIED),
  /** Lowest (10). */
  XLOW(io.github.aetherjava.proto.v1.TaskPriority.TASK_PRIORITY_XLOW),
  /** Low (20). */
  LOW(io.github.aetherjava.proto.v1.TaskPriority.TASK_PRIORITY_LOW),
  /** Normal (30), the default. */
  NORMAL(io.github.aetherjava.proto.v1.TaskPriority.TASK_PRIORITY_NORMAL),
  /** High (40). */
  HIGH(io.github.aetherjava.proto.v1.TaskPriority.TASK_PRIORITY_HIGH),
  /** Pre-empts other work (50). */
  PREEMPT(io.github.aetherjava.proto.v1.TaskPriority.TASK_PRIORITY_PREEMPT);

  private final io.github.aetherjava.proto.v1.TaskPriority wire;

  TaskPriority(io.github.aetherjava.proto.v1.TaskPriority wire) {
    this.wire = wire;
  }

  /**
   * @return the wire value
   */
  public io.github.aetherjava.proto.v1.TaskPriority toProto() {
    return wire;
  }

  /**
   * @param wire wire value
   * @return the priority; {@link #UNSPECIFIED} for unknown values
   */
  public static TaskPriority fromProto(io.github.aetherjava.proto.v1.TaskPriority wire) {
    for (TaskPriority p : values()) {
      if (p.wire == wire) {
        return p;
      }
    }
    return UNSPECIFIED;
  }
}
