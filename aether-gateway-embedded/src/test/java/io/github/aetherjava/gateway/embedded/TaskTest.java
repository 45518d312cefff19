/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded;

import static io.github.aetherjava.gateway.embedded.TestClient.agent;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.github.aetherjava.proto.v1.CreateTaskRequest;
import io.github.aetherjava.proto.v1.CreateTaskResponse;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.ErrorResponse;
import io.github.aetherjava.proto.v1.ProgressReport;
import io.github.aetherjava.proto.v1.ProgressUpdate;
import io.github.aetherjava.proto.v1.TaskAssignment;
import io.github.aetherjava.proto.v1.TaskAssignmentMode;
import io.github.aetherjava.proto.v1.TaskEvent;
import io.github.aetherjava.proto.v1.TaskFilter;
import io.github.aetherjava.proto.v1.TaskOperation;
import io.github.aetherjava.proto.v1.TaskOperationResponse;
import io.github.aetherjava.proto.v1.TaskQuery;
import io.github.aetherjava.proto.v1.TaskQueryResponse;
import io.github.aetherjava.proto.v1.TaskStatus;
import io.github.aetherjava.proto.v1.TaskSubscriptionOperation;
import io.github.aetherjava.proto.v1.TaskSubscriptionOperationResponse;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import io.github.aetherjava.proto.v1.WaitReason;
import io.github.aetherjava.proto.v1.WaitSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TaskTest extends GatewayTestBase {

  static CreateTaskResponse create(TestClient c, CreateTaskRequest.Builder req) {
    String id = UUID.randomUUID().toString();
    c.send(UpstreamMessage.newBuilder().setCreateTask(req.setRequestId(id)).build());
    return c.next(f -> f.hasCreateTask() && f.getCreateTask().getRequestId().equals(id))
        .getCreateTask();
  }

  static TaskQueryResponse query(TestClient c, TaskQuery.Builder q) {
    String id = UUID.randomUUID().toString();
    c.send(UpstreamMessage.newBuilder().setTaskQuery(q.setRequestId(id)).build());
    return c.next(f -> f.hasTaskQuery() && f.getTaskQuery().getRequestId().equals(id))
        .getTaskQuery();
  }

  static TaskQueryResponse get(TestClient c, String taskId) {
    return query(c, TaskQuery.newBuilder().setOp(TaskQuery.OpType.GET).setTaskId(taskId));
  }

  static TaskOperationResponse op(TestClient c, TaskOperation.OpType type, String taskId) {
    return op(c, TaskOperation.newBuilder().setOp(type).setTaskId(taskId));
  }

  static TaskOperationResponse op(TestClient c, TaskOperation.Builder op) {
    String id = UUID.randomUUID().toString();
    c.send(UpstreamMessage.newBuilder().setTaskOp(op.setRequestId(id)).build());
    return c.next(f -> f.hasTaskOp() && f.getTaskOp().getRequestId().equals(id)).getTaskOp();
  }

  @Test
  void selfAssignedTaskIsAssignedToItsCreatorAndReadable() {
    TestClient a = connected(agent("ws", "impl", "a"));
    CreateTaskResponse r =
        create(
            a,
            CreateTaskRequest.newBuilder()
                .setTaskType("report")
                .putMetadata("k", "v")
                .setContextId("ctx")
                .setCorrelationId("corr"));
    assertThat(r.getSuccess()).isTrue();
    assertThat(r.getStatus()).isEqualTo("assigned");
    assertThat(r.getAssignedTo()).isEqualTo("ag::ws::impl::a");
    TaskQueryResponse got = get(a, r.getTaskId());
    assertThat(got.getSuccess()).isTrue();
    assertThat(got.getTask().getStatus()).isEqualTo(TaskStatus.TASK_STATUS_QUEUED);
    assertThat(got.getTask().getWorkspace()).isEqualTo("ws");
    assertThat(got.getTask().getMetadataMap()).containsEntry("k", "v");
    assertThat(got.getTask().getCreatorActorId()).isEqualTo("ag::ws::impl::a");
    assertThat(got.getTask().getContextId()).isEqualTo("ctx");
    assertThat(got.getTask().getMaxAttempts()).isEqualTo(3);
  }

  @Test
  void aRefusedCreateCarriesTheRequestId() {
    TestClient user = connected(TestClient.user("alice", "w1")); // no workspace yet
    user.send(
        UpstreamMessage.newBuilder()
            .setCreateTask(CreateTaskRequest.newBuilder().setTaskType("x").setRequestId("r-1"))
            .build());
    ErrorResponse e = user.nextError();
    assertThat(e.getCode()).isEqualTo("ERR_INVALID_IDENTIFIER");
    assertThat(e.getMessage()).isEqualTo("invalid workspace: must not be empty");
    assertThat(e.getRequestId()).isEqualTo("r-1");
  }

  @Test
  void poolTasksReachExactlyOneWorkerEach() {
    List<TestClient> workers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      workers.add(connected(agent("ws", "worker", "w" + i)));
    }
    TestClient creator = connected(agent("ws", "boss", "b"));
    Set<String> created = new HashSet<>();
    for (int i = 0; i < 9; i++) {
      CreateTaskResponse r =
          create(
              creator,
              CreateTaskRequest.newBuilder()
                  .setTaskType("job")
                  .setAssignmentMode(TaskAssignmentMode.POOL)
                  .setTargetImplementation("worker")
                  .setPayload(ByteString.copyFromUtf8("p" + i)));
      assertThat(r.getStatus()).isEqualTo("pending_pool");
      assertThat(r.getAssignedTo()).isEmpty();
      created.add(r.getTaskId());
    }
    TaskQueryResponse all =
        query(
            creator,
            TaskQuery.newBuilder()
                .setOp(TaskQuery.OpType.LIST)
                .setFilter(TaskFilter.newBuilder().setTaskType("job")));
    List<String> delivered = new ArrayList<>();
    for (int i = 0; i < workers.size(); i++) {
      String identity = "ag::ws::worker::w" + i;
      long mine =
          all.getTasksList().stream().filter(t -> t.getAssignedTo().equals(identity)).count();
      for (int j = 0; j < mine; j++) {
        TaskAssignment a =
            workers.get(i).next(DownstreamMessage::hasTaskAssignment).getTaskAssignment();
        assertThat(a.getAssignedTo()).isEqualTo(identity);
        delivered.add(a.getTaskId());
      }
    }
    assertThat(delivered).hasSize(9).containsExactlyInAnyOrderElementsOf(created);
  }

  @Test
  void aPoolTaskWaitsForTheNextAgentOfItsImplementation() {
    TestClient creator = connected(agent("ws", "boss", "b"));
    String id =
        create(
                creator,
                CreateTaskRequest.newBuilder()
                    .setTaskType("job")
                    .setAssignmentMode(TaskAssignmentMode.POOL)
                    .setTargetImplementation("late"))
            .getTaskId();
    TestClient worker = connected(agent("ws", "late", "x"));
    assertThat(worker.next(DownstreamMessage::hasTaskAssignment).getTaskAssignment().getTaskId())
        .isEqualTo(id);
    assertThat(get(creator, id).getTask().getAssignedTo()).isEqualTo("ag::ws::late::x");
  }

  @Test
  void operationsFollowTheTransitionTableAndTellTheCreator() {
    TestClient creator = connected(agent("ws", "boss", "b"));
    TestClient worker = connected(agent("ws", "worker", "w"));
    String id =
        create(
                creator,
                CreateTaskRequest.newBuilder()
                    .setTaskType("job")
                    .setAssignmentMode(TaskAssignmentMode.POOL)
                    .setTargetImplementation("worker"))
            .getTaskId();
    worker.next(DownstreamMessage::hasTaskAssignment);

    TaskOperationResponse claimed = op(worker, TaskOperation.OpType.CLAIM, id);
    assertThat(claimed.getSuccess()).isTrue();
    assertThat(claimed.getMessage()).isEqualTo("task claimed");
    assertThat(claimed.getTask().getStatus()).isEqualTo(TaskStatus.TASK_STATUS_RUNNING);
    ProgressUpdate notice =
        creator
            .next(f -> f.hasProgressUpdate() && f.getProgressUpdate().getState().equals("running"))
            .getProgressUpdate();
    assertThat(notice.getRecipient()).isEqualTo("ag::ws::boss::b");
    assertThat(notice.getSummary()).isEqualTo("task running");

    TaskOperationResponse resume = op(worker, TaskOperation.OpType.RESUME, id);
    assertThat(resume.getSuccess()).isFalse();

    TaskOperationResponse paused =
        op(
            worker,
            TaskOperation.newBuilder()
                .setOp(TaskOperation.OpType.PAUSE)
                .setTaskId(id)
                .setWaitSpec(WaitSpec.newBuilder().setReason(WaitReason.WAIT_REASON_INPUT)));
    assertThat(paused.getMessage()).isEqualTo("task paused");
    assertThat(paused.getTask().getStatus()).isEqualTo(TaskStatus.TASK_STATUS_WAITING_INPUT);
    assertThat(op(worker, TaskOperation.OpType.RESUME, id).getMessage()).isEqualTo("task resumed");

    TaskOperationResponse retry = op(creator, TaskOperation.OpType.RETRY, id);
    assertThat(retry.getSuccess()).isFalse();
    assertThat(retry.getError()).isEqualTo("task " + id + " not found or not in retryable state");

    TaskOperationResponse failed =
        op(worker, TaskOperation.newBuilder().setOp(TaskOperation.OpType.FAIL).setTaskId(id));
    assertThat(failed.getMessage()).isEqualTo("task marked as failed");
    assertThat(failed.getTask().getError()).isEqualTo("task failed");
    assertThat(failed.getTask().getAttempt()).isEqualTo(1);

    assertThat(op(creator, TaskOperation.OpType.RETRY, id).getMessage())
        .isEqualTo("task queued for retry");
    // back in the pool: the only worker gets it again
    assertThat(worker.next(DownstreamMessage::hasTaskAssignment).getTaskAssignment().getTaskId())
        .isEqualTo(id);
    assertThat(op(worker, TaskOperation.OpType.COMPLETE, id).getMessage())
        .isEqualTo("task completed");
    TaskOperationResponse cancel = op(creator, TaskOperation.OpType.CANCEL, id);
    assertThat(cancel.getSuccess()).isFalse();
    assertThat(
            op(worker, TaskOperation.newBuilder().setOp(TaskOperation.OpType.REJECT).setTaskId(id))
                .getError())
        .isEqualTo("invalid task status transition from completed to rejected");
  }

  @Test
  void statusNoticesReachOnlyTheCreatorsWindow() {
    TestClient w1 = connected(TestClient.user("alice", "w1"));
    TestClient w2 = connected(TestClient.user("alice", "w2"));
    TestClient bob = connected(TestClient.user("bob", "w1"));
    TestClient agentInWs = connected(agent("ws", "other", "o"));
    for (TestClient u : List.of(w1, w2, bob)) {
      u.switchWorkspace("ws");
    }
    TestClient worker = connected(agent("ws", "worker", "w"));
    String id =
        create(
                w1,
                CreateTaskRequest.newBuilder()
                    .setTaskType("job")
                    .setAssignmentMode(TaskAssignmentMode.POOL)
                    .setTargetImplementation("worker"))
            .getTaskId();
    worker.next(DownstreamMessage::hasTaskAssignment);
    op(worker, TaskOperation.OpType.CLAIM, id);
    op(worker, TaskOperation.OpType.COMPLETE, id);
    // the creator's window gets every notice, in order ("assigned" came with the create and was
    // skipped while waiting for the response)
    for (String state : List.of("running", "completed")) {
      ProgressUpdate n = w1.next(DownstreamMessage::hasProgressUpdate).getProgressUpdate();
      assertThat(n.getState()).isEqualTo(state);
      assertThat(n.getTaskId()).isEqualTo(id);
      assertThat(n.getRecipient()).isEqualTo("us::alice::w1");
      assertThat(n.getSource()).isEqualTo("aetherlite");
    }
    // progress addressed to each of the others afterwards is the first progress they see (one
    // lane queue per session), so no notice reached them
    Map<TestClient, String> others =
        Map.of(w2, "us::alice::w2", bob, "us::bob::w1", agentInWs, "ag::ws::other::o");
    others.forEach(
        (other, topic) ->
            worker.send(
                UpstreamMessage.newBuilder()
                    .setProgress(
                        ProgressReport.newBuilder()
                            .setTaskId(id)
                            .setSummary("marker")
                            .setRecipient(topic))
                    .build()));
    others.forEach(
        (other, topic) ->
            assertThat(
                    other
                        .next(DownstreamMessage::hasProgressUpdate)
                        .getProgressUpdate()
                        .getSummary())
                .as("first progress seen by %s", topic)
                .isEqualTo("marker"));
  }

  @Test
  void listingFiltersAndPages() {
    TestClient a = connected(agent("ws", "impl", "a"));
    for (int i = 0; i < 5; i++) {
      create(a, CreateTaskRequest.newBuilder().setTaskType(i % 2 == 0 ? "even" : "odd"));
    }
    TaskQueryResponse evens =
        query(
            a,
            TaskQuery.newBuilder()
                .setOp(TaskQuery.OpType.LIST)
                .setFilter(TaskFilter.newBuilder().setTaskType("even")));
    assertThat(evens.getTasksList()).hasSize(3).allMatch(t -> t.getTaskType().equals("even"));

    TaskQueryResponse first =
        query(
            a,
            TaskQuery.newBuilder()
                .setOp(TaskQuery.OpType.LIST)
                .setFilter(TaskFilter.newBuilder().setLimit(2)));
    assertThat(first.getTasksList()).hasSize(2);
    assertThat(first.getTotalCount()).isEqualTo(2);
    assertThat(first.getNextPageToken()).isNotEmpty();
    Set<String> seen = new HashSet<>();
    first.getTasksList().forEach(t -> seen.add(t.getTaskId()));
    String token = first.getNextPageToken();
    while (!token.isEmpty()) {
      TaskQueryResponse page =
          query(
              a,
              TaskQuery.newBuilder()
                  .setOp(TaskQuery.OpType.LIST)
                  .setFilter(TaskFilter.newBuilder().setLimit(2).setPageToken(token)));
      page.getTasksList().forEach(t -> assertThat(seen.add(t.getTaskId())).isTrue());
      token = page.getNextPageToken();
    }
    assertThat(seen).hasSize(5);
    TaskQueryResponse queued =
        query(
            a,
            TaskQuery.newBuilder()
                .setOp(TaskQuery.OpType.LIST)
                .setFilter(TaskFilter.newBuilder().addStatuses(TaskStatus.TASK_STATUS_RUNNING)));
    assertThat(queued.getTasksList()).isEmpty();
  }

  @Test
  void otherWorkspacesSeeTaskNotFound() {
    TestClient a = connected(agent("ws", "impl", "a"));
    TestClient other = connected(agent("elsewhere", "impl", "o"));
    String id = create(a, CreateTaskRequest.newBuilder().setTaskType("x")).getTaskId();
    TaskQueryResponse r = get(other, id);
    assertThat(r.getSuccess()).isFalse();
    assertThat(r.getError()).isEqualTo("task not found");
    TaskOperationResponse c = op(other, TaskOperation.OpType.CANCEL, id);
    assertThat(c.getSuccess()).isFalse();
    assertThat(c.getError()).isEqualTo("task not found");
  }

  @Test
  void orchestratorStartsAnOfflineAgentWithATaskToken() {
    gateway.registerAgent("helper", "default", Map.of("image", "helper:1"));
    TestClient orc = connected(TestClient.orchestrator("launcher", "o1"));
    TestClient sender = connected(agent("ws", "caller", "c"));
    sender.sendMessage("ag::ws::helper::h1", "wake up");

    TaskAssignment a = orc.next(DownstreamMessage::hasTaskAssignment).getTaskAssignment();
    assertThat(a.getTaskType()).isEqualTo("agent_startup");
    assertThat(a.getProfile()).isEqualTo("default");
    assertThat(a.getTargetImplementation()).isEqualTo("helper");
    assertThat(a.getWorkspace()).isEqualTo("ws");
    assertThat(a.getSpecifier()).isEqualTo("h1");
    assertThat(a.getLaunchParamsMap()).containsEntry("image", "helper:1").containsKey("auth_token");
    // a second message while the start is under way starts nothing more
    sender.sendMessage("ag::ws::helper::h1", "again");

    TestClient helper = client();
    helper.connect(
        agent("ws", "helper", "h1").toBuilder()
            .putCredentials("token", a.getLaunchParamsOrThrow("auth_token"))
            .build());
    assertThat(helper.nextMessage().getPayload().toStringUtf8()).isEqualTo("wake up");
    assertThat(helper.nextMessage().getPayload().toStringUtf8()).isEqualTo("again");
    // the connect marks the startup task running after the session starts, so the replayed
    // messages may arrive first
    org.awaitility.Awaitility.await()
        .until(
            () -> get(orc, a.getTaskId()).getTask().getStatus(),
            s -> s == TaskStatus.TASK_STATUS_RUNNING);
    helper.halfClose();
    helper.awaitClosed();
    org.awaitility.Awaitility.await()
        .until(
            () -> get(orc, a.getTaskId()).getTask().getStatus(),
            s -> s == TaskStatus.TASK_STATUS_COMPLETED);
  }

  @Test
  void taskEventsReachSubscribersUntilTheyUnsubscribe() {
    TestClient creator = connected(agent("ws", "boss", "b"));
    TestClient watcher = connected(agent("ws", "watch", "w"));
    String id = create(creator, CreateTaskRequest.newBuilder().setTaskType("x")).getTaskId();
    watcher.send(
        UpstreamMessage.newBuilder()
            .setTaskSubscriptionOp(
                TaskSubscriptionOperation.newBuilder()
                    .setOp(TaskSubscriptionOperation.OpType.SUBSCRIBE)
                    .setTaskId(id)
                    .setClientRequestId("s1"))
            .build());
    TaskSubscriptionOperationResponse sub =
        watcher.next(DownstreamMessage::hasTaskSubscriptionResponse).getTaskSubscriptionResponse();
    assertThat(sub.getSuccess()).isTrue();
    assertThat(sub.getClientRequestId()).isEqualTo("s1");
    creator.send(
        UpstreamMessage.newBuilder()
            .setProgress(
                ProgressReport.newBuilder().setTaskId(id).setCompletion(0.5).setSummary("half"))
            .build());
    TaskEvent progress = watcher.next(DownstreamMessage::hasTaskEvent).getTaskEvent();
    assertThat(progress.getProgress().getProgress()).isEqualTo(0.5);
    assertThat(progress.getSubscriptionId()).isEqualTo(sub.getSubscriptionId());
    op(creator, TaskOperation.OpType.CLAIM, id);
    TaskEvent status = watcher.next(DownstreamMessage::hasTaskEvent).getTaskEvent();
    assertThat(status.getStatusChanged().getFromStatus()).isEqualTo(TaskStatus.TASK_STATUS_QUEUED);
    assertThat(status.getStatusChanged().getToStatus()).isEqualTo(TaskStatus.TASK_STATUS_RUNNING);
  }

  @Test
  void targetedTaskReachesItsOnlineAgent() {
    gateway.registerAgent("helper", "local", Map.of());
    TestClient helper = connected(agent("ws", "helper", "h"));
    TestClient creator = connected(agent("ws", "boss", "b"));
    CreateTaskResponse r =
        create(
            creator,
            CreateTaskRequest.newBuilder()
                .setTaskType("do")
                .setAssignmentMode(TaskAssignmentMode.TARGETED)
                .setTargetAgentId("ag::ws::helper::h"));
    assertThat(r.getStatus()).isEqualTo("assigned");
    assertThat(r.getAssignedTo()).isEqualTo("ag::ws::helper::h");
    assertThat(helper.next(DownstreamMessage::hasTaskAssignment).getTaskAssignment().getTaskId())
        .isEqualTo(r.getTaskId());
    CreateTaskResponse unregistered =
        create(
            creator,
            CreateTaskRequest.newBuilder()
                .setTaskType("do")
                .setAssignmentMode(TaskAssignmentMode.TARGETED)
                .setTargetAgentId("ag::ws::nobody::h"));
    assertThat(unregistered.getSuccess()).isFalse();
    assertThat(unregistered.getErrorCode()).isEqualTo("ERR_TASK_CREATE_FAILED");
  }
}
