/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import io.github.aetherjava.proto.v1.AgentLaunchResult;
import io.github.aetherjava.proto.v1.AgentOperation;
import io.github.aetherjava.proto.v1.AgentRegistrationInfo;
import io.github.aetherjava.proto.v1.AgentResponse;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.OrchestratorInfo;
import io.github.aetherjava.proto.v1.PrincipalType;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import java.util.List;

/**
 * {@code AgentOperation} ({@code admin/agents}): the agent registry's CRUD and the list of
 * connected orchestrators. LAUNCH creates (or finds) the agent's startup task, as a message to an
 * offline registered agent does. Responses echo the request id.
 */
final class AgentRegistryComponent implements Dispatcher.Component {

  private final AgentRegistry agents;
  private final SessionRegistry registry;
  private final AdminGate gate;
  private final Orchestration orchestration;

  AgentRegistryComponent(
      AgentRegistry agents, SessionRegistry registry, AdminGate gate, Orchestration orchestration) {
    this.agents = agents;
    this.registry = registry;
    this.gate = gate;
    this.orchestration = orchestration;
  }

  @Override
  public void register(Dispatcher dispatcher) {
    dispatcher.on(UpstreamMessage.PayloadCase.AGENT_OP, (s, f) -> handle(s, f.getAgentOp()));
  }

  private void handle(Session session, AgentOperation op) {
    if (!gate.checkAdmin(session, "agents", op.getRequestId())) {
      return;
    }
    AgentResponse.Builder r = AgentResponse.newBuilder().setRequestId(op.getRequestId());
    String impl =
        op.getImplementation().isEmpty()
            ? op.getAgent().getImplementation()
            : op.getImplementation();
    try {
      switch (op.getOp()) {
        case LIST -> {
          List<AgentRegistrationInfo> all = agents.list(op.getFilter().getOrchestratorProfile());
          int from = Math.min(all.size(), Math.max(0, op.getFilter().getOffset()));
          int to =
              op.getFilter().getLimit() <= 0
                  ? all.size()
                  : Math.min(all.size(), from + op.getFilter().getLimit());
          r.setSuccess(true).addAllAgents(all.subList(from, to)).setTotalCount(all.size());
        }
        case GET ->
            agents
                .get(impl)
                .ifPresentOrElse(
                    a -> r.setSuccess(true).setAgent(a),
                    () ->
                        r.setSuccess(false)
                            .setError("agent implementation '" + impl + "' not found in registry"));
        case REGISTER ->
            r.setSuccess(true)
                .setMessage("agent registered successfully")
                .setAgent(agents.register(op.getAgent()));
        case UPDATE ->
            r.setSuccess(true)
                .setMessage("agent updated successfully")
                .setAgent(agents.update(op.getAgent()));
        case DELETE -> {
          if (agents.delete(impl)) {
            r.setSuccess(true).setMessage("agent deleted successfully");
          } else {
            r.setSuccess(false)
                .setError("agent implementation '" + impl + "' not found in registry");
          }
        }
        case LAUNCH -> {
          if (agents.get(impl).isEmpty()) {
            r.setSuccess(false)
                .setError("agent implementation '" + impl + "' not found in registry");
          } else {
            String ws = op.getLaunchParams().getWorkspace();
            String spec = op.getLaunchParams().getSpecifier();
            String taskId =
                ws.isEmpty() || spec.isEmpty()
                    ? null
                    : orchestration.launch(ws, impl, spec, session.identity().key());
            if (taskId == null) {
              r.setSuccess(false)
                  .setError("invalid agent identity: launch needs a workspace and a specifier");
            } else {
              // the text AetherLite answers with (admin_tasks.go)
              String message =
                  "Agent "
                      + impl
                      + "."
                      + spec
                      + " launch triggered: Startup task sent to orchestrator";
              r.setSuccess(true)
                  .setMessage(message)
                  .setLaunchResult(
                      AgentLaunchResult.newBuilder().setTaskId(taskId).setMessage(message));
            }
          }
        }
        case LIST_ORCHESTRATORS -> {
          for (Session s : registry.all()) {
            if (!s.isTerminated() && s.identity().type() == PrincipalType.PRINCIPAL_ORCHESTRATOR) {
              r.addOrchestrators(
                  OrchestratorInfo.newBuilder()
                      .setOrchestratorId(s.identity().key())
                      .setConnectedAt(s.connectedAt().getEpochSecond()));
            }
          }
          r.setSuccess(true).setTotalCount(r.getOrchestratorsCount());
        }
        default -> r.setSuccess(false).setError("unknown agent operation");
      }
    } catch (IllegalArgumentException e) {
      r.setSuccess(false).setError(e.getMessage());
    }
    session.send(DownstreamMessage.newBuilder().setAgent(r).build());
  }
}
