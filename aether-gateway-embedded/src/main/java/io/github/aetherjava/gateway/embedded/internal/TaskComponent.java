/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import io.github.aetherjava.gateway.embedded.PolicyMode;
import io.github.aetherjava.proto.v1.ACLAuthorityGrantInfo;
import io.github.aetherjava.proto.v1.CreateTaskRequest;
import io.github.aetherjava.proto.v1.CreateTaskResponse;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.PrincipalType;
import io.github.aetherjava.proto.v1.TaskAssignmentMode;
import io.github.aetherjava.proto.v1.TaskHibernated;
import io.github.aetherjava.proto.v1.TaskInfo;
import io.github.aetherjava.proto.v1.TaskOperation;
import io.github.aetherjava.proto.v1.TaskOperationResponse;
import io.github.aetherjava.proto.v1.TaskPriority;
import io.github.aetherjava.proto.v1.TaskQuery;
import io.github.aetherjava.proto.v1.TaskQueryResponse;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import io.github.aetherjava.proto.v1.WaitSpec;
import java.time.Clock;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code CreateTaskRequest}, {@code TaskQuery} and {@code TaskOperation} with the real gateway's
 * modes, status strings, transitions and texts. Errors that answer a request carry its id.
 */
final class TaskComponent implements Dispatcher.Component {

  /** Largest task payload the gateway accepts. */
  static final int MAX_PAYLOAD = 512 * 1024;

  private final TaskStore store;
  private final TaskNotifier notifier;
  private final TaskDelivery delivery;
  private final Orchestration orchestration;
  private final SessionRegistry sessions;
  private final Policy policy;
  private final AuthorityComponent authority;

  private TaskComponent(
      TaskStore store,
      TaskNotifier notifier,
      TaskDelivery delivery,
      Orchestration orchestration,
      SessionRegistry sessions,
      Policy policy,
      AuthorityComponent authority) {
    this.authority = authority;
    this.store = store;
    this.notifier = notifier;
    this.delivery = delivery;
    this.orchestration = orchestration;
    this.sessions = sessions;
    this.policy = policy;
  }

  /**
   * Wires the task store, its notices, delivery and lazy start into {@code dispatcher}.
   *
   * @return the lazy-start engine, which an administrator's agent launch also uses
   */
  static Orchestration install(
      Dispatcher dispatcher,
      Router router,
      SessionRegistry sessions,
      AgentRegistry agents,
      Policy policy,
      Clock clock,
      AuthorityComponent authority) {
    TaskStore store = new TaskStore(clock);
    TaskNotifier notifier =
        new TaskNotifier(store, router, clock, (s, t) -> mayAccess(policy, s, t));
    TaskDelivery delivery = new TaskDelivery(store, notifier, sessions, clock);
    Orchestration orchestration =
        new Orchestration(store, notifier, delivery, sessions, agents, clock);
    notifier.register(dispatcher);
    orchestration.register(dispatcher);
    new TaskComponent(store, notifier, delivery, orchestration, sessions, policy, authority)
        .register(dispatcher);
    return orchestration;
  }

  @Override
  public void register(Dispatcher dispatcher) {
    dispatcher.on(UpstreamMessage.PayloadCase.CREATE_TASK, (s, f) -> create(s, f.getCreateTask()));
    dispatcher.on(UpstreamMessage.PayloadCase.TASK_QUERY, (s, f) -> query(s, f.getTaskQuery()));
    dispatcher.on(UpstreamMessage.PayloadCase.TASK_OP, (s, f) -> operate(s, f.getTaskOp()));
  }

  /**
   * Creator and assignee always (compared with the caller's topic, as the real gateway does, so an
   * orchestrator, whose topic is empty, never matches); otherwise a caller of the same workspace
   * (or without one) only where there is no ACL service (permissive policy). Everyone else is told
   * "task not found".
   */
  static boolean mayAccess(Policy policy, Session s, TaskInfo t) {
    String me = s.identity().topic();
    if (!me.isEmpty() && (t.getCreatorActorId().equals(me) || t.getAssignedTo().equals(me))) {
      return true;
    }
    String ws = s.workspace();
    if (!ws.isEmpty() && !ws.equals(t.getWorkspace())) {
      return false;
    }
    return policy.mode() == PolicyMode.PERMISSIVE;
  }

  // ------------------------------------------------------------------ create

  private void create(Session session, CreateTaskRequest req) {
    String requestId = req.getRequestId();
    Identity caller = session.identity();
    String ws = req.getWorkspace().isEmpty() ? session.workspace() : req.getWorkspace();
    String problem = IdentityResolver.tokenProblem(ws, "workspace");
    if (problem == null && !req.getTargetImplementation().isEmpty()) {
      problem = IdentityResolver.tokenProblem(req.getTargetImplementation(), "implementation");
    }
    if (problem != null) {
      session.send(Frames.error("ERR_INVALID_IDENTIFIER", problem, requestId));
      return;
    }
    if (req.getPayload().size() > MAX_PAYLOAD) {
      refuse(
          session,
          requestId,
          "TASK_PAYLOAD_TOO_LARGE",
          "task payload size "
              + req.getPayload().size()
              + " exceeds maximum "
              + MAX_PAYLOAD
              + " bytes");
      return;
    }
    ACLAuthorityGrantInfo onBehalf = null;
    if (req.hasAuthorization()) {
      try {
        onBehalf = authority.authorize(session, req.getAuthorization());
      } catch (GrantStore.GrantException e) {
        refuse(session, requestId, "ERR_PERMISSION_DENIED", "invalid authorization context");
        return;
      }
    }
    if (policy.mode() == PolicyMode.LITE_PARITY && !mayCreate(caller, onBehalf, ws)) {
      refuse(
          session,
          requestId,
          "ERR_PERMISSION_DENIED",
          "not authorized to create tasks in workspace " + ws);
      return;
    }
    String idempotencyKey = req.getIdempotencyKey();
    if (!idempotencyKey.isEmpty()) {
      String existing = store.claimIdempotencyKey(idempotencyKey);
      if (existing != null) {
        respond(session, requestId, CreateTaskResponse.newBuilder().setTaskId(existing), "");
        return;
      }
    }
    TaskStore.Task t = store.newTask(req.getTaskType(), ws, caller.key());
    t.metadata.putAll(req.getMetadataMap());
    if (onBehalf != null) {
      stampAuthority(t.metadata, onBehalf);
    }
    t.payload = req.getPayload();
    t.taskClass = req.getTaskClass();
    t.contextId = req.getContextId();
    t.correlationId = req.getCorrelationId();
    t.rootTaskId = req.getRootTaskId();
    t.priority =
        req.getPriority() == TaskPriority.TASK_PRIORITY_UNSPECIFIED
                || req.getPriority() == TaskPriority.UNRECOGNIZED
            ? TaskPriority.TASK_PRIORITY_NORMAL
            : req.getPriority();
    if (req.hasRetryPolicy() && req.getRetryPolicy().getMaxAttempts() > 0) {
      t.maxAttempts = req.getRetryPolicy().getMaxAttempts();
    }
    if (req.hasCompletionEvent()) {
      t.completionEvent = req.getCompletionEvent();
    }
    String parent = sessionTask(session);
    t.parentTaskId = parent == null ? "" : parent;
    if (t.rootTaskId.isEmpty() && parent != null) {
      t.rootTaskId = store.read(parent, r -> r.rootTaskId.isEmpty() ? r.id : r.rootTaskId);
    }
    String status;
    String assignedTo = "";
    switch (req.getAssignmentMode()) {
      case TARGETED -> {
        String[] target = req.getTargetAgentId().split(Identity.SEP, -1);
        if (target.length != 4
            || !target[0].equals("ag")
            || !orchestration.isRegistered(target[2])) {
          createFailed(session, requestId, idempotencyKey);
          return;
        }
        t.targetTopic = req.getTargetAgentId();
        t.targetImplementation = target[2];
        if (Orchestration.STARTUP_TYPE.equals(req.getTaskType())) {
          orchestration.trigger(
              target[1],
              target[2],
              target[3],
              req.getTargetAgentId(),
              caller.key(),
              req.getLaunchParamOverridesMap());
          String startup =
              store
                  .find(
                      r ->
                          r.type.equals(Orchestration.STARTUP_TYPE)
                              && !r.state.isFinished()
                              && r.targetTopic.equals(req.getTargetAgentId()))
                  .stream()
                  .findFirst()
                  .map(TaskInfo::getTaskId)
                  .orElse("");
          finishCreate(
              session, requestId, idempotencyKey, startup, "orchestration_triggered", "", req);
          return;
        }
        // queued first, then claimed for the agent if it is connected: the claim is atomic with
        // the agent's own scan of queued tasks when it connects, so the task is delivered once
        t.queuedFor = req.getTargetAgentId();
        status = "orchestration_triggered";
      }
      case POOL -> {
        if (req.getTargetImplementation().isEmpty()) {
          createFailed(session, requestId, idempotencyKey);
          return;
        }
        t.targetImplementation = req.getTargetImplementation();
        t.pool = true;
        status = "pending_pool";
      }
      default -> {
        t.state = TaskState.ASSIGNED;
        t.assignedTo = caller.key();
        assignedTo = caller.key();
        status = "assigned";
      }
    }
    store.add(t);
    if (req.getAssignmentMode() == TaskAssignmentMode.TARGETED) {
      String id = t.id;
      Session agent = sessions.byIdentity(req.getTargetAgentId());
      if (agent != null && agent.isStarted()) {
        delivery.assign(agent, r -> r.id.equals(id) && r.state == TaskState.PENDING);
      }
      String holder = store.read(id, r -> r.assignedTo);
      if (holder != null && !holder.isEmpty()) {
        status = "assigned";
        assignedTo = holder;
      } else {
        String[] target = req.getTargetAgentId().split(Identity.SEP, -1);
        orchestration.trigger(
            target[1],
            target[2],
            target[3],
            req.getTargetAgentId(),
            caller.key(),
            req.getLaunchParamOverridesMap());
      }
    } else if (t.pool) {
      delivery.offerPool(t.id, ws, t.targetImplementation);
    }
    finishCreate(session, requestId, idempotencyKey, t.id, status, assignedTo, req);
  }

  private void finishCreate(
      Session session,
      String requestId,
      String idempotencyKey,
      String taskId,
      String status,
      String assignedTo,
      CreateTaskRequest req) {
    if (!idempotencyKey.isEmpty()) {
      store.recordIdempotencyKey(idempotencyKey, taskId);
    }
    String token =
        req.getTargetIdentity().isEmpty() || taskId.isEmpty()
            ? ""
            : orchestration.mintToken(req.getTargetIdentity(), taskId);
    respond(
        session,
        requestId,
        CreateTaskResponse.newBuilder()
            .setTaskId(taskId)
            .setStatus(status)
            .setAssignedTo(assignedTo),
        token);
  }

  private void createFailed(Session session, String requestId, String idempotencyKey) {
    if (!idempotencyKey.isEmpty()) {
      store.recordIdempotencyKey(idempotencyKey, "");
    }
    refuse(session, requestId, "ERR_TASK_CREATE_FAILED", "failed to create task");
  }

  /**
   * Under lite parity: the caller's type (AetherLite's seeded rules), or for an on-behalf-of
   * request the grant's constraints and then the subject's type, as the real gateway checks the
   * subject's rules instead of the caller's.
   */
  private static boolean mayCreate(
      Identity caller, @Nullable ACLAuthorityGrantInfo onBehalf, String workspace) {
    if (onBehalf == null || caller.type() == PrincipalType.PRINCIPAL_WORKFLOW_ENGINE) {
      return mayCreateUnderLiteAcl(caller.type());
    }
    if (AuthorityComponent.constraintDenial(
            onBehalf,
            AclRules.RESOURCE_WORKSPACE,
            workspace,
            "task_create",
            workspace,
            AclRules.READ_WRITE)
        != null) {
      return false;
    }
    return switch (onBehalf.getSubject().getPrincipalType()) {
      case "agent", "task", "user" -> true;
      default -> false;
    };
  }

  /** The on-behalf-of keys AetherLite adds to a task's metadata. */
  private static void stampAuthority(Map<String, String> metadata, ACLAuthorityGrantInfo g) {
    metadata.put("authority_mode", "on_behalf_of");
    metadata.put("subject_type", modelType(g.getSubject().getPrincipalType()));
    metadata.put("subject_id", g.getSubject().getPrincipalId());
    metadata.put("root_subject_type", modelType(g.getRootSubject().getPrincipalType()));
    metadata.put("root_subject_id", g.getRootSubject().getPrincipalId());
    metadata.put("authority_grant_id", g.getGrantId());
    metadata.put(
        "root_authority_grant_id",
        g.getRootGrantId().isEmpty() ? g.getGrantId() : g.getRootGrantId());
    if (!g.getParentGrantId().isEmpty()) {
      metadata.put("parent_authority_grant_id", g.getParentGrantId());
    }
  }

  /**
   * AetherLite's model spelling of an ACL principal type ("user" is "User"): the gateway's two
   * existing spellings ({@link AclRules#principalType}, {@link Identity#typeName}) joined.
   */
  private static String modelType(String aclType) {
    for (PrincipalType p : PrincipalType.values()) {
      if (p != PrincipalType.UNRECOGNIZED
          && p != PrincipalType.PRINCIPAL_TYPE_UNSPECIFIED
          && AclRules.principalType(p).equals(aclType)) {
        return Identity.typeName(p);
      }
    }
    return aclType;
  }

  /** AetherLite's seeded ACL: agents, tasks and users may create; the workflow engine always. */
  private static boolean mayCreateUnderLiteAcl(PrincipalType type) {
    return switch (type) {
      case PRINCIPAL_AGENT, PRINCIPAL_TASK, PRINCIPAL_USER, PRINCIPAL_WORKFLOW_ENGINE -> true;
      default -> false;
    };
  }

  /** The task a token-authenticated session works on, or null. */
  private String sessionTask(Session session) {
    return orchestration.boundTask(session);
  }

  private static void refuse(Session session, String requestId, String code, String message) {
    session.send(Frames.error(code, message, requestId));
    if (!requestId.isEmpty()) {
      session.send(
          DownstreamMessage.newBuilder()
              .setCreateTask(
                  CreateTaskResponse.newBuilder()
                      .setSuccess(false)
                      .setErrorCode(code)
                      .setErrorMessage(message)
                      .setRequestId(requestId))
              .build());
    }
  }

  private static void respond(
      Session session, String requestId, CreateTaskResponse.Builder r, String token) {
    if (requestId.isEmpty()) {
      return;
    }
    session.send(
        DownstreamMessage.newBuilder()
            .setCreateTask(r.setSuccess(true).setRequestId(requestId).setTaskToken(token))
            .build());
  }

  // ------------------------------------------------------------------ query

  private void query(Session session, TaskQuery q) {
    TaskQueryResponse.Builder r = TaskQueryResponse.newBuilder().setRequestId(q.getRequestId());
    if (q.getOp() == TaskQuery.OpType.GET) {
      TaskInfo t = store.get(q.getTaskId());
      if (t == null || !mayAccess(policy, session, t)) {
        r.setSuccess(false).setError("task not found");
      } else {
        r.setSuccess(true).setTask(t);
      }
    } else {
      try {
        TaskStore.Page page = store.list(q.getFilter(), session.workspace());
        r.setSuccess(true)
            .addAllTasks(page.tasks())
            .setTotalCount(page.tasks().size())
            .setNextPageToken(page.nextPageToken());
      } catch (IllegalArgumentException e) {
        r.setSuccess(false).setError(e.getMessage());
      }
    }
    session.send(DownstreamMessage.newBuilder().setTaskQuery(r).build());
  }

  // ------------------------------------------------------------------ operations

  private void operate(Session session, TaskOperation op) {
    TaskInfo before = store.get(op.getTaskId());
    TaskStore.Outcome o;
    if (before == null || !mayAccess(policy, session, before)) {
      o = TaskStore.Outcome.failed("task not found");
    } else {
      o = apply(session, op, before);
    }
    if (o.change() != null) {
      notifier.changed(o.change());
      TaskState to = o.change().to();
      if (to.isFinished()) {
        orchestration.revokeTokens(op.getTaskId());
      }
    }
    TaskOperationResponse.Builder r =
        TaskOperationResponse.newBuilder()
            .setSuccess(o.success())
            .setMessage(o.message())
            .setError(o.error())
            .setRequestId(op.getRequestId());
    if (o.task() != null) {
      r.setTask(o.task());
    }
    session.send(DownstreamMessage.newBuilder().setTaskOp(r).build());
  }

  private TaskStore.Outcome apply(Session session, TaskOperation op, TaskInfo before) {
    String id = op.getTaskId();
    return switch (op.getOp()) {
      case CANCEL -> store.cancel(id, op.getReason());
      case RETRY -> {
        TaskStore.Outcome o = store.retry(id);
        if (o.success()) {
          redeliver(id);
        }
        yield o;
      }
      case COMPLETE -> store.complete(id);
      case FAIL -> store.fail(id, op.getReason().isEmpty() ? "task failed" : op.getReason());
      case CLAIM -> store.claim(id, session.identity().key());
      case REJECT -> store.reject(id, op.getReason().isEmpty() ? "rejected" : op.getReason());
      case PAUSE -> pause(id, op);
      case WAIT_FOR -> {
        if (!op.hasWaitSpec() || op.getWaitSpec().getDependsOnCount() == 0) {
          yield TaskStore.Outcome.failed("wait_spec.depends_on is required for WAIT_FOR");
        }
        yield store.waitFor(id, op.getWaitSpec());
      }
      case RESUME -> store.resume(id);
      default -> TaskStore.Outcome.failed("unknown task operation");
    };
  }

  /** A retried task goes back to its agent or to the pool, as on creation. */
  private void redeliver(String id) {
    String[] where =
        store.read(
            id, r -> new String[] {r.queuedFor, r.workspace, r.pool ? r.targetImplementation : ""});
    if (where == null) {
      return;
    }
    if (!where[0].isEmpty()) {
      Session agent = sessions.byIdentity(where[0]);
      if (agent != null) {
        delivery.assign(
            agent, r -> r.id.equals(id) && r.state == TaskState.PENDING && !r.queuedFor.isEmpty());
      }
    } else if (!where[2].isEmpty()) {
      delivery.offerPool(id, where[1], where[2]);
    }
  }

  private TaskStore.Outcome pause(String id, TaskOperation op) {
    if (!op.hasWaitSpec()) {
      return TaskStore.Outcome.failed("wait_spec is required for PAUSE");
    }
    WaitSpec spec = op.getWaitSpec();
    TaskState to =
        switch (spec.getReason()) {
          case WAIT_REASON_AUTHORITY -> TaskState.WAITING_AUTHORITY;
          case WAIT_REASON_DEPENDENCY -> TaskState.WAITING_DEPENDENCY;
          case WAIT_REASON_HIBERNATION -> TaskState.HIBERNATED;
          default -> TaskState.WAITING_INPUT;
        };
    TaskStore.Outcome o = store.pause(id, to, spec);
    if (o.success() && to == TaskState.HIBERNATED && o.task() != null) {
      Session worker = sessions.byIdentity(o.task().getAssignedTo());
      if (worker != null) {
        worker.send(
            DownstreamMessage.newBuilder()
                .setTaskHibernated(
                    TaskHibernated.newBuilder()
                        .setTaskId(id)
                        .setHibernationDescriptor(spec.getHibernation()))
                .build());
      }
    }
    return o;
  }
}
