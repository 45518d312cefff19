/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.PrincipalType;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import io.github.aetherjava.proto.v1.WorkflowOperation;
import io.github.aetherjava.proto.v1.WorkflowResponse;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Relays {@code WorkflowOperation}s from any principal to the connected workflow engine and its
 * {@code WorkflowResponse}s back to the requester, as the real gateway does.
 */
final class WorkflowRelayComponent implements Dispatcher.Component {

  static final String WFE_IDENTITY = "wfe::shard0";
  static final long TIMEOUT_SECONDS = 30;

  private record Pending(Session requester, ScheduledFuture<?> timeout) {}

  private final SessionRegistry registry;
  private final ScheduledExecutorService scheduler;
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();

  WorkflowRelayComponent(SessionRegistry registry, ScheduledExecutorService scheduler) {
    this.registry = registry;
    this.scheduler = scheduler;
  }

  @Override
  public void register(Dispatcher dispatcher) {
    dispatcher.on(UpstreamMessage.PayloadCase.WORKFLOW_OP, (s, f) -> forward(s, f.getWorkflowOp()));
    dispatcher.on(
        UpstreamMessage.PayloadCase.WORKFLOW_RESPONSE,
        (s, f) -> answer(s, f.getWorkflowResponse()));
  }

  private void forward(Session requester, WorkflowOperation op) {
    String id = op.getRequestId().isEmpty() ? UUID.randomUUID().toString() : op.getRequestId();
    Session engine = registry.byIdentity(WFE_IDENTITY);
    if (engine == null) {
      reply(
          requester,
          WorkflowResponse.newBuilder()
              .setSuccess(false)
              .setError("workflow engine not connected")
              .setRequestId(id)
              .build());
      return;
    }
    ScheduledFuture<?> timeout =
        scheduler.schedule(
            () -> {
              Pending p = pending.remove(id);
              if (p != null) {
                reply(
                    p.requester(),
                    WorkflowResponse.newBuilder()
                        .setSuccess(false)
                        .setError("workflow operation timed out")
                        .setRequestId(id)
                        .build());
              }
            },
            TIMEOUT_SECONDS,
            TimeUnit.SECONDS);
    Pending previous = pending.put(id, new Pending(requester, timeout));
    if (previous != null) {
      previous.timeout().cancel(false);
    }
    engine.send(
        DownstreamMessage.newBuilder().setWorkflowOp(op.toBuilder().setRequestId(id)).build());
  }

  private void answer(Session from, WorkflowResponse response) {
    if (from.identity().type() != PrincipalType.PRINCIPAL_WORKFLOW_ENGINE) {
      from.send(
          Frames.error(
              "ERR_PERMISSION_DENIED",
              "only the workflow engine can send workflow responses",
              response.getRequestId()));
      return;
    }
    Pending p = pending.remove(response.getRequestId());
    if (p == null) {
      return; // unknown or timed out: dropped, as upstream
    }
    p.timeout().cancel(false);
    reply(p.requester(), response);
  }

  private static void reply(Session requester, WorkflowResponse response) {
    requester.send(DownstreamMessage.newBuilder().setWorkflowResponse(response).build());
  }
}
