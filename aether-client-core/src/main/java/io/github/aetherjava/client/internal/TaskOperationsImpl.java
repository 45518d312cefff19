/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import io.github.aetherjava.client.ConnectionInfo;
import io.github.aetherjava.client.ConnectionListener;
import io.github.aetherjava.client.ConnectionState;
import io.github.aetherjava.client.GatewayErrorException;
import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.Registration;
import io.github.aetherjava.client.RequestObservation;
import io.github.aetherjava.client.task.CreateTaskRequest;
import io.github.aetherjava.client.task.CreateTaskResult;
import io.github.aetherjava.client.task.Hibernation;
import io.github.aetherjava.client.task.TaskEvent;
import io.github.aetherjava.client.task.TaskHibernation;
import io.github.aetherjava.client.task.TaskInfo;
import io.github.aetherjava.client.task.TaskOperations;
import io.github.aetherjava.client.task.TaskPage;
import io.github.aetherjava.client.task.TaskQuery;
import io.github.aetherjava.client.task.TaskSubscription;
import io.github.aetherjava.client.task.WaitReason;
import io.github.aetherjava.client.task.WaitSpec;
import io.github.aetherjava.proto.v1.CreateTaskResponse;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.TaskOperation;
import io.github.aetherjava.proto.v1.TaskOperationResponse;
import io.github.aetherjava.proto.v1.TaskQueryResponse;
import io.github.aetherjava.proto.v1.TaskSubscriptionOperation;
import io.github.aetherjava.proto.v1.TaskSubscriptionOperationResponse;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link TaskOperations} over the client's stream. */
public final class TaskOperationsImpl implements TaskOperations {

  private static final Logger LOG = LoggerFactory.getLogger(TaskOperationsImpl.class);

  private final ClientCore core;
  private final EventListeners<TaskHibernation> hibernationHandlers =
      new EventListeners<>("task hibernation");

  /** Live subscriptions by the gateway's current subscription id. */
  private final Map<String, Sub> byGatewayId = new ConcurrentHashMap<>();

  private final CopyOnWriteArrayList<Sub> subscriptions = new CopyOnWriteArrayList<>();

  /**
   * @param core connection
   */
  public TaskOperationsImpl(ClientCore core) {
    this.core = core;
    DownstreamRoutes routes = core.routes();
    routes.correlated(
        DownstreamMessage.PayloadCase.CREATE_TASK, m -> m.getCreateTask().getRequestId());
    routes.correlated(
        DownstreamMessage.PayloadCase.TASK_QUERY, m -> m.getTaskQuery().getRequestId());
    routes.correlated(DownstreamMessage.PayloadCase.TASK_OP, m -> m.getTaskOp().getRequestId());
    routes.correlated(
        DownstreamMessage.PayloadCase.TASK_SUBSCRIPTION_RESPONSE,
        m -> m.getTaskSubscriptionResponse().getClientRequestId());
    routes.ordered(DownstreamMessage.PayloadCase.TASK_EVENT, this::onEvent);
    routes.ordered(DownstreamMessage.PayloadCase.TASK_HIBERNATED, this::onHibernated);
    core.addListener(
        new ConnectionListener() {
          @Override
          public void onConnect(ConnectionInfo info) {
            resubscribe();
          }
        });
  }

  @Override
  public Duration defaultTimeout() {
    return core.options().requestTimeout();
  }

  // ------------------------------------------------------------------ create

  @Override
  public CompletableFuture<Void> createTask(CreateTaskRequest request) {
    return Arguments.check(
        () ->
            core.enqueue(
                UpstreamMessage.newBuilder()
                    .setCreateTask(Arguments.notNull(request, "request").toProto())
                    .build(),
                null));
  }

  @Override
  public CompletableFuture<CreateTaskResult> createTaskAndAwait(
      CreateTaskRequest checkedRequest, Duration timeout) {
    return Arguments.check(() -> createAndAwait(checkedRequest, timeout));
  }

  private CompletableFuture<CreateTaskResult> createAndAwait(
      CreateTaskRequest checkedRequest, Duration timeout) {
    CreateTaskRequest request = Arguments.notNull(checkedRequest, "request");
    String id = core.nextRequestId();
    UpstreamMessage frame =
        UpstreamMessage.newBuilder()
            .setCreateTask(request.toProto().toBuilder().setRequestId(id))
            .build();
    String context = "tasks.create '" + request.taskType() + "'";
    return call(
        "tasks.create",
        context,
        id,
        frame,
        timeout,
        false,
        m -> {
          CreateTaskResponse r = m.getCreateTask();
          if (!r.getSuccess()) {
            throw new GatewayErrorException(
                r.getErrorCode(), context + ": " + r.getErrorMessage(), false, Duration.ZERO);
          }
          return CreateTaskResult.fromProto(r);
        });
  }

  // ------------------------------------------------------------------ query

  @Override
  public CompletableFuture<TaskInfo> getTask(String taskId, Duration timeout) {
    return Arguments.check(() -> get(requireTaskId(taskId), timeout));
  }

  private CompletableFuture<TaskInfo> get(String id, Duration timeout) {
    String requestId = core.nextRequestId();
    String context = "tasks.get '" + id + "'";
    UpstreamMessage frame =
        UpstreamMessage.newBuilder()
            .setTaskQuery(
                io.github.aetherjava.proto.v1.TaskQuery.newBuilder()
                    .setOp(io.github.aetherjava.proto.v1.TaskQuery.OpType.GET)
                    .setTaskId(id)
                    .setRequestId(requestId))
            .build();
    return call(
        "tasks.get",
        context,
        requestId,
        frame,
        timeout,
        true,
        m -> TaskInfo.fromProto(queryResponse(m, context).getTask()));
  }

  @Override
  public CompletableFuture<TaskPage> queryTasks(TaskQuery checkedQuery, Duration timeout) {
    return Arguments.check(() -> query(Arguments.notNull(checkedQuery, "query"), timeout));
  }

  private CompletableFuture<TaskPage> query(TaskQuery query, Duration timeout) {
    String requestId = core.nextRequestId();
    String context = "tasks.query";
    UpstreamMessage frame =
        UpstreamMessage.newBuilder()
            .setTaskQuery(
                io.github.aetherjava.proto.v1.TaskQuery.newBuilder()
                    .setOp(io.github.aetherjava.proto.v1.TaskQuery.OpType.LIST)
                    .setFilter(query.toProto())
                    .setRequestId(requestId))
            .build();
    return call(
        "tasks.query",
        context,
        requestId,
        frame,
        timeout,
        true,
        m -> {
          TaskQueryResponse r = queryResponse(m, context);
          return new TaskPage(
              r.getTasksList().stream().map(TaskInfo::fromProto).toList(),
              r.getTotalCount(),
              r.getNextPageToken());
        });
  }

  private static TaskQueryResponse queryResponse(DownstreamMessage m, String context) {
    TaskQueryResponse r = m.getTaskQuery();
    if (!r.getSuccess()) {
      throw new GatewayErrorException(
          "TASK_QUERY_FAILED", context + ": " + r.getError(), false, Duration.ZERO);
    }
    return r;
  }

  // ------------------------------------------------------------------ operations

  @Override
  public CompletableFuture<TaskInfo> cancelTask(String taskId, String reason, Duration timeout) {
    return operate(TaskOperation.OpType.CANCEL, taskId, reason, null, timeout);
  }

  @Override
  public CompletableFuture<TaskInfo> retryTask(String taskId, Duration timeout) {
    return operate(TaskOperation.OpType.RETRY, taskId, "", null, timeout);
  }

  @Override
  public CompletableFuture<TaskInfo> completeTask(String taskId, Duration timeout) {
    return operate(TaskOperation.OpType.COMPLETE, taskId, "", null, timeout);
  }

  @Override
  public CompletableFuture<TaskInfo> failTask(String taskId, String reason, Duration timeout) {
    return operate(TaskOperation.OpType.FAIL, taskId, reason, null, timeout);
  }

  @Override
  public CompletableFuture<TaskInfo> claimTask(String taskId, Duration timeout) {
    return operate(TaskOperation.OpType.CLAIM, taskId, "", null, timeout);
  }

  @Override
  public CompletableFuture<TaskInfo> pauseTask(String taskId, WaitSpec waitSpec, Duration timeout) {
    return Arguments.check(
        () ->
            operate(
                TaskOperation.OpType.PAUSE,
                taskId,
                "",
                Arguments.notNull(waitSpec, "waitSpec"),
                timeout));
  }

  @Override
  public CompletableFuture<TaskInfo> waitForTasks(
      String taskId, List<String> dependsOn, Duration timeout) {
    return Arguments.check(
        () -> {
          if (Arguments.notNull(dependsOn, "dependsOn").isEmpty()) {
            throw new InvalidArgumentException("dependsOn must name at least one task");
          }
          return operate(
              TaskOperation.OpType.WAIT_FOR,
              taskId,
              "",
              WaitSpec.builder(WaitReason.DEPENDENCY).dependsOn(dependsOn).build(),
              timeout);
        });
  }

  @Override
  public CompletableFuture<TaskInfo> resumeTask(String taskId, Duration timeout) {
    return operate(TaskOperation.OpType.RESUME, taskId, "", null, timeout);
  }

  @Override
  public CompletableFuture<TaskInfo> rejectTask(String taskId, String reason, Duration timeout) {
    return operate(TaskOperation.OpType.REJECT, taskId, reason, null, timeout);
  }

  private CompletableFuture<TaskInfo> operate(
      TaskOperation.OpType op,
      String taskId,
      String reason,
      @org.jspecify.annotations.Nullable WaitSpec waitSpec,
      Duration timeout) {
    return Arguments.check(
        () -> send(op, requireTaskId(taskId), reason(reason), waitSpec, timeout));
  }

  private CompletableFuture<TaskInfo> send(
      TaskOperation.OpType op,
      String id,
      String reason,
      @org.jspecify.annotations.Nullable WaitSpec waitSpec,
      Duration timeout) {
    String operation = "tasks." + op.name().toLowerCase(java.util.Locale.ROOT);
    String context = operation + " '" + id + "'";
    String requestId = core.nextRequestId();
    TaskOperation.Builder b =
        TaskOperation.newBuilder()
            .setOp(op)
            .setTaskId(id)
            .setReason(reason)
            .setRequestId(requestId);
    if (waitSpec != null) {
      b.setWaitSpec(waitSpec.toProto());
    }
    return call(
        operation,
        context,
        requestId,
        UpstreamMessage.newBuilder().setTaskOp(b).build(),
        timeout,
        false,
        m -> {
          TaskOperationResponse r = m.getTaskOp();
          if (!r.getSuccess()) {
            throw new GatewayErrorException(
                "TASK_OPERATION_FAILED", context + ": " + r.getError(), false, Duration.ZERO);
          }
          return TaskInfo.fromProto(r.getTask());
        });
  }

  private static String reason(String reason) {
    return Arguments.notNull(reason, "reason");
  }

  private static String requireTaskId(String taskId) {
    if (Arguments.notEmpty(taskId, "taskId").isBlank()) {
      throw new InvalidArgumentException("taskId must not be blank");
    }
    return taskId;
  }

  private <T> CompletableFuture<T> call(
      String operation,
      String context,
      String requestId,
      UpstreamMessage frame,
      Duration timeout,
      boolean idempotent,
      PendingRequests.Decoder<T> decoder) {
    RequestObservation observation = core.observe(operation);
    try {
      Arguments.positive(timeout, "timeout");
    } catch (InvalidArgumentException e) {
      observation.onComplete(e);
      return CompletableFuture.failedFuture(e);
    }
    return core.request(
        operation,
        requestId,
        frame,
        timeout,
        idempotent,
        decoder,
        e ->
            e instanceof GatewayErrorException g
                    && String.valueOf(g.getMessage()).startsWith(context)
                ? g
                : RequestErrors.withContext(e, context),
        observation);
  }

  // ------------------------------------------------------------------ subscriptions

  @Override
  public CompletableFuture<TaskSubscription> subscribeTask(
      String taskId, boolean recursive, Consumer<TaskEvent> handler, Duration timeout) {
    return Arguments.check(
        () -> {
          Sub sub =
              new Sub(requireTaskId(taskId), recursive, Arguments.notNull(handler, "handler"));
          return sub.subscribe(timeout).<TaskSubscription>thenApply(v -> sub);
        });
  }

  private void resubscribe() {
    for (Sub sub : subscriptions) {
      if (sub.active.get()) {
        sub.subscribe(defaultTimeout())
            .whenComplete(
                (v, e) -> {
                  if (e != null) {
                    LOG.warn(
                        "re-subscribing to task {} after reconnect failed: {}",
                        sub.taskId,
                        e.getMessage());
                  }
                });
      }
    }
  }

  private void onEvent(DownstreamMessage m) {
    var e = m.getTaskEvent();
    Sub sub = byGatewayId.get(e.getSubscriptionId());
    if (sub != null && sub.active.get()) {
      sub.handler.accept(TaskEvent.fromProto(e));
    }
  }

  /** One subscription; its gateway id changes with every (re-)subscribe. */
  private final class Sub implements TaskSubscription {
    final String taskId;
    final boolean recursive;
    final Consumer<TaskEvent> handler;
    final AtomicBoolean active = new AtomicBoolean(true);
    volatile String gatewayId = "";

    Sub(String taskId, boolean recursive, Consumer<TaskEvent> handler) {
      this.taskId = taskId;
      this.recursive = recursive;
      this.handler = handler;
    }

    CompletableFuture<Void> subscribe(Duration timeout) {
      String requestId = core.nextRequestId();
      String context = "tasks.subscribe '" + taskId + "'";
      UpstreamMessage frame =
          UpstreamMessage.newBuilder()
              .setTaskSubscriptionOp(
                  TaskSubscriptionOperation.newBuilder()
                      .setOp(TaskSubscriptionOperation.OpType.SUBSCRIBE)
                      .setTaskId(taskId)
                      .setRecursive(recursive)
                      .setClientRequestId(requestId))
              .build();
      return call(
          "tasks.subscribe",
          context,
          requestId,
          frame,
          timeout,
          false,
          m -> {
            TaskSubscriptionOperationResponse r = m.getTaskSubscriptionResponse();
            if (!r.getSuccess()) {
              throw new GatewayErrorException(
                  "TASK_SUBSCRIPTION_FAILED", context + ": " + r.getError(), false, Duration.ZERO);
            }
            // on the reading thread, before any event of the new subscription is dispatched
            String old = gatewayId;
            gatewayId = r.getSubscriptionId();
            if (!old.isEmpty()) {
              byGatewayId.remove(old, this);
            }
            if (active.get()) {
              byGatewayId.put(gatewayId, this);
              subscriptions.addIfAbsent(this);
            }
            return null;
          });
    }

    @Override
    public String taskId() {
      return taskId;
    }

    @Override
    public boolean recursive() {
      return recursive;
    }

    @Override
    public String subscriptionId() {
      return gatewayId;
    }

    @Override
    public boolean isActive() {
      return active.get();
    }

    @Override
    public CompletableFuture<Void> unsubscribe() {
      if (!active.compareAndSet(true, false)) {
        return CompletableFuture.completedFuture(null);
      }
      subscriptions.remove(this);
      String id = gatewayId;
      byGatewayId.remove(id, this);
      if (id.isEmpty() || core.state() != ConnectionState.READY) {
        return CompletableFuture.completedFuture(null);
      }
      String requestId = core.nextRequestId();
      UpstreamMessage frame =
          UpstreamMessage.newBuilder()
              .setTaskSubscriptionOp(
                  TaskSubscriptionOperation.newBuilder()
                      .setOp(TaskSubscriptionOperation.OpType.UNSUBSCRIBE)
                      .setTaskId(taskId)
                      .setSubscriptionId(id)
                      .setClientRequestId(requestId))
              .build();
      return call(
          "tasks.unsubscribe",
          "tasks.unsubscribe '" + taskId + "'",
          requestId,
          frame,
          defaultTimeout(),
          false,
          m -> null);
    }

    @Override
    public String toString() {
      return "TaskSubscription[taskId=" + taskId + ", recursive=" + recursive + "]";
    }
  }

  // ------------------------------------------------------------------ hibernation

  @Override
  public Registration onTaskHibernated(Consumer<TaskHibernation> handler) {
    return hibernationHandlers.add(Arguments.notNull(handler, "handler"));
  }

  private void onHibernated(DownstreamMessage m) {
    var h = m.getTaskHibernated();
    TaskHibernation event =
        new TaskHibernation(h.getTaskId(), Hibernation.fromProto(h.getHibernationDescriptor()));
    try {
      hibernationHandlers.fire(event);
    } finally {
      // the gateway expects the worker to go away; a clean close keeps the task hibernated
      core.disconnect();
    }
  }
}
