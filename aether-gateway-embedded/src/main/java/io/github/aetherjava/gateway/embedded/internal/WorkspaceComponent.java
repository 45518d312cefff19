/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.FlowNode;
import io.github.aetherjava.proto.v1.MessageFlowInfo;
import io.github.aetherjava.proto.v1.PrincipalType;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import io.github.aetherjava.proto.v1.WorkspaceInfo;
import io.github.aetherjava.proto.v1.WorkspaceOperation;
import io.github.aetherjava.proto.v1.WorkspaceResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code WorkspaceOperation} ({@code admin/workspaces}). As on the real gateway, workspaces are not
 * first-class: any string is a workspace; CREATE and UPDATE only store descriptive metadata, GET
 * reports live counts, DELETE refuses while sessions are in the workspace. LIST shows workspaces
 * with live sessions and those with stored metadata. Responses echo the request id.
 */
final class WorkspaceComponent implements Dispatcher.Component {

  private final SessionRegistry registry;
  private final AdminGate gate;
  private final Clock clock;
  private final Map<String, WorkspaceInfo> stored = new TreeMap<>();

  WorkspaceComponent(SessionRegistry registry, AdminGate gate, Clock clock) {
    this.registry = registry;
    this.gate = gate;
    this.clock = clock;
  }

  @Override
  public void register(Dispatcher dispatcher) {
    dispatcher.on(
        UpstreamMessage.PayloadCase.WORKSPACE_OP, (s, f) -> handle(s, f.getWorkspaceOp()));
  }

  private void handle(Session session, WorkspaceOperation op) {
    if (!gate.checkAdmin(session, "workspaces", op.getRequestId())) {
      return;
    }
    WorkspaceResponse.Builder r = WorkspaceResponse.newBuilder().setRequestId(op.getRequestId());
    String id =
        op.getWorkspaceId().isEmpty() ? op.getWorkspace().getWorkspaceId() : op.getWorkspaceId();
    switch (op.getOp()) {
      case LIST -> {
        List<WorkspaceInfo> all = new ArrayList<>();
        for (String ws : known()) {
          all.add(describe(ws));
        }
        r.setSuccess(true).addAllWorkspaces(all).setTotalCount(all.size());
      }
      case GET -> r.setSuccess(true).setWorkspace(describe(id));
      case CREATE, UPDATE -> {
        if (id.isEmpty()) {
          r.setSuccess(false).setError("workspace_id is required");
        } else {
          long now = clock.instant().getEpochSecond();
          synchronized (stored) {
            WorkspaceInfo old = stored.get(id);
            stored.put(
                id,
                op.getWorkspace().toBuilder()
                    .setWorkspaceId(id)
                    .setCreatedAt(old == null ? now : old.getCreatedAt())
                    .setUpdatedAt(now)
                    .build());
          }
          r.setSuccess(true)
              .setMessage(
                  op.getOp() == WorkspaceOperation.OpType.CREATE
                      ? "workspace created successfully"
                      : "workspace updated successfully")
              .setWorkspace(describe(id));
        }
      }
      case DELETE -> {
        int live = sessionsIn(id).size();
        if (live > 0) {
          r.setSuccess(false)
              .setError("cannot delete workspace " + id + ": has " + live + " active connections");
        } else {
          synchronized (stored) {
            stored.remove(id);
          }
          r.setSuccess(true).setMessage("workspace deleted successfully");
        }
      }
      case GET_MESSAGE_FLOW -> {
        MessageFlowInfo.Builder flow =
            MessageFlowInfo.newBuilder()
                .setWorkspaceId(id)
                .setUpdatedAt(clock.instant().getEpochSecond());
        for (Session s : sessionsIn(id)) {
          Identity i = s.identity();
          flow.addNodes(
              FlowNode.newBuilder()
                  .setId(i.key())
                  .setLabel(i.key())
                  .setType(i.type())
                  .setStatus("connected")
                  .setImplementation(i.implementation())
                  .setSpecifier(i.specifier())
                  .setTopic(i.topic()));
        }
        r.setSuccess(true).setMessageFlow(flow);
      }
      default -> r.setSuccess(false).setError("unknown workspace operation");
    }
    session.send(DownstreamMessage.newBuilder().setWorkspace(r).build());
  }

  private TreeSet<String> known() {
    TreeSet<String> out = new TreeSet<>();
    for (Session s : registry.all()) {
      if (!s.isTerminated() && !s.workspace().isEmpty()) {
        out.add(s.workspace());
      }
    }
    synchronized (stored) {
      out.addAll(stored.keySet());
    }
    return out;
  }

  private List<Session> sessionsIn(String ws) {
    List<Session> out = new ArrayList<>();
    for (Session s : registry.all()) {
      if (!s.isTerminated() && s.workspace().equals(ws)) {
        out.add(s);
      }
    }
    return out;
  }

  private WorkspaceInfo describe(String ws) {
    WorkspaceInfo.Builder b;
    synchronized (stored) {
      WorkspaceInfo s = stored.get(ws);
      b = s == null ? WorkspaceInfo.newBuilder().setWorkspaceId(ws) : s.toBuilder();
    }
    int agents = 0;
    int tasks = 0;
    int users = 0;
    for (Session s : sessionsIn(ws)) {
      PrincipalType t = s.identity().type();
      if (t == PrincipalType.PRINCIPAL_AGENT) {
        agents++;
      } else if (t == PrincipalType.PRINCIPAL_TASK) {
        tasks++;
      } else if (t == PrincipalType.PRINCIPAL_USER) {
        users++;
      }
    }
    return b.setActiveAgents(agents).setActiveTasks(tasks).setActiveUsers(users).build();
  }
}
