/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.workflow;

/**
 * Serves workflow operations on the workflow engine ({@code
 * WorkflowEngineClient.onWorkflowOperation}). The returned value is sent back as the response; a
 * thrown exception becomes an unsuccessful response carrying its message.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface WorkflowOperationHandler {

  /**
   * @param request the operation
   * @return the answer
   * @throws Exception to answer unsuccessfully
   */
  WorkflowResult handle(WorkflowRequest request) throws Exception;
}
