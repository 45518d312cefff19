/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.workflow;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Sends workflow operations to the workflow engine through the gateway ({@code client.workflow()}).
 * The gateway answers {@code workflow engine not connected} at once when there is no engine, and
 * {@code workflow operation timed out} after 30 s without an answer.
 *
 * @since 0.1.0
 */
public interface WorkflowOperations {

  /**
   * @return timeout of the overload without one
   */
  Duration defaultTimeout();

  /**
   * @param request the operation
   * @param timeout how long to wait
   * @return the engine's answer (also when unsuccessful)
   */
  CompletableFuture<WorkflowResult> send(WorkflowRequest request, Duration timeout);

  /**
   * @param request the operation
   * @return the engine's answer (also when unsuccessful)
   */
  default CompletableFuture<WorkflowResult> send(WorkflowRequest request) {
    return send(request, defaultTimeout());
  }
}
