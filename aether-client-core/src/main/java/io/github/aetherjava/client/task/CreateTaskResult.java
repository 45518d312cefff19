/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.task;

/**
 * What the gateway answered to an awaited create.
 *
 * @param taskId id of the new task (for a duplicate idempotency key: the first task's id, empty
 *     while that create is still running)
 * @param status the gateway's creation status, e.g. {@code assigned}, {@code pending_pool}, {@code
 *     orchestration_triggered}
 * @param assignedTo identity the task was assigned to, or empty
 * @param taskToken token minted for {@link CreateTaskRequest.Builder#targetIdentity}, or empty
 * @param authorityGrantId per-task authority grant, or empty
 * @since 0.1.0
 */
public record CreateTaskResult(
    String taskId, String status, String assignedTo, String taskToken, String authorityGrantId) {

  /**
   * @param p wire form
   * @return value
   */
  public static CreateTaskResult fromProto(io.github.aetherjava.proto.v1.CreateTaskResponse p) {
    return new CreateTaskResult(
        p.getTaskId(), p.getStatus(), p.getAssignedTo(), p.getTaskToken(), p.getAuthorityGrantId());
  }

  @Override
  public String toString() {
    // the token authenticates a worker: never print it
    return "CreateTaskResult[taskId="
        + taskId
        + ", status="
        + status
        + ", assignedTo="
        + assignedTo
        + ", taskToken="
        + (taskToken.isEmpty() ? "" : "***")
        + ", authorityGrantId="
        + authorityGrantId
        + "]";
  }
}
