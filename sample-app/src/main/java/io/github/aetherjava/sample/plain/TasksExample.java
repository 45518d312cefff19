/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.sample.plain;

import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.BaseOrchestrator;
import io.github.aetherjava.client.LaunchRequest;
import io.github.aetherjava.client.OrchestratorClient;
import io.github.aetherjava.client.Progress;
import io.github.aetherjava.client.ProgressUpdate;
import io.github.aetherjava.client.task.CreateTaskRequest;
import io.github.aetherjava.client.task.CreateTaskResult;
import io.github.aetherjava.client.task.TaskEvent;
import io.github.aetherjava.client.task.TaskInfo;
import io.github.aetherjava.client.task.TaskStatus;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A task from creation to completion: a planner agent creates a task for the resizer agent, which
 * is offline; the gateway asks an orchestrator to start it (with a task token), the started agent
 * receives the task, claims it, reports progress and completes it, and the planner follows along
 * through status notices and task events.
 *
 * <p>Run it from the packaged sample (see {@code sample-app/README.md}):
 *
 * <pre>{@code
 * java -cp sample-app/target/aether-sample-app-0.1.0-SNAPSHOT.jar \
 *     -Dloader.main=io.github.aetherjava.sample.plain.TasksExample \
 *     org.springframework.boot.loader.launch.PropertiesLauncher
 * }</pre>
 */
public final class TasksExample {

  private TasksExample() {}

  /** Starts resizer agents in this JVM; a real orchestrator would start a process or container. */
  static final class InProcessOrchestrator extends BaseOrchestrator {
    private final List<AgentClient> started = new CopyOnWriteArrayList<>();
    private final CompletableFuture<TaskInfo> done;

    InProcessOrchestrator(OrchestratorClient client, CompletableFuture<TaskInfo> done) {
      super(client);
      this.done = done;
    }

    @Override
    protected void launchTask(LaunchRequest r) throws Exception {
      System.out.println("orchestrator: launching " + r.agentIdentity() + " with a task token");
      AgentClient resizer =
          AgentClient.builder(
                  AetherClientOptions.builder()
                      .address(r.gatewayAddress())
                      .credentials(r.credentials())
                      .build())
              .workspace(r.workspace())
              .implementation(r.implementation())
              .specifier(r.specifier())
              .build();
      resizer.onTaskAssignment(
          task -> {
            System.out.println(
                "resizer: assigned " + task.taskType() + " " + payload(task.payload()));
            // compose rather than block: this runs on the resizer's own dispatcher
            resizer
                .tasks()
                .claimTask(task.taskId())
                .thenCompose(
                    running ->
                        resizer.reportProgress(
                            Progress.builder(task.taskId())
                                .state("resizing")
                                .completion(0.5)
                                .summary("half of the images done")
                                .build()))
                .thenCompose(sent -> resizer.tasks().completeTask(task.taskId()))
                .whenComplete(
                    (info, error) -> {
                      if (error != null) {
                        done.completeExceptionally(error);
                      } else {
                        done.complete(info);
                      }
                    });
          });
      started.add(resizer);
      resizer.connect().get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
      started.forEach(AgentClient::close);
      super.close();
    }
  }

  /**
   * Runs the example against its own embedded gateway.
   *
   * @param args ignored
   * @throws Exception if a step fails or times out
   */
  public static void main(String[] args) throws Exception {
    try (EmbeddedAetherGateway gateway = EmbeddedAetherGateway.builder().start()) {
      // An administrator registers the implementation that may be started on demand.
      gateway.registerAgent("resizer", "local", Map.of("image", "resizer:1"));
      AetherClientOptions options =
          AetherClientOptions.builder().address(gateway.address()).build();
      CompletableFuture<TaskInfo> done = new CompletableFuture<>();

      try (InProcessOrchestrator orchestrator =
              new InProcessOrchestrator(
                  OrchestratorClient.builder(options)
                      .implementation("local")
                      .supportedProfiles("local")
                      .build(),
                  done);
          AgentClient planner =
              AgentClient.builder(options)
                  .workspace("demo")
                  .implementation("planner")
                  .specifier("1")
                  .build()) {
        // every progress update the planner sees: the gateway's status notices (source
        // "aetherlite") for its tasks, and the progress of workers in its workspace
        List<ProgressUpdate> updates = new CopyOnWriteArrayList<>();
        Map<String, CompletableFuture<Void>> completedNotices = new ConcurrentHashMap<>();
        planner.onProgress(
            u -> {
              updates.add(u);
              if (u.source().equals("aetherlite") && u.state().equals("completed")) {
                completedNotices
                    .computeIfAbsent(u.taskId(), k -> new CompletableFuture<>())
                    .complete(null);
              }
            });
        orchestrator.connect().get(10, TimeUnit.SECONDS);
        planner.connectBlocking();

        CreateTaskResult created =
            planner
                .tasks()
                .createTaskAndAwait(
                    CreateTaskRequest.builder("resize-images")
                        .targetAgent("ag::demo::resizer::1")
                        .payload("album-7")
                        .build())
                .get(10, TimeUnit.SECONDS);
        System.out.println(
            "planner: created "
                + created.taskId().length()
                + "-char task id, status "
                + created.status());
        List<TaskStatus> seen = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> completedEvent = new CompletableFuture<>();
        planner
            .tasks()
            .subscribeTask(
                created.taskId(),
                false,
                e -> {
                  if (e.kind() == TaskEvent.Kind.STATUS_CHANGED) {
                    seen.add(e.statusChange().to());
                    if (e.statusChange().to() == TaskStatus.COMPLETED) {
                      completedEvent.complete(null);
                    }
                  }
                })
            .get(10, TimeUnit.SECONDS);

        TaskInfo finished = done.get(20, TimeUnit.SECONDS);
        System.out.println("resizer: task " + finished.status());
        TaskInfo seenByPlanner =
            planner.tasks().getTask(created.taskId()).get(10, TimeUnit.SECONDS);
        System.out.println(
            "planner: task "
                + seenByPlanner.status()
                + ", assigned to "
                + seenByPlanner.assignedTo());
        // notices travel independently of responses: wait for the last one
        completedNotices
            .computeIfAbsent(created.taskId(), k -> new CompletableFuture<>())
            .get(10, TimeUnit.SECONDS);
        List<ProgressUpdate> mine =
            updates.stream().filter(u -> u.taskId().equals(created.taskId())).toList();
        System.out.println(
            "planner: notices "
                + String.join(
                    " -> ",
                    mine.stream()
                        .filter(u -> u.source().equals("aetherlite"))
                        .map(ProgressUpdate::state)
                        .toList()));
        System.out.println(
            "planner: progress "
                + mine.stream()
                    .filter(u -> !u.source().equals("aetherlite"))
                    .map(ProgressUpdate::summary)
                    .toList());
        completedEvent.get(10, TimeUnit.SECONDS);
        System.out.println("planner: last event " + seen.get(seen.size() - 1));
      }
    }
    System.out.println("done");
  }

  private static String payload(byte[] bytes) {
    return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
  }
}
