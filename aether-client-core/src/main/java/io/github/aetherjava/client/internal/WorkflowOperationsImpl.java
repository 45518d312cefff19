/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.RequestObservation;
import io.github.aetherjava.client.workflow.WorkflowOperations;
import io.github.aetherjava.client.workflow.WorkflowRequest;
import io.github.aetherjava.client.workflow.WorkflowResult;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** {@link WorkflowOperations} over the client's stream. */
public final class WorkflowOperationsImpl implements WorkflowOperations {

  private final ClientCore core;

  /**
   * @param core connection
   */
  public WorkflowOperationsImpl(ClientCore core) {
    this.core = core;
    core.routes()
        .correlated(
            DownstreamMessage.PayloadCase.WORKFLOW_RESPONSE,
            m -> m.getWorkflowResponse().getRequestId());
  }

  @Override
  public Duration defaultTimeout() {
    return core.options().requestTimeout();
  }

  @Override
  public CompletableFuture<WorkflowResult> send(WorkflowRequest request, Duration timeout) {
    return Arguments.check(
        () -> {
          String operation =
              "workflow."
                  + Arguments.notNull(request, "request")
                      .type()
                      .name()
                      .toLowerCase(java.util.Locale.ROOT);
          RequestObservation observation = core.observe(operation);
          try {
            Arguments.positive(timeout, "timeout");
          } catch (InvalidArgumentException e) {
            observation.onComplete(e);
            throw e;
          }
          String requestId = core.nextRequestId();
          return core.request(
              operation,
              requestId,
              UpstreamMessage.newBuilder().setWorkflowOp(request.toProto(requestId)).build(),
              timeout,
              false,
              m -> WorkflowResult.fromProto(m.getWorkflowResponse()),
              e -> RequestErrors.withContext(e, operation),
              observation);
        });
  }
}
