/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.LaunchRequest;
import io.github.aetherjava.client.OrchestratorClient;
import io.github.aetherjava.client.task.CreateTaskRequest;
import io.github.aetherjava.client.task.TaskOperations;
import io.github.aetherjava.client.task.TaskStatus;
import io.github.aetherjava.client.workflow.WorkflowOperationType;
import io.github.aetherjava.client.workflow.WorkflowOperations;
import io.github.aetherjava.client.workflow.WorkflowRequest;
import io.github.aetherjava.client.workflow.WorkflowResult;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.github.aetherjava.spring.annotation.OnAgentLaunch;
import io.github.aetherjava.spring.annotation.OnTaskAssignment;
import io.github.aetherjava.spring.annotation.OnWorkflowOperation;
import io.github.aetherjava.spring.boot.autoconfigure.AetherAutoConfiguration;
import io.github.aetherjava.spring.boot.autoconfigure.embedded.AetherEmbeddedGatewayAutoConfiguration;
import io.github.aetherjava.spring.boot.autoconfigure.listener.AetherListenerAutoConfiguration;
import io.github.aetherjava.spring.task.TaskAnnotationBeanPostProcessor;
import io.github.aetherjava.spring.task.TaskContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class AetherTaskAutoConfigurationTests {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  AetherEmbeddedGatewayAutoConfiguration.class,
                  AetherAutoConfiguration.class,
                  AetherListenerAutoConfiguration.class,
                  AetherTaskAutoConfiguration.class))
          .withPropertyValues("aether.fail-fast=true");

  private static AetherClientOptions options(EmbeddedAetherGateway gateway) {
    return AetherClientOptions.builder().address(gateway.address()).build();
  }

  @Test
  void oneClientGetsTaskAndWorkflowOperationBeans() {
    runner
        .withPropertyValues(
            "aether.agent.workspace=ws",
            "aether.agent.implementation=a",
            "aether.agent.specifier=1")
        .run(
            context -> {
              AgentClient agent = context.getBean(AgentClient.class);
              assertThat(context.getBean(TaskOperations.class)).isSameAs(agent.tasks());
              assertThat(context.getBean(WorkflowOperations.class)).isSameAs(agent.workflow());
              assertThat(context).hasSingleBean(TaskAnnotationBeanPostProcessor.class);
              assertThat(
                      context
                          .getBean(TaskOperations.class)
                          .createTaskAndAwait(CreateTaskRequest.builder("t").build())
                          .join()
                          .assignedTo())
                  .isEqualTo(agent.identity());
            });
  }

  @Test
  void twoClientsGetNoAmbiguousBeans() {
    runner
        .withPropertyValues(
            "aether.agent.workspace=ws",
            "aether.agent.implementation=a",
            "aether.agent.specifier=1",
            "aether.service.implementation=s",
            "aether.service.specifier=1")
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(TaskOperations.class);
              assertThat(context).doesNotHaveBean(WorkflowOperations.class);
            });
  }

  @Test
  void anApplicationBeanWins() {
    runner
        .withPropertyValues(
            "aether.agent.workspace=ws",
            "aether.agent.implementation=a",
            "aether.agent.specifier=1")
        .withBean("myTasks", TaskOperations.class, () -> unconnected().tasks())
        .run(
            context ->
                assertThat(context.getBean(TaskOperations.class))
                    .isSameAs(context.getBean("myTasks")));
  }

  private static AgentClient unconnected() {
    return AgentClient.builder(AetherClientOptions.builder().address("127.0.0.1:1").build())
        .workspace("ws")
        .implementation("own")
        .specifier("x")
        .build();
  }

  @Test
  void onTaskAssignmentGetsATypedTaskContext() {
    runner
        .withPropertyValues(
            "aether.agent.workspace=ws",
            "aether.agent.implementation=worker",
            "aether.agent.specifier=w1")
        .withUserConfiguration(Worker.class)
        .run(
            context -> {
              EmbeddedAetherGateway gateway = context.getBean(EmbeddedAetherGateway.class);
              try (AgentClient boss =
                  AgentClient.builder(options(gateway))
                      .workspace("ws")
                      .implementation("boss")
                      .specifier("b")
                      .build()) {
                boss.connectBlocking();
                String id =
                    boss.tasks()
                        .createTaskAndAwait(
                            CreateTaskRequest.builder("resize")
                                .targetImplementation("worker")
                                .payload("img-1")
                                .build())
                        .join()
                        .taskId();
                await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> boss.tasks().getTask(id).join().status() == TaskStatus.COMPLETED);
                assertThat(context.getBean(Worker.class).payloads).containsExactly("img-1");
              }
            });
  }

  @Test
  void aWorkflowEngineServesAnnotatedMethods() {
    runner
        .withPropertyValues("aether.workflow-engine.enabled=true")
        .withUserConfiguration(Engine.class)
        .run(
            context -> {
              EmbeddedAetherGateway gateway = context.getBean(EmbeddedAetherGateway.class);
              try (AgentClient caller =
                  AgentClient.builder(options(gateway))
                      .workspace("ws")
                      .implementation("caller")
                      .specifier("c")
                      .build()) {
                caller.connectBlocking();
                WorkflowResult got =
                    caller
                        .workflow()
                        .send(WorkflowRequest.of(WorkflowOperationType.GET_WORKFLOW).withId("w9"))
                        .join();
                assertThat(got.success()).isTrue();
                assertThat(got.dataAsString()).isEqualTo("{\"id\":\"w9\"}");
                WorkflowResult other =
                    caller
                        .workflow()
                        .send(WorkflowRequest.of(WorkflowOperationType.LIST_RULES))
                        .join();
                assertThat(other.success()).isTrue();
                assertThat(other.dataAsString()).isEqualTo("[]");
                WorkflowResult failing =
                    caller
                        .workflow()
                        .send(WorkflowRequest.of(WorkflowOperationType.DELETE_RULE))
                        .join();
                assertThat(failing.success()).isFalse();
                assertThat(failing.error()).isEqualTo("read-only");
              }
            });
  }

  @Test
  void anOrchestratorLaunchesThroughABeanMethod() {
    runner
        .withPropertyValues(
            "aether.orchestrator.implementation=launcher",
            "aether.orchestrator.supported-profiles=local")
        .withUserConfiguration(Launcher.class)
        .run(
            context -> {
              assertThat(context).hasSingleBean(OrchestratorClient.class);
              EmbeddedAetherGateway gateway = context.getBean(EmbeddedAetherGateway.class);
              gateway.registerAgent("helper", "local", Map.of());
              try (AgentClient caller =
                  AgentClient.builder(options(gateway))
                      .workspace("ws")
                      .implementation("caller")
                      .specifier("c")
                      .build()) {
                caller.connectBlocking();
                caller
                    .sendToAgent("ws", "helper", "h1", "hi".getBytes(StandardCharsets.UTF_8))
                    .join();
                Launcher launcher = context.getBean(Launcher.class);
                await().atMost(Duration.ofSeconds(10)).until(() -> launcher.launched.size() == 1);
                assertThat(launcher.launched.get(0).agentIdentity())
                    .isEqualTo("ag::ws::helper::h1");
                assertThat(launcher.launched.get(0).taskToken()).isNotEmpty();
              }
            });
  }

  @Configuration(proxyBeanMethods = false)
  static class Worker {
    final List<String> payloads = new CopyOnWriteArrayList<>();

    @OnTaskAssignment
    void work(TaskContext task) {
      payloads.add(task.payloadAsString());
      task.claim().thenRun(() -> task.progress(0.5, "half")).thenCompose(t -> task.complete());
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Engine {
    @OnWorkflowOperation(WorkflowOperationType.GET_WORKFLOW)
    WorkflowResult get(WorkflowRequest op) {
      return WorkflowResult.ok("{\"id\":\"" + op.id() + "\"}");
    }

    @OnWorkflowOperation(WorkflowOperationType.DELETE_RULE)
    void delete() {
      throw new IllegalStateException("read-only");
    }

    @OnWorkflowOperation
    String everythingElse(WorkflowRequest op) {
      return "[]";
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Launcher {
    final List<LaunchRequest> launched = new CopyOnWriteArrayList<>();

    @OnAgentLaunch
    void launch(LaunchRequest request) {
      launched.add(request);
    }
  }
}
