/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.ProgressKind;
import io.github.aetherjava.proto.v1.ProgressReport;
import io.github.aetherjava.proto.v1.ProgressUpdate;
import io.github.aetherjava.proto.v1.TaskChildLifecycleEvent;
import io.github.aetherjava.proto.v1.TaskEvent;
import io.github.aetherjava.proto.v1.TaskInfo;
import io.github.aetherjava.proto.v1.TaskProgressEvent;
import io.github.aetherjava.proto.v1.TaskStatusChangedEvent;
import io.github.aetherjava.proto.v1.TaskSubscriptionOperation;
import io.github.aetherjava.proto.v1.TaskSubscriptionOperationResponse;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;

/**
 * Who learns about task transitions: the creator through a status notice on its workspace's
 * progress lane, and every task-event subscriber through {@code TaskEvent}s. Also serves {@code
 * TaskSubscriptionOperation}.
 */
final class TaskNotifier implements Dispatcher.Component, Dispatcher.SessionListener {

  /** {@code source} of status notices: the real gateway stamps its id, AetherLite's is this. */
  static final String NOTICE_SOURCE = "aetherlite";

  private record Subscription(String id, Session session, String taskId, boolean recursive) {}

  private final TaskStore store;
  private final Router router;
  private final Clock clock;
  private final BiPredicate<Session, TaskInfo> mayAccess;
  private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();

  TaskNotifier(
      TaskStore store, Router router, Clock clock, BiPredicate<Session, TaskInfo> mayAccess) {
    this.store = store;
    this.router = router;
    this.clock = clock;
    this.mayAccess = mayAccess;
  }

  @Override
  public void register(Dispatcher dispatcher) {
    dispatcher.on(
        UpstreamMessage.PayloadCase.TASK_SUBSCRIPTION_OP,
        (s, f) -> subscription(s, f.getTaskSubscriptionOp()));
    dispatcher.observe(UpstreamMessage.PayloadCase.PROGRESS, (s, f) -> progress(f.getProgress()));
    dispatcher.addSessionListener(this);
  }

  @Override
  public void disconnected(Session session, boolean clientClosedCleanly) {
    // subscriptions die with the session
    subscriptions.values().removeIf(sub -> sub.session() == session);
  }

  /** Tells the creator and the subscribers about a change; no-op when the status did not move. */
  void changed(TaskStore.Change c) {
    if (c.from() == c.to()) {
      return;
    }
    TaskInfo t = c.task();
    String summary = "task " + c.to().wire + (t.getError().isEmpty() ? "" : ": " + t.getError());
    ProgressUpdate notice =
        ProgressUpdate.newBuilder()
            .setSource(NOTICE_SOURCE)
            .setTaskId(t.getTaskId())
            .setState(c.to().wire)
            .setSummary(summary)
            .setTimestampMs(clock.millis())
            .setWorkspace(t.getWorkspace())
            .setRecipient(t.getCreatorActorId())
            .setKind(ProgressKind.PROGRESS_KIND_TASK)
            .build();
    String recipient = t.getCreatorActorId();
    router.publishLane(
        "pg" + Identity.SEP + t.getWorkspace(),
        DownstreamMessage.newBuilder().setProgressUpdate(notice).build(),
        s -> s.identity().topic().equals(recipient));
    TaskStatusChangedEvent status =
        TaskStatusChangedEvent.newBuilder()
            .setFromStatus(c.from().status)
            .setToStatus(c.to().status)
            .setReason(c.reason())
            .build();
    emit(t, TaskEvent.newBuilder().setStatusChanged(status));
    if (!t.getParentTaskId().isEmpty()) {
      TaskInfo parent = store.get(t.getParentTaskId());
      if (parent != null) {
        TaskChildLifecycleEvent child =
            TaskChildLifecycleEvent.newBuilder()
                .setChildTaskId(t.getTaskId())
                .setChildStatus(c.to().status)
                .setLifecycle(c.to().wire)
                .build();
        deliver(parent, TaskEvent.newBuilder().setChildLifecycle(child));
      }
    }
  }

  private void progress(ProgressReport report) {
    if (report.getTaskId().isEmpty()) {
      return;
    }
    TaskInfo t = store.get(report.getTaskId());
    if (t == null) {
      return;
    }
    emit(
        t,
        TaskEvent.newBuilder()
            .setProgress(
                TaskProgressEvent.newBuilder()
                    .setState(report.getState())
                    .setProgress(report.getCompletion())
                    .setMessage(report.getSummary())
                    .putAllMetadata(report.getMetadataMap())));
  }

  /**
   * Relays an authority request's event to the subscribers of the task it was made for, as the real
   * gateway does on the task's event topic; nothing when the task is unknown.
   */
  void authorityRequest(String taskId, io.github.aetherjava.proto.v1.AuthorityRequestEvent e) {
    TaskInfo t = store.get(taskId);
    if (t == null) {
      return;
    }
    emit(
        t,
        TaskEvent.newBuilder()
            .setAuthorityRequest(
                io.github.aetherjava.proto.v1.TaskAuthorityRequestEventRelay.newBuilder()
                    .setEvent(e)));
  }

  /** To the task's own subscribers and to recursive subscribers of its ancestors. */
  private void emit(TaskInfo t, TaskEvent.Builder event) {
    deliver(t, event);
    String parentId = t.getParentTaskId();
    int depth = 0;
    while (!parentId.isEmpty() && depth++ < 64) {
      String ancestor = parentId;
      for (Subscription sub : matching(ancestor, true)) {
        send(sub, t, event);
      }
      TaskInfo p = store.get(ancestor);
      parentId = p == null ? "" : p.getParentTaskId();
    }
  }

  /** To the subscribers of exactly this task. */
  private void deliver(TaskInfo t, TaskEvent.Builder event) {
    for (Subscription sub : matching(t.getTaskId(), false)) {
      send(sub, t, event);
    }
  }

  private List<Subscription> matching(String taskId, boolean recursiveOnly) {
    List<Subscription> out = new ArrayList<>();
    for (Subscription sub : subscriptions.values()) {
      if (sub.taskId().equals(taskId) && (!recursiveOnly || sub.recursive())) {
        out.add(sub);
      }
    }
    return out;
  }

  private void send(Subscription sub, TaskInfo t, TaskEvent.Builder event) {
    sub.session()
        .send(
            DownstreamMessage.newBuilder()
                .setTaskEvent(
                    event
                        .clone()
                        .setTaskId(t.getTaskId())
                        .setEmittedAtUnixMs(clock.millis())
                        .setWorkspace(t.getWorkspace())
                        .setParentTaskId(t.getParentTaskId())
                        .setSubscriptionId(sub.id()))
                .build());
  }

  private void subscription(Session session, TaskSubscriptionOperation op) {
    TaskSubscriptionOperationResponse.Builder r =
        TaskSubscriptionOperationResponse.newBuilder()
            .setClientRequestId(op.getClientRequestId())
            .setTaskId(op.getTaskId());
    switch (op.getOp()) {
      case SUBSCRIBE -> {
        TaskInfo t = store.get(op.getTaskId());
        if (t == null || !mayAccess.test(session, t)) {
          r.setSuccess(false).setError("task not found");
        } else {
          String id = UUID.randomUUID().toString();
          subscriptions.put(id, new Subscription(id, session, t.getTaskId(), op.getRecursive()));
          r.setSuccess(true).setSubscriptionId(id);
        }
      }
      case UNSUBSCRIBE -> {
        if (op.getSubscriptionId().isEmpty()) {
          r.setSuccess(false).setError("subscription_id is required");
        } else {
          Subscription sub = subscriptions.get(op.getSubscriptionId());
          if (sub == null || sub.session() != session) {
            r.setSuccess(false).setError("subscription not found");
          } else {
            subscriptions.remove(op.getSubscriptionId());
            r.setSuccess(true).setSubscriptionId(op.getSubscriptionId());
          }
        }
      }
      default -> r.setSuccess(false).setError("unknown task subscription operation");
    }
    session.send(DownstreamMessage.newBuilder().setTaskSubscriptionResponse(r).build());
  }
}
