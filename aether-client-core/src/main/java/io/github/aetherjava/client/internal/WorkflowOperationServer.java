/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import io.github.aetherjava.client.Registration;
import io.github.aetherjava.client.workflow.WorkflowOperationHandler;
import io.github.aetherjava.client.workflow.WorkflowRequest;
import io.github.aetherjava.client.workflow.WorkflowResult;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import io.github.aetherjava.proto.v1.WorkflowOperation;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The workflow engine's side: answers relayed {@code WorkflowOperation}s with the handler. */
public final class WorkflowOperationServer {

  private static final Logger LOG = LoggerFactory.getLogger(WorkflowOperationServer.class);

  /** Answer when no handler is registered. */
  static final String NO_HANDLER = "no workflow operation handler registered";

  private final ClientCore core;
  private final AtomicReference<WorkflowOperationHandler> handler = new AtomicReference<>();

  /**
   * @param core the workflow engine's connection
   */
  public WorkflowOperationServer(ClientCore core) {
    this.core = core;
    core.routes().ordered(DownstreamMessage.PayloadCase.WORKFLOW_OP, this::answer);
  }

  /**
   * @param h the handler
   * @return removes it
   */
  public Registration serve(WorkflowOperationHandler h) {
    Arguments.notNull(h, "handler");
    if (!handler.compareAndSet(null, h)) {
      throw new IllegalStateException("a workflow operation handler is already registered");
    }
    return () -> handler.compareAndSet(h, null);
  }

  private void answer(DownstreamMessage m) {
    WorkflowOperation op = m.getWorkflowOp();
    WorkflowOperationHandler h = handler.get();
    WorkflowResult result;
    if (h == null) {
      result = WorkflowResult.failed(NO_HANDLER);
    } else {
      try {
        // an operation type newer than this SDK fails here and is answered unsuccessfully
        WorkflowResult r = h.handle(WorkflowRequest.fromProto(op));
        result = r == null ? WorkflowResult.failed("workflow operation handler returned null") : r;
      } catch (Exception e) {
        LOG.warn("workflow operation {} failed", op.getOp(), e);
        result =
            WorkflowResult.failed(e.getMessage() == null ? e.getClass().getName() : e.getMessage());
      }
    }
    core.enqueue(
        UpstreamMessage.newBuilder().setWorkflowResponse(result.toProto(op.getRequestId())).build(),
        null);
  }
}
