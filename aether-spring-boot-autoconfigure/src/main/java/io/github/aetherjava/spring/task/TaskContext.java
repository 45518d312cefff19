/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.task;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.Progress;
import io.github.aetherjava.client.ProgressReporting;
import io.github.aetherjava.client.TaskAssignment;
import io.github.aetherjava.client.task.TaskInfo;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * The task an {@link io.github.aetherjava.spring.annotation.OnTaskAssignment @OnTaskAssignment}
 * method was given, with the client that received it: declare a {@code TaskContext} parameter to
 * read the assignment and to claim, complete, fail or report progress on it.
 *
 * <pre>{@code
 * @OnTaskAssignment
 * void work(TaskContext task) {
 *     // compose: a listener must not block on its own client's responses
 *     task.claim().thenRun(() -> task.progress(0.5, "half way")).thenCompose(t -> task.complete());
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class TaskContext {

  private final TaskAssignment assignment;
  private final AetherClient client;

  /**
   * @param assignment the assignment
   * @param client the client that received it
   */
  public TaskContext(TaskAssignment assignment, AetherClient client) {
    this.assignment = assignment;
    this.client = client;
  }

  /**
   * @return the assignment as received
   */
  public TaskAssignment assignment() {
    return assignment;
  }

  /**
   * @return the client that received it
   */
  public AetherClient client() {
    return client;
  }

  /**
   * @return the task id
   */
  public String taskId() {
    return assignment.taskId();
  }

  /**
   * @return the task type
   */
  public String taskType() {
    return assignment.taskType();
  }

  /**
   * @return the payload (a copy)
   */
  public byte[] payload() {
    return assignment.payload().clone();
  }

  /**
   * @return the payload as UTF-8
   */
  public String payloadAsString() {
    return new String(assignment.payload(), StandardCharsets.UTF_8);
  }

  /**
   * @return the task, now running and assigned to this client
   */
  public CompletableFuture<TaskInfo> claim() {
    return client.tasks().claimTask(taskId());
  }

  /**
   * @return the task, completed
   */
  public CompletableFuture<TaskInfo> complete() {
    return client.tasks().completeTask(taskId());
  }

  /**
   * @param reason why
   * @return the task, failed
   */
  public CompletableFuture<TaskInfo> fail(String reason) {
    return client.tasks().failTask(taskId(), reason);
  }

  /**
   * Reports progress on this task (agents, tasks and services only).
   *
   * @param completion 0 to 1
   * @param summary what is happening
   * @return completes when handed to the transport
   * @throws IllegalStateException if the client's principal cannot report progress
   */
  public CompletableFuture<Void> progress(double completion, String summary) {
    if (!(client instanceof ProgressReporting reporting)) {
      throw new IllegalStateException(
          client.kind() + " clients cannot report progress; agents, tasks and services can");
    }
    return reporting.reportProgress(
        Progress.builder(taskId())
            .state("running")
            .completion(completion)
            .summary(summary)
            .build());
  }

  @Override
  public String toString() {
    return "TaskContext[" + assignment + ", client=" + client.identity() + "]";
  }
}
