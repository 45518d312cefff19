/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.task;

/**
 * Who a new task goes to.
 *
 * @since 0.1.0
 */
public enum AssignmentMode {
  /** The creator itself works on it; nothing is delivered. */
  SELF_ASSIGN,
  /** One agent ({@link CreateTaskRequest.Builder#targetAgent}), started on demand if offline. */
  TARGETED,
  /**
   * Exactly one worker of an implementation ({@link
   * CreateTaskRequest.Builder#targetImplementation}): an agent of the task's workspace, else a
   * service.
   */
  POOL;

  /**
   * @return the wire value
   */
  public io.github.aetherjava.proto.v1.TaskAssignmentMode toProto() {
    return switch (this) {
      case SELF_ASSIGN -> io.github.aetherjava.proto.v1.TaskAssignmentMode.SELF_ASSIGN;
      case TARGETED -> io.github.aetherjava.proto.v1.TaskAssignmentMode.TARGETED;
      case POOL -> io.github.aetherjava.proto.v1.TaskAssignmentMode.POOL;
    };
  }
}
