/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extend this to build an orchestrator: implement {@link #launchTask(TaskAssignment)} (start a
 * container, a process, …). Each assignment is handled on the client's callback executor, in order;
 * a failure is logged and passed to {@link #onLaunchFailed}, and the next assignment is still
 * handled.
 *
 * <pre>{@code
 * class MyOrchestrator extends BaseOrchestrator {
 *     MyOrchestrator(OrchestratorClient client) { super(client); }
 *     protected void launchTask(TaskAssignment a) { startContainer(a.targetImplementation(), a.launchParams()); }
 * }
 * new MyOrchestrator(OrchestratorClient.builder(options).implementation("k8s").supportedProfiles("default").build())
 *     .connect().join();
 * }</pre>
 *
 * @since 0.1.0
 */
public abstract class BaseOrchestrator implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BaseOrchestrator.class);

  private final OrchestratorClient client;
  private final boolean logAssignments;

  /**
   * @param client the orchestrator client (not connected yet)
   */
  protected BaseOrchestrator(OrchestratorClient client) {
    this(client, false);
  }

  /**
   * @param client the orchestrator client (not connected yet)
   * @param logAssignments log every assignment at INFO
   */
  protected BaseOrchestrator(OrchestratorClient client, boolean logAssignments) {
    this.client = client;
    this.logAssignments = logAssignments;
    client.onTaskAssignment(this::handle);
  }

  /**
   * Launches what the assignment asks for.
   *
   * @param assignment the assignment
   * @throws Exception on failure (reported to {@link #onLaunchFailed})
   */
  protected abstract void launchTask(TaskAssignment assignment) throws Exception;

  /**
   * Called when {@link #launchTask} throws. Default: nothing more than the log line.
   *
   * @param assignment the assignment
   * @param error what was thrown
   */
  protected void onLaunchFailed(TaskAssignment assignment, Exception error) {}

  /**
   * @return the underlying client
   */
  public OrchestratorClient client() {
    return client;
  }

  /**
   * @return completes on acknowledgement
   */
  public CompletableFuture<ConnectionInfo> connect() {
    return client.connect();
  }

  @Override
  public void close() {
    client.close();
  }

  private void handle(TaskAssignment assignment) {
    if (logAssignments) {
      LOG.info("{}: assignment {}", client.identity(), assignment);
    }
    try {
      launchTask(assignment);
    } catch (Exception e) {
      LOG.warn("{}: launching task {} failed", client.identity(), assignment.taskId(), e);
      onLaunchFailed(assignment, e);
    }
  }
}
