/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.task;

import io.github.aetherjava.client.Registration;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Creating and managing tasks over the client's stream ({@code client.tasks()}). Every call is
 * asynchronous; the overloads without a timeout use {@link #defaultTimeout()}. A refusal completes
 * the future exceptionally at once with a {@link io.github.aetherjava.client.GatewayErrorException}
 * whose message is the gateway's text (for example {@code task not found}, which is also what an
 * unauthorised caller sees). A bad argument fails the future with {@link
 * io.github.aetherjava.client.InvalidArgumentException} naming it, before anything is sent.
 *
 * <pre>{@code
 * CreateTaskResult created = agent.tasks()
 *     .createTaskAndAwait(CreateTaskRequest.builder("resize").targetImplementation("resizer").build())
 *     .join();
 * TaskInfo info = agent.tasks().getTask(created.taskId()).join();
 * }</pre>
 *
 * @since 0.1.0
 */
public interface TaskOperations {

  /**
   * @return timeout of the overloads without one
   */
  Duration defaultTimeout();

  /**
   * Creates a task without waiting for the gateway's answer (no request id is sent, so the gateway
   * sends none); refusals reach {@code onError} handlers.
   *
   * @param request the task
   * @return completes when handed to the transport
   */
  CompletableFuture<Void> createTask(CreateTaskRequest request);

  /**
   * Creates a task and waits for the gateway's answer.
   *
   * @param request the task
   * @param timeout how long to wait
   * @return the new task's id, creation status, assignee and task token
   */
  CompletableFuture<CreateTaskResult> createTaskAndAwait(
      CreateTaskRequest request, Duration timeout);

  /**
   * @param request the task
   * @return the new task's id, creation status, assignee and task token
   */
  default CompletableFuture<CreateTaskResult> createTaskAndAwait(CreateTaskRequest request) {
    return createTaskAndAwait(request, defaultTimeout());
  }

  /**
   * @param taskId task id
   * @param timeout how long to wait
   * @return the task; fails with {@code task not found} if it does not exist or the caller may not
   *     see it
   */
  CompletableFuture<TaskInfo> getTask(String taskId, Duration timeout);

  /**
   * @param taskId task id
   * @return the task
   */
  default CompletableFuture<TaskInfo> getTask(String taskId) {
    return getTask(taskId, defaultTimeout());
  }

  /**
   * @param query filters and paging
   * @param timeout how long to wait
   * @return one page
   */
  CompletableFuture<TaskPage> queryTasks(TaskQuery query, Duration timeout);

  /**
   * @param query filters and paging
   * @return one page
   */
  default CompletableFuture<TaskPage> queryTasks(TaskQuery query) {
    return queryTasks(query, defaultTimeout());
  }

  /**
   * Cancels a task that has not finished.
   *
   * @param taskId task id
   * @param reason why (may be empty)
   * @param timeout how long to wait
   * @return the task afterwards
   */
  CompletableFuture<TaskInfo> cancelTask(String taskId, String reason, Duration timeout);

  /**
   * @param taskId task id
   * @param reason why (may be empty)
   * @return the task afterwards
   */
  default CompletableFuture<TaskInfo> cancelTask(String taskId, String reason) {
    return cancelTask(taskId, reason, defaultTimeout());
  }

  /**
   * Queues a failed or cancelled task again (it goes back to its agent or pool).
   *
   * @param taskId task id
   * @param timeout how long to wait
   * @return the task afterwards
   */
  CompletableFuture<TaskInfo> retryTask(String taskId, Duration timeout);

  /**
   * @param taskId task id
   * @return the task afterwards
   */
  default CompletableFuture<TaskInfo> retryTask(String taskId) {
    return retryTask(taskId, defaultTimeout());
  }

  /**
   * @param taskId task id
   * @param timeout how long to wait
   * @return the task afterwards
   */
  CompletableFuture<TaskInfo> completeTask(String taskId, Duration timeout);

  /**
   * @param taskId task id
   * @return the task afterwards
   */
  default CompletableFuture<TaskInfo> completeTask(String taskId) {
    return completeTask(taskId, defaultTimeout());
  }

  /**
   * @param taskId task id
   * @param reason why (empty = the gateway's {@code task failed})
   * @param timeout how long to wait
   * @return the task afterwards
   */
  CompletableFuture<TaskInfo> failTask(String taskId, String reason, Duration timeout);

  /**
   * @param taskId task id
   * @param reason why (empty = the gateway's {@code task failed})
   * @return the task afterwards
   */
  default CompletableFuture<TaskInfo> failTask(String taskId, String reason) {
    return failTask(taskId, reason, defaultTimeout());
  }

  /**
   * Takes a task that is queued (or running) and marks it running, assigned to this client.
   *
   * @param taskId task id
   * @param timeout how long to wait
   * @return the task afterwards
   */
  CompletableFuture<TaskInfo> claimTask(String taskId, Duration timeout);

  /**
   * @param taskId task id
   * @return the task afterwards
   */
  default CompletableFuture<TaskInfo> claimTask(String taskId) {
    return claimTask(taskId, defaultTimeout());
  }

  /**
   * Pauses a running task until {@code waitSpec} is met; a hibernation tells its worker to close.
   *
   * @param taskId task id
   * @param waitSpec what it waits for
   * @param timeout how long to wait
   * @return the task afterwards
   */
  CompletableFuture<TaskInfo> pauseTask(String taskId, WaitSpec waitSpec, Duration timeout);

  /**
   * @param taskId task id
   * @param waitSpec what it waits for
   * @return the task afterwards
   */
  default CompletableFuture<TaskInfo> pauseTask(String taskId, WaitSpec waitSpec) {
    return pauseTask(taskId, waitSpec, defaultTimeout());
  }

  /**
   * Makes a task wait for other tasks of its workspace.
   *
   * @param taskId task id
   * @param dependsOn tasks to wait for (at least one)
   * @param timeout how long to wait
   * @return the task afterwards
   */
  CompletableFuture<TaskInfo> waitForTasks(String taskId, List<String> dependsOn, Duration timeout);

  /**
   * @param taskId task id
   * @param dependsOn tasks to wait for (at least one)
   * @return the task afterwards
   */
  default CompletableFuture<TaskInfo> waitForTasks(String taskId, List<String> dependsOn) {
    return waitForTasks(taskId, dependsOn, defaultTimeout());
  }

  /**
   * @param taskId a paused task
   * @param timeout how long to wait
   * @return the task afterwards (running)
   */
  CompletableFuture<TaskInfo> resumeTask(String taskId, Duration timeout);

  /**
   * @param taskId a paused task
   * @return the task afterwards (running)
   */
  default CompletableFuture<TaskInfo> resumeTask(String taskId) {
    return resumeTask(taskId, defaultTimeout());
  }

  /**
   * Refuses a task assigned to this client.
   *
   * @param taskId task id
   * @param reason why (empty = the gateway's {@code rejected})
   * @param timeout how long to wait
   * @return the task afterwards
   */
  CompletableFuture<TaskInfo> rejectTask(String taskId, String reason, Duration timeout);

  /**
   * @param taskId task id
   * @param reason why
   * @return the task afterwards
   */
  default CompletableFuture<TaskInfo> rejectTask(String taskId, String reason) {
    return rejectTask(taskId, reason, defaultTimeout());
  }

  /**
   * Subscribes to a task's events; {@code handler} runs on the client's ordered dispatcher.
   *
   * @param taskId task id
   * @param recursive include its descendants' events
   * @param handler event handler
   * @param timeout how long to wait for the gateway
   * @return the subscription; fails with {@code task not found} if the caller may not see the task
   */
  CompletableFuture<TaskSubscription> subscribeTask(
      String taskId, boolean recursive, Consumer<TaskEvent> handler, Duration timeout);

  /**
   * @param taskId task id
   * @param recursive include its descendants' events
   * @param handler event handler
   * @return the subscription
   */
  default CompletableFuture<TaskSubscription> subscribeTask(
      String taskId, boolean recursive, Consumer<TaskEvent> handler) {
    return subscribeTask(taskId, recursive, handler, defaultTimeout());
  }

  /**
   * Handler for the gateway hibernating a task this client works on; after the handlers ran the
   * client closes its stream cleanly.
   *
   * @param handler handler
   * @return registration
   */
  Registration onTaskHibernated(Consumer<TaskHibernation> handler);
}
