/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.workflow;

import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.internal.Arguments;

/**
 * What a workflow operation asks the workflow engine to do.
 *
 * @since 0.1.0
 */
public enum WorkflowOperationType {
  /** {@code LIST_RULES}. */
  LIST_RULES,
  /** {@code GET_RULE}. */
  GET_RULE,
  /** {@code CREATE_RULE}. */
  CREATE_RULE,
  /** {@code UPDATE_RULE}. */
  UPDATE_RULE,
  /** {@code DELETE_RULE}. */
  DELETE_RULE,
  /** {@code LIST_WORKFLOWS}. */
  LIST_WORKFLOWS,
  /** {@code GET_WORKFLOW}. */
  GET_WORKFLOW,
  /** {@code CREATE_WORKFLOW}. */
  CREATE_WORKFLOW,
  /** {@code DELETE_WORKFLOW}. */
  DELETE_WORKFLOW,
  /** {@code LIST_SCHEDULES}. */
  LIST_SCHEDULES,
  /** {@code CREATE_SCHEDULE}. */
  CREATE_SCHEDULE,
  /** {@code DELETE_SCHEDULE}. */
  DELETE_SCHEDULE,
  /** {@code LIST_EXECUTIONS}. */
  LIST_EXECUTIONS,
  /** {@code GET_EXECUTION}. */
  GET_EXECUTION,
  /** {@code CANCEL_EXECUTION}. */
  CANCEL_EXECUTION,
  /** {@code LIST_STATE_MACHINES}. */
  LIST_STATE_MACHINES,
  /** {@code GET_STATE_MACHINE}. */
  GET_STATE_MACHINE,
  /** {@code CREATE_STATE_MACHINE}. */
  CREATE_STATE_MACHINE,
  /** {@code DELETE_STATE_MACHINE}. */
  DELETE_STATE_MACHINE,
  /** {@code LIST_SM_INSTANCES}. */
  LIST_SM_INSTANCES,
  /** {@code GET_SM_INSTANCE}. */
  GET_SM_INSTANCE,
  /** {@code CREATE_SM_INSTANCE}. */
  CREATE_SM_INSTANCE,
  /** {@code SEND_SM_EVENT}. */
  SEND_SM_EVENT,
  /** {@code UPSERT_SCHEDULE}. */
  UPSERT_SCHEDULE,
  /** {@code LIST_JOINS}. */
  LIST_JOINS,
  /** {@code GET_JOIN}. */
  GET_JOIN,
  /** {@code CANCEL_JOIN}. */
  CANCEL_JOIN;

  /**
   * @return the wire value
   */
  public io.github.aetherjava.proto.v1.WorkflowOperation.OpType toProto() {
    return io.github.aetherjava.proto.v1.WorkflowOperation.OpType.valueOf(name());
  }

  /**
   * @param wire wire value
   * @return the type
   * @throws InvalidArgumentException for a value this SDK does not know
   */
  public static WorkflowOperationType fromProto(
      io.github.aetherjava.proto.v1.WorkflowOperation.OpType wire) {
    String name = Arguments.notNull(wire, "wire").name();
    try {
      return valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new InvalidArgumentException("wire: no workflow operation type is " + name);
    }
  }
}
