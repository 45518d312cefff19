/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import com.google.protobuf.ByteString;
import io.github.aetherjava.proto.v1.TaskClass;
import io.github.aetherjava.proto.v1.TaskCompletionEvent;
import io.github.aetherjava.proto.v1.TaskFilter;
import io.github.aetherjava.proto.v1.TaskInfo;
import io.github.aetherjava.proto.v1.TaskPriority;
import io.github.aetherjava.proto.v1.TaskStatus;
import io.github.aetherjava.proto.v1.WaitSpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The tasks of the embedded gateway, in memory. Every read and change holds this store's monitor;
 * callers get {@link TaskInfo} snapshots, never the mutable rows.
 */
final class TaskStore {

  /** Default {@code max_attempts} when the creator gives no retry policy. */
  static final int DEFAULT_MAX_ATTEMPTS = 3;

  /** Page size when the filter asks for none, and the largest page served. */
  static final int DEFAULT_PAGE = 100;

  static final int MAX_PAGE = 1000;

  /** One task row; only touched under the store's monitor. */
  static final class Task {
    final String id;
    final String type;
    final String workspace;
    final String creator;
    final long createdAtMs;
    String targetTopic = "";
    String targetImplementation = "";
    String assignedTo = "";
    TaskState state = TaskState.PENDING;
    long updatedAtMicros;
    long statusChangedAtMs;
    long startedAtMs;
    long completedAtMs;
    long pausedAtMs;
    long disconnectedAtMs;
    int attempt;
    int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    String error = "";
    Map<String, String> metadata = new LinkedHashMap<>();
    String parentTaskId = "";
    TaskClass taskClass = TaskClass.TASK_CLASS_UNSPECIFIED;
    @Nullable WaitSpec waitSpec;
    List<String> dependsOn = List.of();
    String contextId = "";
    TaskPriority priority = TaskPriority.TASK_PRIORITY_NORMAL;
    String correlationId = "";
    String rootTaskId = "";
    @Nullable TaskCompletionEvent completionEvent;
    ByteString payload = ByteString.EMPTY;

    /** Set for a queued targeted task: the agent identity it waits for. */
    String queuedFor = "";

    /** Set for a pool task until claimed. */
    boolean pool;

    /** Orchestrator profile of an {@code agent_startup} task. */
    String profile = "";

    Map<String, String> launchParams = Map.of();
    String specifier = "";

    Task(String id, String type, String workspace, String creator, long createdAtMs) {
      this.id = id;
      this.type = type;
      this.workspace = workspace;
      this.creator = creator;
      this.createdAtMs = createdAtMs;
    }

    long graceWindowMs() {
      return switch (taskClass) {
        case TASK_CLASS_BATCH -> 5 * 60_000L;
        case TASK_CLASS_BACKGROUND -> 10 * 60_000L;
        default -> 30_000L;
      };
    }

    TaskInfo info() {
      TaskInfo.Builder b =
          TaskInfo.newBuilder()
              .setTaskId(id)
              .setTaskType(type)
              .setStatus(state.status)
              .setWorkspace(workspace)
              .setTargetTopic(targetTopic)
              .setAssignedTo(assignedTo)
              .setCreatedAt(createdAtMs / 1000)
              .setStartedAt(startedAtMs / 1000)
              .setCompletedAt(completedAtMs / 1000)
              .setAttempt(attempt)
              .setMaxAttempts(maxAttempts)
              .setError(error)
              .putAllMetadata(metadata)
              .setCreatorActorId(creator)
              .setParentTaskId(parentTaskId)
              .setTaskClass(taskClass)
              .setDisconnectedAt(disconnectedAtMs / 1000)
              .setGraceWindowMs(graceWindowMs())
              .addAllDependsOn(dependsOn)
              .setContextId(contextId)
              .setPausedAt(pausedAtMs / 1000)
              .setPriority(priority)
              .setCorrelationId(correlationId)
              .setRootTaskId(rootTaskId.isEmpty() ? id : rootTaskId);
      if (waitSpec != null) {
        b.setWaitSpec(waitSpec);
      }
      if (completionEvent != null) {
        b.setCompletionEvent(completionEvent);
      }
      return b.build();
    }
  }

  /** A status change, for notices and task events. */
  record Change(TaskInfo task, TaskState from, TaskState to, String reason) {}

  /** The outcome of an operation: {@code error} empty on success. */
  record Outcome(
      boolean success,
      String message,
      String error,
      @Nullable TaskInfo task,
      @Nullable Change change) {
    static Outcome failed(String error) {
      return new Outcome(false, "", error, null, null);
    }
  }

  /** A page of a listing. */
  record Page(List<TaskInfo> tasks, String nextPageToken) {}

  private final Clock clock;
  private final Map<String, Task> tasks = new HashMap<>();
  private final Map<String, String> idempotency = new HashMap<>();
  private long lastMicros;

  TaskStore(Clock clock) {
    this.clock = clock;
  }

  /** A new row (not yet visible until {@link #add}). */
  Task newTask(String type, String workspace, String creator) {
    return new Task(UUID.randomUUID().toString(), type, workspace, creator, clock.millis());
  }

  synchronized void add(Task task) {
    touch(task);
    task.statusChangedAtMs = clock.millis();
    tasks.put(task.id, task);
  }

  /**
   * The task id recorded under {@code key}, "" while the first create is still running, or null if
   * the key is new (it is then claimed).
   */
  synchronized @Nullable String claimIdempotencyKey(String key) {
    String existing = idempotency.putIfAbsent(key, "");
    return existing;
  }

  synchronized void recordIdempotencyKey(String key, String taskId) {
    idempotency.put(key, taskId);
  }

  synchronized @Nullable TaskInfo get(String id) {
    Task t = tasks.get(id);
    return t == null ? null : t.info();
  }

  /** Runs {@code read} on the row under the monitor; null if there is none. */
  synchronized <T> @Nullable T read(String id, java.util.function.Function<Task, T> read) {
    Task t = tasks.get(id);
    return t == null ? null : read.apply(t);
  }

  /** The rows matching {@code p}, as snapshots. */
  synchronized List<TaskInfo> find(Predicate<Task> p) {
    List<TaskInfo> out = new ArrayList<>();
    for (Task t : tasks.values()) {
      if (p.test(t)) {
        out.add(t.info());
      }
    }
    return out;
  }

  /** How many unfinished tasks {@code identity} is working on. */
  synchronized int activeFor(String identity) {
    int n = 0;
    for (Task t : tasks.values()) {
      if (t.assignedTo.equals(identity) && !t.state.isFinished()) {
        n++;
      }
    }
    return n;
  }

  /**
   * Assigns the first row matching {@code p} (in creation order) to {@code worker}; returns its
   * snapshot, or null.
   */
  synchronized @Nullable Change assignFirst(Predicate<Task> p, String worker) {
    Task best = null;
    for (Task t : tasks.values()) {
      if (p.test(t) && (best == null || t.createdAtMs < best.createdAtMs)) {
        best = t;
      }
    }
    if (best == null) {
      return null;
    }
    best.pool = false;
    best.queuedFor = "";
    return transition(best, TaskState.ASSIGNED, worker, "");
  }

  /**
   * Moves a row to {@code to} (no transition check) and sets its assignee when {@code assignee} is
   * not null; returns the change, or null if the row does not exist.
   */
  synchronized @Nullable Change move(
      String id, TaskState to, @Nullable String assignee, String reason) {
    Task t = tasks.get(id);
    return t == null ? null : transition(t, to, assignee, reason);
  }

  /** Like {@link #move} but leaves a finished task alone (returns null then). */
  synchronized @Nullable Change moveIfOpen(String id, TaskState to, String reason) {
    Task t = tasks.get(id);
    return t == null || t.state.isFinished() ? null : transition(t, to, null, reason);
  }

  /** Stamps the worker's drop time (ungraceful disconnect). */
  synchronized void markDisconnected(String id) {
    Task t = tasks.get(id);
    if (t != null) {
      t.disconnectedAtMs = clock.millis();
      touch(t);
    }
  }

  // ------------------------------------------------------------------ operations

  synchronized Outcome cancel(String id, String reason) {
    Task t = tasks.get(id);
    if (t == null
        || t.state == TaskState.COMPLETED
        || t.state == TaskState.FAILED
        || t.state == TaskState.CANCELLED) {
      return Outcome.failed("task " + id + " not found or already in a terminal state");
    }
    Change c = transition(t, TaskState.CANCELLED, null, reason);
    return new Outcome(true, "task cancelled", "", c.task(), c);
  }

  synchronized Outcome retry(String id) {
    Task t = tasks.get(id);
    if (t == null || (t.state != TaskState.FAILED && t.state != TaskState.CANCELLED)) {
      return Outcome.failed("task " + id + " not found or not in retryable state");
    }
    t.error = "";
    t.completedAtMs = 0;
    if (!t.type.equals(Orchestration.STARTUP_TYPE)) {
      // back where creation put it: queued for its agent, or in the pool
      t.queuedFor = t.targetTopic;
      t.pool = t.targetTopic.isEmpty() && !t.targetImplementation.isEmpty();
    }
    Change c = transition(t, TaskState.PENDING, "", "");
    return new Outcome(true, "task queued for retry", "", c.task(), c);
  }

  synchronized Outcome complete(String id) {
    Task t = tasks.get(id);
    if (t == null) {
      return Outcome.failed("task " + id + " not found");
    }
    Change c = transition(t, TaskState.COMPLETED, null, "");
    return new Outcome(true, "task completed", "", c.task(), c);
  }

  synchronized Outcome fail(String id, String reason) {
    Task t = tasks.get(id);
    if (t == null) {
      return Outcome.failed("task " + id + " not found");
    }
    t.attempt++;
    t.error = reason;
    Change c = transition(t, TaskState.FAILED, null, reason);
    return new Outcome(true, "task marked as failed", "", c.task(), c);
  }

  synchronized Outcome claim(String id, String claimer) {
    Task t = tasks.get(id);
    if (t == null
        || !(t.state == TaskState.PENDING
            || t.state == TaskState.ASSIGNED
            || t.state == TaskState.STARTING
            || t.state == TaskState.RUNNING)) {
      return Outcome.failed("task " + id + " not found or not claimable");
    }
    t.pool = false;
    t.queuedFor = "";
    Change c = transition(t, TaskState.RUNNING, claimer, "");
    return new Outcome(true, "task claimed", "", c.task(), c);
  }

  synchronized Outcome reject(String id, String reason) {
    return guarded(id, TaskState.REJECTED, reason, "task rejected", t -> {});
  }

  synchronized Outcome pause(String id, TaskState to, WaitSpec spec) {
    return guarded(
        id,
        to,
        spec.getReason().name(),
        "task paused",
        t -> {
          t.waitSpec = spec;
          t.pausedAtMs = clock.millis();
        });
  }

  synchronized Outcome waitFor(String id, WaitSpec spec) {
    Task t = tasks.get(id);
    if (t == null) {
      return Outcome.failed("task " + id + " not found");
    }
    for (String dep : spec.getDependsOnList()) {
      Task d = tasks.get(dep);
      if (d == null || !d.workspace.equals(t.workspace)) {
        return Outcome.failed("dependency not found: " + dep);
      }
    }
    return guarded(
        id,
        TaskState.WAITING_DEPENDENCY,
        "",
        "task waiting on dependencies",
        r -> {
          r.waitSpec = spec;
          r.dependsOn = List.copyOf(spec.getDependsOnList());
          r.pausedAtMs = clock.millis();
        });
  }

  synchronized Outcome resume(String id) {
    Task t = tasks.get(id);
    if (t == null) {
      return Outcome.failed("task " + id + " not found");
    }
    if (!t.state.isWaiting()) {
      return Outcome.failed("task " + id + " is not paused (status " + t.state.wire + ")");
    }
    return guarded(
        id,
        TaskState.RUNNING,
        "",
        "task resumed",
        r -> {
          r.waitSpec = null;
          r.pausedAtMs = 0;
        });
  }

  private Outcome guarded(
      String id,
      TaskState to,
      String reason,
      String message,
      java.util.function.Consumer<Task> apply) {
    Task t = tasks.get(id);
    if (t == null) {
      return Outcome.failed("task " + id + " not found");
    }
    if (!t.state.canMoveTo(to)) {
      return Outcome.failed(
          "invalid task status transition from " + t.state.wire + " to " + to.wire);
    }
    apply.accept(t);
    Change c = transition(t, to, null, reason);
    return new Outcome(true, message, "", c.task(), c);
  }

  private Change transition(Task t, TaskState to, @Nullable String assignee, String reason) {
    TaskState from = t.state;
    long now = clock.millis();
    t.state = to;
    if (assignee != null) {
      t.assignedTo = assignee;
    }
    if (to == TaskState.RUNNING && t.startedAtMs == 0) {
      t.startedAtMs = now;
    }
    if (to.isFinished()) {
      t.completedAtMs = now;
    }
    if (from != to) {
      t.statusChangedAtMs = now;
    }
    touch(t);
    return new Change(t.info(), from, to, reason);
  }

  private void touch(Task t) {
    long micros = clock.millis() * 1000;
    lastMicros = Math.max(micros, lastMicros + 1);
    t.updatedAtMicros = lastMicros;
  }

  // ------------------------------------------------------------------ listing

  /**
   * Lists with the gateway's filters, newest change first ({@code updated_at} DESC, {@code task_id}
   * DESC), a page at a time.
   *
   * @param callerWorkspace the default workspace filter ("" = every workspace)
   */
  synchronized Page list(TaskFilter f, String callerWorkspace) {
    String ws = f.getWorkspace().isEmpty() ? callerWorkspace : f.getWorkspace();
    Set<TaskState> include = null;
    if (f.getStatusesCount() > 0) {
      include = java.util.EnumSet.noneOf(TaskState.class);
      for (TaskStatus s : f.getStatusesList()) {
        include.addAll(TaskState.matching(s));
      }
    } else if (f.getStatus() != TaskStatus.TASK_STATUS_UNSPECIFIED) {
      include = TaskState.matching(f.getStatus());
    }
    Set<TaskState> exclude = java.util.EnumSet.noneOf(TaskState.class);
    for (TaskStatus s : f.getExcludeStatusesList()) {
      for (TaskState st : TaskState.values()) {
        if (st.status == s) {
          exclude.add(st);
        }
      }
    }
    long[] cursor = cursor(f.getPageToken());
    List<Task> rows = new ArrayList<>();
    for (Task t : tasks.values()) {
      if ((ws.isEmpty() || t.workspace.equals(ws))
          && (include == null || include.contains(t.state))
          && !exclude.contains(t.state)
          && (f.getTaskType().isEmpty() || t.type.equals(f.getTaskType()))
          && (f.getTaskClass() == TaskClass.TASK_CLASS_UNSPECIFIED
              || t.taskClass == f.getTaskClass())
          && !f.getExcludeTaskClassesList().contains(t.taskClass)
          && (f.getParentTaskId().isEmpty() || parentMatches(t, f))
          && (f.getContextId().isEmpty() || t.contextId.equals(f.getContextId()))
          && (f.getCorrelationId().isEmpty() || t.correlationId.equals(f.getCorrelationId()))
          && (f.getRootTaskId().isEmpty() || rootOf(t).equals(f.getRootTaskId()))
          && (!f.hasCreatorActor()
              || f.getCreatorActor().getPrincipalId().isEmpty()
              || t.creator.equals(f.getCreatorActor().getPrincipalId()))
          && (f.getStatusTimestampAfterUnixMs() == 0
              || t.statusChangedAtMs > f.getStatusTimestampAfterUnixMs())
          && (f.getPriority() == TaskPriority.TASK_PRIORITY_UNSPECIFIED
              || t.priority == f.getPriority())
          && (f.getMinPriority() == TaskPriority.TASK_PRIORITY_UNSPECIFIED
              || t.priority.getNumber() >= f.getMinPriority().getNumber())
          && (cursor == null || before(t, cursor[0], f.getPageToken()))) {
        rows.add(t);
      }
    }
    rows.sort(
        Comparator.comparingLong((Task t) -> t.updatedAtMicros)
            .thenComparing(t -> t.id)
            .reversed());
    int limit = f.getLimit() <= 0 ? DEFAULT_PAGE : Math.min(f.getLimit(), MAX_PAGE);
    int from = Math.max(0, f.getOffset());
    List<TaskInfo> page = new ArrayList<>();
    for (int i = from; i < rows.size() && page.size() < limit; i++) {
      page.add(rows.get(i).info());
    }
    String next = "";
    if (page.size() == limit && from + limit < rows.size()) {
      Task last = rows.get(from + limit - 1);
      next =
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(
                  (last.updatedAtMicros + "|" + last.id).getBytes(StandardCharsets.UTF_8));
    }
    return new Page(page, next);
  }

  private boolean parentMatches(Task t, TaskFilter f) {
    if (t.parentTaskId.equals(f.getParentTaskId())) {
      return true;
    }
    if (!f.getIncludeDescendants()) {
      return false;
    }
    Task p = tasks.get(t.parentTaskId);
    int depth = 0;
    while (p != null && depth++ < 64) {
      if (p.parentTaskId.equals(f.getParentTaskId())) {
        return true;
      }
      p = tasks.get(p.parentTaskId);
    }
    return false;
  }

  private static String rootOf(Task t) {
    return t.rootTaskId.isEmpty() ? t.id : t.rootTaskId;
  }

  /** True if {@code t} sorts after the cursor row (strictly older in the listing order). */
  private static boolean before(Task t, long micros, String token) {
    String id = cursorId(token);
    return t.updatedAtMicros < micros || (t.updatedAtMicros == micros && t.id.compareTo(id) < 0);
  }

  private static long @Nullable [] cursor(String token) {
    if (token.isEmpty()) {
      return null;
    }
    try {
      String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      return new long[] {Long.parseLong(s.substring(0, s.indexOf('|')))};
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("invalid page_token");
    }
  }

  private static String cursorId(String token) {
    String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    return s.substring(s.indexOf('|') + 1);
  }
}
