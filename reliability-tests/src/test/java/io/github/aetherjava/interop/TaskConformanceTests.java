/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.BaseOrchestrator;
import io.github.aetherjava.client.GatewayErrorException;
import io.github.aetherjava.client.IncomingMessage;
import io.github.aetherjava.client.LaunchRequest;
import io.github.aetherjava.client.OrchestratorClient;
import io.github.aetherjava.client.ProgressUpdate;
import io.github.aetherjava.client.TaskAssignment;
import io.github.aetherjava.client.WorkflowEngineClient;
import io.github.aetherjava.client.task.CreateTaskRequest;
import io.github.aetherjava.client.task.CreateTaskResult;
import io.github.aetherjava.client.task.TaskEvent;
import io.github.aetherjava.client.task.TaskInfo;
import io.github.aetherjava.client.task.TaskQuery;
import io.github.aetherjava.client.task.TaskStatus;
import io.github.aetherjava.client.workflow.WorkflowOperationType;
import io.github.aetherjava.client.workflow.WorkflowRequest;
import io.github.aetherjava.client.workflow.WorkflowResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Tasks, orchestration and workflow operations as a client sees them, written once and run against
 * the embedded gateway ({@link EmbeddedTaskConformanceTest}) and a real one ({@link
 * RealTaskInteropTest}).
 */
abstract class TaskConformanceTests {

  private static final Duration WAIT = Duration.ofSeconds(15);

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String workspace = "tasks-" + run;
  private final AetherClientOptions options =
      AetherClientOptions.builder().address(gatewayAddress()).build();
  private final List<AutoCloseable> closeables = new ArrayList<>();

  /** Address of the gateway under test. */
  abstract String gatewayAddress();

  /**
   * Registers an agent implementation for lazy start; false if this gateway offers no way to do it
   * from the test.
   */
  abstract boolean registerAgent(String implementation, String profile);

  @AfterEach
  void closeAll() throws Exception {
    for (int i = closeables.size() - 1; i >= 0; i--) {
      closeables.get(i).close();
    }
  }

  private <C extends AetherClient> C connected(C client) throws Exception {
    closeables.add(client);
    client.connect().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    return client;
  }

  private AgentClient agent(String implementation, String specifier) throws Exception {
    return connected(
        AgentClient.builder(options)
            .workspace(workspace)
            .implementation(implementation)
            .specifier(specifier)
            .build());
  }

  private static Throwable cause(Throwable t) {
    return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
  }

  @Test
  void aSelfAssignedTaskRunsThroughItsLifecycle() throws Exception {
    AgentClient a = agent("boss", "a");
    CreateTaskResult created =
        a.tasks()
            .createTaskAndAwait(
                CreateTaskRequest.builder("report").correlationId("corr-" + run).build())
            .join();
    assertThat(created.status()).isEqualTo("assigned");
    assertThat(created.assignedTo()).isEqualTo(a.identity());
    TaskInfo queued = a.tasks().getTask(created.taskId()).join();
    assertThat(queued.status()).isEqualTo(TaskStatus.QUEUED);
    assertThat(queued.workspace()).isEqualTo(workspace);
    assertThat(queued.creatorActorId()).isEqualTo(a.identity());

    assertThat(a.tasks().claimTask(created.taskId()).join().status()).isEqualTo(TaskStatus.RUNNING);
    assertThat(a.tasks().completeTask(created.taskId()).join().status())
        .isEqualTo(TaskStatus.COMPLETED);
    assertThat(
            a.tasks()
                .queryTasks(TaskQuery.builder().correlationId("corr-" + run).build())
                .join()
                .tasks())
        .extracting(TaskInfo::taskId, TaskInfo::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(created.taskId(), TaskStatus.COMPLETED));
  }

  @Test
  void aPoolTaskReachesExactlyOneWorker() throws Exception {
    List<TaskAssignment> got = new CopyOnWriteArrayList<>();
    for (String spec : List.of("w1", "w2", "w3")) {
      AgentClient w =
          AgentClient.builder(options)
              .workspace(workspace)
              .implementation("pool")
              .specifier(spec)
              .build();
      w.onTaskAssignment(got::add);
      connected(w);
    }
    AgentClient boss = agent("boss", "p");
    CreateTaskResult created =
        boss.tasks()
            .createTaskAndAwait(
                CreateTaskRequest.builder("job").targetImplementation("pool").payload("p1").build())
            .join();
    assertThat(created.status()).isEqualTo("pending_pool");
    await().atMost(WAIT).until(() -> !got.isEmpty());
    TaskAssignment a = got.get(0);
    assertThat(a.taskId()).isEqualTo(created.taskId());
    assertThat(new String(a.payload(), StandardCharsets.UTF_8)).isEqualTo("p1");
    assertThat(a.assignedTo()).startsWith("ag::" + workspace + "::pool::");
    // the assignee finishing it proves it was the one the gateway chose
    assertThat(boss.tasks().getTask(created.taskId()).join().assignedTo())
        .isEqualTo(a.assignedTo());
    assertThat(got).hasSize(1);
  }

  @Test
  void aTargetedTaskReachesItsRegisteredAgent() throws Exception {
    String impl = "targeted-" + run;
    Assumptions.assumeTrue(
        registerAgent(impl, "p-" + run), "no agent registration on this gateway");
    List<TaskAssignment> got = new CopyOnWriteArrayList<>();
    AgentClient target =
        AgentClient.builder(options)
            .workspace(workspace)
            .implementation(impl)
            .specifier("t")
            .build();
    target.onTaskAssignment(got::add);
    connected(target);
    AgentClient boss = agent("boss", "tg");
    CreateTaskResult created =
        boss.tasks()
            .createTaskAndAwait(
                CreateTaskRequest.builder("do").targetAgent(target.identity()).build())
            .join();
    assertThat(created.status()).isEqualTo("assigned");
    assertThat(created.assignedTo()).isEqualTo(target.identity());
    await().atMost(WAIT).until(() -> !got.isEmpty());
    assertThat(got.get(0).taskId()).isEqualTo(created.taskId());

    assertThatThrownBy(
            () ->
                boss.tasks()
                    .createTaskAndAwait(
                        CreateTaskRequest.builder("do")
                            .targetAgent("ag::" + workspace + "::unregistered-" + run + "::x")
                            .build())
                    .join())
        .satisfies(
            e ->
                assertThat(cause(e))
                    .isInstanceOf(GatewayErrorException.class)
                    .hasMessageContaining("failed to create task"));
  }

  @Test
  void theCreatorIsToldAboutStatusChanges() throws Exception {
    AgentClient boss = agent("boss", "n");
    List<ProgressUpdate> notices = new CopyOnWriteArrayList<>();
    boss.onProgress(notices::add);
    List<TaskAssignment> assigned = new CopyOnWriteArrayList<>();
    AgentClient worker =
        AgentClient.builder(options)
            .workspace(workspace)
            .implementation("notice-worker")
            .specifier("w")
            .build();
    worker.onTaskAssignment(assigned::add);
    connected(worker);
    CreateTaskResult created =
        boss.tasks()
            .createTaskAndAwait(
                CreateTaskRequest.builder("job").targetImplementation("notice-worker").build())
            .join();
    await().atMost(WAIT).until(() -> !assigned.isEmpty());
    worker.tasks().claimTask(created.taskId()).join();
    await()
        .atMost(WAIT)
        .until(
            () ->
                notices.stream()
                    .anyMatch(
                        n -> n.taskId().equals(created.taskId()) && n.state().equals("running")));
    assertThat(notices)
        .filteredOn(n -> n.taskId().equals(created.taskId()))
        .allSatisfy(n -> assertThat(n.recipient()).isEqualTo(boss.identity()));
  }

  @Test
  void callersOfAnotherWorkspaceAreToldTaskNotFound() throws Exception {
    AgentClient a = agent("boss", "hidden");
    AgentClient stranger =
        connected(
            AgentClient.builder(options)
                .workspace(workspace + "-other")
                .implementation("boss")
                .specifier("s")
                .build());
    String id =
        a.tasks().createTaskAndAwait(CreateTaskRequest.builder("secret").build()).join().taskId();
    assertThatThrownBy(() -> stranger.tasks().getTask(id).join())
        .satisfies(
            e ->
                assertThat(cause(e))
                    .isInstanceOf(GatewayErrorException.class)
                    .hasMessageEndingWith("task not found"));
    assertThatThrownBy(() -> stranger.tasks().cancelTask(id, "no").join())
        .satisfies(e -> assertThat(cause(e)).hasMessageEndingWith("task not found"));
  }

  @Test
  void operationsOutsideTheirTransitionsAreRefused() throws Exception {
    AgentClient a = agent("boss", "ops");
    String id =
        a.tasks().createTaskAndAwait(CreateTaskRequest.builder("t").build()).join().taskId();
    a.tasks().claimTask(id).join();
    assertThatThrownBy(() -> a.tasks().retryTask(id).join())
        .satisfies(
            e ->
                assertThat(cause(e))
                    .hasMessageEndingWith("task " + id + " not found or not in retryable state"));
    TaskInfo failed = a.tasks().failTask(id, "broken").join();
    assertThat(failed.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(failed.error()).isEqualTo("broken");
    assertThat(a.tasks().retryTask(id).join().status()).isEqualTo(TaskStatus.QUEUED);
    assertThat(a.tasks().cancelTask(id, "enough").join().status()).isEqualTo(TaskStatus.CANCELLED);
  }

  @Test
  void subscribersReceiveStatusEvents() throws Exception {
    AgentClient a = agent("boss", "sub");
    String id =
        a.tasks().createTaskAndAwait(CreateTaskRequest.builder("t").build()).join().taskId();
    List<TaskEvent> events = new CopyOnWriteArrayList<>();
    a.tasks().subscribeTask(id, false, events::add).join();
    a.tasks().claimTask(id).join();
    await()
        .atMost(WAIT)
        .until(
            () ->
                events.stream()
                    .anyMatch(
                        e ->
                            e.kind() == TaskEvent.Kind.STATUS_CHANGED
                                && e.statusChange().to() == TaskStatus.RUNNING));
  }

  @Test
  void workflowOperationsReachTheEngine() throws Exception {
    AgentClient a = agent("boss", "wf");
    WorkflowResult none =
        a.workflow().send(WorkflowRequest.of(WorkflowOperationType.LIST_RULES)).join();
    assertThat(none.success()).isFalse();
    assertThat(none.error()).isEqualTo("workflow engine not connected");

    WorkflowEngineClient engine = WorkflowEngineClient.builder(options).build();
    engine.onWorkflowOperation(op -> WorkflowResult.ok("{\"op\":\"" + op.type() + "\"}"));
    connected(engine);
    WorkflowResult r =
        a.workflow().send(WorkflowRequest.of(WorkflowOperationType.LIST_RULES)).join();
    assertThat(r.success()).isTrue();
    assertThat(r.dataAsString()).isEqualTo("{\"op\":\"LIST_RULES\"}");
  }

  @Test
  void aMessageToAnOfflineRegisteredAgentStartsItThroughAnOrchestrator() throws Exception {
    String impl = "lazy-" + run;
    String profile = "profile-" + run;
    Assumptions.assumeTrue(registerAgent(impl, profile), "no agent registration on this gateway");
    List<IncomingMessage> inbox = new CopyOnWriteArrayList<>();
    List<LaunchRequest> launches = new CopyOnWriteArrayList<>();
    OrchestratorClient oc =
        OrchestratorClient.builder(options)
            .implementation("orc")
            .supportedProfiles(profile)
            .build();
    BaseOrchestrator orchestrator =
        new BaseOrchestrator(oc) {
          @Override
          protected void launchTask(LaunchRequest r) throws Exception {
            launches.add(r);
            AgentClient launched =
                AgentClient.builder(
                        AetherClientOptions.builder()
                            .address(gatewayAddress())
                            .credentials(r.credentials())
                            .build())
                    .workspace(r.workspace())
                    .implementation(r.implementation())
                    .specifier(r.specifier())
                    .build();
            launched.onMessage(inbox::add);
            closeables.add(launched);
            launched.connect().get(WAIT.toSeconds(), TimeUnit.SECONDS);
          }
        };
    closeables.add(orchestrator);
    orchestrator.connect().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    AgentClient caller = agent("caller", "c");
    caller
        .sendToAgent(workspace, impl, "one", "wake".getBytes(StandardCharsets.UTF_8))
        .get(5, TimeUnit.SECONDS);
    await().atMost(WAIT.multipliedBy(2)).until(() -> !inbox.isEmpty());
    assertThat(inbox.get(0).payloadAsString()).isEqualTo("wake");
    LaunchRequest r = launches.get(0);
    assertThat(r.assignment().taskType()).isEqualTo("agent_startup");
    assertThat(r.assignment().profile()).isEqualTo(profile);
    assertThat(r.agentIdentity()).isEqualTo("ag::" + workspace + "::" + impl + "::one");
  }
}
