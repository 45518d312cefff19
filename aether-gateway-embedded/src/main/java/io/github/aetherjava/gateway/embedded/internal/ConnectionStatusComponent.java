/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import io.github.aetherjava.proto.v1.ConnectionStatusRequest;
import io.github.aetherjava.proto.v1.ConnectionStatusResponse;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import java.util.Locale;

/**
 * {@code ConnectionStatusRequest}: is a principal connected? Self-queries are always allowed;
 * querying others is reserved to the workflow engine, orchestrators and holders of {@code
 * capability/query_connections}.
 */
final class ConnectionStatusComponent implements Dispatcher.Component {

  private final SessionRegistry registry;
  private final AdminGate gate;

  ConnectionStatusComponent(SessionRegistry registry, AdminGate gate) {
    this.registry = registry;
    this.gate = gate;
  }

  @Override
  public void register(Dispatcher dispatcher) {
    dispatcher.on(
        UpstreamMessage.PayloadCase.CONNECTION_STATUS_REQUEST,
        (s, f) -> status(s, f.getConnectionStatusRequest()));
  }

  private void status(Session session, ConnectionStatusRequest req) {
    ConnectionStatusResponse.Builder r =
        ConnectionStatusResponse.newBuilder().setRequestId(req.getRequestId());
    if (!req.hasPrincipal() || req.getPrincipal().getPrincipalType().isEmpty()) {
      reply(session, r.setOk(false).setError("principal is required"));
      return;
    }
    String type = req.getPrincipal().getPrincipalType().toLowerCase(Locale.ROOT);
    String id = req.getPrincipal().getPrincipalId();
    String identity =
        switch (type) {
          case "agent",
              "task",
              "unique_task",
              "non_unique_task",
              "service",
              "bridge",
              "orchestrator" ->
              id;
          // the real gateway maps a user id to "us::{id}::", which never matches a window
          case "user" -> "us" + Identity.SEP + id + Identity.SEP;
          case "workflow_engine", "workflowengine" -> "wfe::shard0";
          case "metrics_bridge", "metricsbridge" -> "metrics::shard0";
          default -> null;
        };
    if (identity == null) {
      reply(
          session,
          r.setOk(false)
              .setError(
                  "invalid principal: unknown principal type "
                      + GoQuote.quote(req.getPrincipal().getPrincipalType())));
      return;
    }
    if (identity.isEmpty()) {
      reply(session, r.setOk(false).setError("invalid principal: empty principal id"));
      return;
    }
    boolean self = identity.equals(session.identity().key());
    if (!self && !gate.hasCapability(session, "query_connections")) {
      reply(session, r.setOk(false).setError("not authorized"));
      return;
    }
    reply(session, r.setOk(true).setConnected(registry.byIdentity(identity) != null));
  }

  private static void reply(Session session, ConnectionStatusResponse.Builder r) {
    session.send(DownstreamMessage.newBuilder().setConnectionStatusResponse(r).build());
  }
}
