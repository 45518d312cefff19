/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.BaseOrchestrator;
import io.github.aetherjava.client.ConnectionState;
import io.github.aetherjava.client.GatewayErrorException;
import io.github.aetherjava.client.IncomingMessage;
import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.LaunchRequest;
import io.github.aetherjava.client.OrchestratorClient;
import io.github.aetherjava.client.ReconnectPolicy;
import io.github.aetherjava.client.TaskAssignment;
import io.github.aetherjava.client.UserClient;
import io.github.aetherjava.client.WorkflowEngineClient;
import io.github.aetherjava.client.task.CreateTaskRequest;
import io.github.aetherjava.client.task.CreateTaskResult;
import io.github.aetherjava.client.task.TaskEvent;
import io.github.aetherjava.client.task.TaskHibernation;
import io.github.aetherjava.client.task.TaskInfo;
import io.github.aetherjava.client.task.TaskPage;
import io.github.aetherjava.client.task.TaskPriority;
import io.github.aetherjava.client.task.TaskQuery;
import io.github.aetherjava.client.task.TaskStatus;
import io.github.aetherjava.client.task.TaskSubscription;
import io.github.aetherjava.client.task.WaitReason;
import io.github.aetherjava.client.task.WaitSpec;
import io.github.aetherjava.client.testing.TcpProxy;
import io.github.aetherjava.client.workflow.WorkflowOperationType;
import io.github.aetherjava.client.workflow.WorkflowRequest;
import io.github.aetherjava.client.workflow.WorkflowResult;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tasks, orchestration and workflow operations end to end against the embedded gateway. */
class TaskIntegrationTest {

  private EmbeddedAetherGateway gateway;
  private AetherClientOptions options;
  private final List<AutoCloseable> closeables = new ArrayList<>();

  @BeforeEach
  void start() {
    gateway = EmbeddedAetherGateway.builder().inProcessName("tasks-" + UUID.randomUUID()).start();
    options = AetherClientOptions.builder().address(gateway.inProcessAddress()).build();
  }

  @AfterEach
  void stop() throws Exception {
    for (int i = closeables.size() - 1; i >= 0; i--) {
      closeables.get(i).close();
    }
    gateway.close();
  }

  private <T extends AutoCloseable> T track(T c) {
    closeables.add(c);
    return c;
  }

  private AgentClient agent(String ws, String impl, String spec) {
    return agent(options, ws, impl, spec);
  }

  private AgentClient agent(AetherClientOptions o, String ws, String impl, String spec) {
    AgentClient a =
        track(AgentClient.builder(o).workspace(ws).implementation(impl).specifier(spec).build());
    a.connect().join();
    return a;
  }

  private static Throwable cause(Throwable t) {
    return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
  }

  @Test
  void createReadListAndFinishATask() {
    AgentClient a = agent("ws", "boss", "a");
    CreateTaskResult created =
        a.tasks()
            .createTaskAndAwait(
                CreateTaskRequest.builder("report")
                    .metadata("k", "v")
                    .priority(TaskPriority.HIGH)
                    .correlationId("corr-1")
                    .build())
            .join();
    assertThat(created.status()).isEqualTo("assigned");
    assertThat(created.assignedTo()).isEqualTo(a.identity());

    TaskInfo info = a.tasks().getTask(created.taskId()).join();
    assertThat(info.status()).isEqualTo(TaskStatus.QUEUED);
    assertThat(info.priority()).isEqualTo(TaskPriority.HIGH);
    assertThat(info.metadata()).containsEntry("k", "v");
    assertThat(info.creatorActorId()).isEqualTo(a.identity());
    assertThat(info.createdAt()).isNotNull();

    TaskPage page =
        a.tasks().queryTasks(TaskQuery.builder().correlationId("corr-1").build()).join();
    assertThat(page.tasks()).extracting(TaskInfo::taskId).containsExactly(created.taskId());
    assertThat(a.tasks().claimTask(created.taskId()).join().status()).isEqualTo(TaskStatus.RUNNING);
    assertThat(a.tasks().completeTask(created.taskId()).join().status())
        .isEqualTo(TaskStatus.COMPLETED);
    assertThat(
            a.tasks()
                .queryTasks(TaskQuery.builder().status(TaskStatus.COMPLETED).build())
                .join()
                .tasks())
        .extracting(TaskInfo::taskId)
        .containsExactly(created.taskId());
  }

  @Test
  void refusalsFailAtOnceWithTheGatewaysText() {
    AgentClient a = agent("ws", "boss", "a");
    AgentClient stranger = agent("other", "x", "s");
    String id =
        a.tasks().createTaskAndAwait(CreateTaskRequest.builder("t").build()).join().taskId();
    assertThatThrownBy(() -> stranger.tasks().getTask(id).join())
        .satisfies(
            e ->
                assertThat(cause(e))
                    .isInstanceOf(GatewayErrorException.class)
                    .hasMessageContaining("task not found"));
    assertThatThrownBy(() -> a.tasks().resumeTask(id).join())
        .satisfies(e -> assertThat(cause(e)).hasMessageContaining("is not paused"));
    // a refused create answers with an ErrorResponse carrying the request id
    UserClient user = track(UserClient.builder(options).userId("alice").windowId("w").build());
    user.connect().join();
    assertThatThrownBy(
            () -> user.tasks().createTaskAndAwait(CreateTaskRequest.builder("t").build()).join())
        .satisfies(
            e ->
                assertThat(cause(e))
                    .isInstanceOf(GatewayErrorException.class)
                    .hasMessageContaining("invalid workspace: must not be empty"));
  }

  @Test
  void badInputNamesTheArgument() {
    assertThatThrownBy(() -> CreateTaskRequest.builder(" "))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("taskType");
    assertThatThrownBy(() -> CreateTaskRequest.builder("t").targetAgent("us::alice"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("targetAgent");
    assertThatThrownBy(
            () ->
                CreateTaskRequest.builder("t")
                    .mode(io.github.aetherjava.client.task.AssignmentMode.POOL)
                    .build())
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("targetImplementation");
    assertThatThrownBy(() -> TaskQuery.builder().limit(0))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("limit");
    AgentClient a = agent("ws", "boss", "bad");
    assertThat(a.tasks().getTask(" "))
        .failsWithin(Duration.ofSeconds(5))
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .withCauseInstanceOf(InvalidArgumentException.class)
        .withMessageContaining("taskId");
    assertThat(a.tasks().claimTask(""))
        .failsWithin(Duration.ofSeconds(5))
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .withMessageContaining("taskId");
    assertThat(a.tasks().waitForTasks("t", List.of()))
        .failsWithin(Duration.ofSeconds(5))
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .withMessageContaining("dependsOn");
    assertThat(a.tasks().getTask("t", Duration.ZERO))
        .failsWithin(Duration.ofSeconds(5))
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .withMessageContaining("timeout");
    // the client is still usable after refused input
    assertThat(a.tasks().createTaskAndAwait(CreateTaskRequest.builder("t").build()).join().status())
        .isEqualTo("assigned");
  }

  @Test
  void poolTasksAreDeliveredOnceEachAcrossWorkers() {
    Map<String, List<String>> byWorker = new ConcurrentHashMap<>();
    List<AgentClient> workers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      AgentClient w =
          track(
              AgentClient.builder(options)
                  .workspace("ws")
                  .implementation("worker")
                  .specifier("w" + i)
                  .build());
      w.onTaskAssignment(
          t -> {
            byWorker
                .computeIfAbsent(w.identity(), k -> new CopyOnWriteArrayList<>())
                .add(t.taskId());
            w.tasks().completeTask(t.taskId());
          });
      w.connect().join();
      workers.add(w);
    }
    AgentClient creator = agent("ws", "boss", "b");
    Set<String> created = ConcurrentHashMap.newKeySet();
    int n = 40;
    for (int i = 0; i < n; i++) {
      created.add(
          creator
              .tasks()
              .createTaskAndAwait(
                  CreateTaskRequest.builder("job")
                      .targetImplementation("worker")
                      .payload("job-" + i)
                      .build())
              .join()
              .taskId());
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> byWorker.values().stream().mapToInt(List::size).sum() == n);
    List<String> delivered = byWorker.values().stream().flatMap(List::stream).toList();
    assertThat(delivered).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
    // spread over the workers, not all to one (random choice: 40 tasks all to one has p ~ 1e-23)
    assertThat(byWorker.size()).isGreaterThan(1).isLessThanOrEqualTo(workers.size());
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                creator
                        .tasks()
                        .queryTasks(TaskQuery.builder().status(TaskStatus.COMPLETED).build())
                        .join()
                        .tasks()
                        .size()
                    == n);
  }

  @Test
  void anOrchestratorLaunchesAnOfflineAgentOnDemand() {
    gateway.registerAgent("helper", "local", Map.of("image", "helper:1"));
    List<LaunchRequest> launched = new CopyOnWriteArrayList<>();
    List<IncomingMessage> inbox = new CopyOnWriteArrayList<>();
    List<AgentClient> started = new CopyOnWriteArrayList<>();
    OrchestratorClient oc =
        OrchestratorClient.builder(options)
            .implementation("launcher")
            .supportedProfiles("local")
            .build();
    BaseOrchestrator orchestrator =
        track(
            new BaseOrchestrator(oc) {
              @Override
              protected void launchTask(LaunchRequest r) {
                launched.add(r);
                AgentClient helper =
                    AgentClient.builder(
                            AetherClientOptions.builder()
                                .address(r.gatewayAddress())
                                .credentials(r.credentials())
                                .build())
                        .workspace(r.workspace())
                        .implementation(r.implementation())
                        .specifier(r.specifier())
                        .build();
                helper.onMessage(inbox::add);
                started.add(helper);
                helper.connect().join();
              }
            });
    orchestrator.connect().join();
    AgentClient caller = agent("ws", "caller", "c");
    caller.sendToAgent("ws", "helper", "h1", "hello".getBytes(StandardCharsets.UTF_8)).join();

    await().atMost(Duration.ofSeconds(20)).until(() -> inbox.size() == 1);
    assertThat(new String(inbox.get(0).payload(), StandardCharsets.UTF_8)).isEqualTo("hello");
    LaunchRequest r = launched.get(0);
    assertThat(r.assignment().isAgentStartup()).isTrue();
    assertThat(r.assignment().taskClassValue())
        .isEqualTo(io.github.aetherjava.client.task.TaskClass.INTERACTIVE);
    assertThat(r.agentIdentity()).isEqualTo("ag::ws::helper::h1");
    assertThat(r.launchParams()).containsEntry("image", "helper:1").doesNotContainKey("auth_token");
    assertThat(r.taskToken()).isNotEmpty();
    assertThat(r.toString()).doesNotContain(r.taskToken());
    String startupTask = r.assignment().taskId();
    assertThat(oc.tasks().getTask(startupTask).join().status()).isEqualTo(TaskStatus.RUNNING);

    started.get(0).close();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> oc.tasks().getTask(startupTask).join().status() == TaskStatus.COMPLETED);
  }

  @Test
  void aFailedLaunchIsReportedAsAFailedTask() {
    gateway.registerAgent("broken", "local", Map.of());
    List<Exception> failures = new CopyOnWriteArrayList<>();
    OrchestratorClient oc =
        OrchestratorClient.builder(options)
            .implementation("launcher")
            .supportedProfiles("local")
            .build();
    BaseOrchestrator orchestrator =
        track(
            new BaseOrchestrator(oc) {
              @Override
              protected void launchTask(LaunchRequest r) {
                throw new IllegalStateException("no capacity");
              }

              @Override
              protected void onLaunchFailed(LaunchRequest r, Exception e) {
                failures.add(e);
              }
            });
    List<TaskAssignment> seen = new CopyOnWriteArrayList<>();
    oc.onTaskAssignment(seen::add);
    orchestrator.connect().join();
    agent("ws", "caller", "c").sendToAgent("ws", "broken", "b1", new byte[] {1}).join();
    await().atMost(Duration.ofSeconds(20)).until(() -> failures.size() == 1 && seen.size() == 1);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> oc.tasks().getTask(seen.get(0).taskId()).join().status() == TaskStatus.FAILED);
    assertThat(oc.tasks().getTask(seen.get(0).taskId()).join().error())
        .isEqualTo("launch failed: no capacity");
  }

  @Test
  void subscriptionsSurviveAReconnectUntilUnsubscribed() throws Exception {
    TcpProxy proxy = track(new TcpProxy(gateway.port()));
    AetherClientOptions viaProxy =
        AetherClientOptions.builder()
            .address(proxy.address())
            .reconnect(
                ReconnectPolicy.builder()
                    .initialDelay(Duration.ofMillis(50))
                    .maxDelay(Duration.ofMillis(200))
                    .build())
            .build();
    AgentClient creator = agent("ws", "boss", "b");
    AgentClient watcher = agent(viaProxy, "ws", "watch", "w");
    String id =
        creator.tasks().createTaskAndAwait(CreateTaskRequest.builder("t").build()).join().taskId();
    List<TaskEvent> events = new CopyOnWriteArrayList<>();
    TaskSubscription sub = watcher.tasks().subscribeTask(id, false, events::add).join();
    String firstId = sub.subscriptionId();

    creator.tasks().claimTask(id).join();
    await().atMost(Duration.ofSeconds(10)).until(() -> events.size() == 1);
    assertThat(events.get(0).kind()).isEqualTo(TaskEvent.Kind.STATUS_CHANGED);
    assertThat(events.get(0).statusChange().to()).isEqualTo(TaskStatus.RUNNING);

    proxy.cutClients();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                watcher.state() == ConnectionState.READY && !sub.subscriptionId().equals(firstId));
    creator
        .tasks()
        .pauseTask(id, WaitSpec.builder(WaitReason.INPUT).expectedPrincipal("us::alice").build())
        .join();
    await().atMost(Duration.ofSeconds(10)).until(() -> events.size() == 2);
    assertThat(events.get(1).statusChange().to()).isEqualTo(TaskStatus.WAITING_INPUT);

    sub.unsubscribe().join();
    creator.tasks().resumeTask(id).join();
    creator.tasks().completeTask(id).join();
    // a later event of a subscribed task still arrives, so the unsubscribed one had its chance
    String other =
        creator.tasks().createTaskAndAwait(CreateTaskRequest.builder("t").build()).join().taskId();
    List<TaskEvent> later = new CopyOnWriteArrayList<>();
    watcher.tasks().subscribeTask(other, false, later::add).join();
    creator.tasks().claimTask(other).join();
    await().atMost(Duration.ofSeconds(10)).until(() -> later.size() == 1);
    assertThat(events).hasSize(2);
  }

  @Test
  void aHibernatedWorkerIsToldAndClosesCleanly() {
    AgentClient worker = agent("ws", "worker", "w");
    List<TaskHibernation> told = new CopyOnWriteArrayList<>();
    worker.tasks().onTaskHibernated(told::add);
    String id =
        worker
            .tasks()
            .createTaskAndAwait(CreateTaskRequest.builder("long").build())
            .join()
            .taskId();
    worker.tasks().claimTask(id).join();
    TaskInfo paused = worker.tasks().pauseTask(id, WaitSpec.hibernate("state-1")).join();
    assertThat(paused.status()).isEqualTo(TaskStatus.HIBERNATED);
    assertThat(paused.waitSpec().hibernation().checkpointKey()).isEqualTo("state-1");
    await().atMost(Duration.ofSeconds(10)).until(() -> worker.state() == ConnectionState.CLOSED);
    assertThat(told)
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.taskId()).isEqualTo(id);
              assertThat(h.hibernation().checkpointKey()).isEqualTo("state-1");
            });
  }

  @Test
  void aWorkflowEngineAnswersOperations() {
    AgentClient a = agent("ws", "boss", "a");
    WorkflowResult none =
        a.workflow().send(WorkflowRequest.of(WorkflowOperationType.LIST_RULES)).join();
    assertThat(none.success()).isFalse();
    assertThat(none.error()).isEqualTo("workflow engine not connected");

    WorkflowEngineClient engine = track(WorkflowEngineClient.builder(options).build());
    engine.onWorkflowOperation(
        op ->
            switch (op.type()) {
              case GET_WORKFLOW -> WorkflowResult.ok("{\"id\":\"" + op.id() + "\"}");
              default -> throw new IllegalArgumentException("unsupported: " + op.type());
            });
    engine.connect().join();
    WorkflowResult got =
        a.workflow()
            .send(WorkflowRequest.of(WorkflowOperationType.GET_WORKFLOW).withId("wf-1"))
            .join();
    assertThat(got.success()).isTrue();
    assertThat(got.dataAsString()).isEqualTo("{\"id\":\"wf-1\"}");
    WorkflowResult refused =
        a.workflow().send(WorkflowRequest.of(WorkflowOperationType.DELETE_RULE)).join();
    assertThat(refused.success()).isFalse();
    assertThat(refused.error()).isEqualTo("unsupported: DELETE_RULE");
  }
}
