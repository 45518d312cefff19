/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import io.github.aetherjava.proto.v1.ConnectionFilter;
import io.github.aetherjava.proto.v1.ConnectionInfo;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.PrincipalType;
import io.github.aetherjava.proto.v1.SessionOperation;
import io.github.aetherjava.proto.v1.SessionOperationResponse;
import io.github.aetherjava.proto.v1.Signal;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import io.grpc.Status;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code SessionOperation} ({@code admin/sessions}): list, get and disconnect live sessions. A
 * disconnected client gets {@code Signal{FORCE_DISCONNECT}} and its stream ends, as with the real
 * gateway's admin kick. Denials and failures are typed responses carrying the request id.
 */
final class SessionAdminComponent implements Dispatcher.Component {

  private final SessionRegistry registry;
  private final AdminGate gate;
  private final Clock clock;

  SessionAdminComponent(SessionRegistry registry, AdminGate gate, Clock clock) {
    this.registry = registry;
    this.gate = gate;
    this.clock = clock;
  }

  @Override
  public void register(Dispatcher dispatcher) {
    dispatcher.on(UpstreamMessage.PayloadCase.SESSION_OP, (s, f) -> handle(s, f.getSessionOp()));
  }

  private void handle(Session session, SessionOperation op) {
    SessionOperationResponse.Builder r =
        SessionOperationResponse.newBuilder().setRequestId(op.getRequestId());
    if (!gate.allowsAdmin(session, "sessions", AclRules.ADMIN)) {
      reply(
          session,
          r.setSuccess(false)
              .setError(
                  "admin sessions operations require system-level privileges or an explicit ACL"
                      + " grant"));
      return;
    }
    switch (op.getOp()) {
      case LIST -> {
        ConnectionFilter f = op.getFilter();
        List<ConnectionInfo> all = new ArrayList<>();
        List<Session> sessions = registry.all();
        sessions.sort(Comparator.comparing(Session::connectedAt));
        for (Session s : sessions) {
          if (s.isTerminated()
              || (f.getType() != PrincipalType.PRINCIPAL_TYPE_UNSPECIFIED
                  && f.getType() != s.identity().type())
              || (!f.getWorkspace().isEmpty() && !f.getWorkspace().equals(s.workspace()))) {
            continue;
          }
          all.add(info(s));
        }
        int from = Math.min(all.size(), Math.max(0, f.getOffset()));
        int to = f.getLimit() <= 0 ? all.size() : Math.min(all.size(), from + f.getLimit());
        List<ConnectionInfo> page = all.subList(from, to);
        r.setSuccess(true).addAllConnections(page).setTotalCount(page.size());
      }
      case GET -> {
        Session s = registry.bySessionId(op.getSessionId());
        if (s == null || s.isTerminated()) {
          r.setSuccess(false).setError("session not found: " + op.getSessionId());
        } else {
          r.setSuccess(true).setConnection(info(s));
        }
      }
      case DISCONNECT -> {
        Session s = registry.bySessionId(op.getSessionId());
        if (s == null || s.isTerminated()) {
          r.setSuccess(false).setError("session not found: " + op.getSessionId());
        } else {
          // answer first: the caller may be disconnecting itself
          reply(session, r.setSuccess(true).setMessage("session disconnected"));
          s.signalAndTerminate(
              Signal.SignalType.FORCE_DISCONNECT,
              "disconnected by administrator",
              Status.CANCELLED.withDescription("session disconnected by administrator"));
          return;
        }
      }
      default -> r.setSuccess(false).setError("unknown session operation");
    }
    reply(session, r);
  }

  private ConnectionInfo info(Session s) {
    Identity i = s.identity();
    Duration age = Duration.between(s.connectedAt(), clock.instant());
    return ConnectionInfo.newBuilder()
        .setSessionId(s.id())
        .setType(i.type())
        .setIdentity(i.key())
        .setWorkspace(s.workspace())
        .setImplementation(i.implementation())
        .setSpecifier(i.specifier())
        .setConnectedAt(s.connectedAt().getEpochSecond())
        .setDuration(age.isNegative() ? "0s" : age.toSeconds() + "s")
        .build();
  }

  private static void reply(Session session, SessionOperationResponse.Builder r) {
    session.send(DownstreamMessage.newBuilder().setSessionResponse(r).build());
  }
}
