/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.task;

/**
 * How long a task's worker may be gone before the gateway gives up on it (30 s interactive, 10 min
 * background, 5 min batch).
 *
 * @since 0.1.0
 */
public enum TaskClass {
  /** Not set (treated as interactive). */
  UNSPECIFIED(io.github.aetherjava.proto.v1.TaskClass.TASK_CLASS_UNSPECIFIED),
  /** Someone waits for it. */
  INTERACTIVE(io.github.aetherjava.proto.v1.TaskClass.TASK_CLASS_INTERACTIVE),
  /** Runs in the background. */
  BACKGROUND(io.github.aetherjava.proto.v1.TaskClass.TASK_CLASS_BACKGROUND),
  /** Batch work. */
  BATCH(io.github.aetherjava.proto.v1.TaskClass.TASK_CLASS_BATCH);

  private final io.github.aetherjava.proto.v1.TaskClass wire;

  TaskClass(io.github.aetherjava.proto.v1.TaskClass wire) {
    this.wire = wire;
  }

  /**
   * @return the wire value
   */
  public io.github.aetherjava.proto.v1.TaskClass toProto() {
    return wire;
  }

  /**
   * @param wire wire value
   * @return the class; {@link #UNSPECIFIED} for unknown values
   */
  public static TaskClass fromProto(io.github.aetherjava.proto.v1.TaskClass wire) {
    for (TaskClass c : values()) {
      if (c.wire == wire) {
        return c;
      }
    }
    return UNSPECIFIED;
  }
}
