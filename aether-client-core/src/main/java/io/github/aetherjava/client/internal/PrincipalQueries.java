/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import io.github.aetherjava.client.ConnectionStatus;
import io.github.aetherjava.client.admin.AdminOperationException;
import io.github.aetherjava.client.audit.AuditEvent;
import io.github.aetherjava.client.audit.AuditSubmission;
import io.github.aetherjava.proto.v1.ConnectionStatusRequest;
import io.github.aetherjava.proto.v1.ConnectionStatusResponse;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.PrincipalRef;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** Requests every client may make about itself and others: connection status and audit events. */
public final class PrincipalQueries {

  private final ClientCore core;

  /**
   * Registers the audit responses in the client's route table.
   *
   * @param core connection
   */
  public PrincipalQueries(ClientCore core) {
    this.core = core;
    // CONNECTION_STATUS_RESPONSE is routed by ClientCore: its barriers share the case
    core.routes()
        .correlated(
            DownstreamMessage.PayloadCase.SUBMIT_AUDIT_EVENT_RESPONSE,
            m -> m.getSubmitAuditEventResponse().getClientRequestId());
  }

  /**
   * @param principalType e.g. {@code agent}, {@code user}, {@code service} (case-insensitive)
   * @param principalId canonical identity, or the user id for users
   * @param timeout per-call timeout
   * @return the status; a refusal ({@code not authorized}) fails with {@link
   *     AdminOperationException}
   */
  public CompletableFuture<ConnectionStatus> connectionStatus(
      String principalType, String principalId, Duration timeout) {
    return Arguments.check(
        () -> {
          Arguments.notBlank(principalType, "principalType");
          Arguments.notBlank(principalId, "principalId");
          Arguments.positive(timeout, "timeout");
          String operation = "connectionStatus";
          String id = core.nextRequestId();
          UpstreamMessage frame =
              UpstreamMessage.newBuilder()
                  .setConnectionStatusRequest(
                      ConnectionStatusRequest.newBuilder()
                          .setRequestId(id)
                          .setPrincipal(
                              PrincipalRef.newBuilder()
                                  .setPrincipalType(principalType)
                                  .setPrincipalId(principalId)))
                  .build();
          return core.request(
              operation,
              id,
              frame,
              timeout,
              true,
              m -> {
                ConnectionStatusResponse r = m.getConnectionStatusResponse();
                if (!r.getOk()) {
                  throw new AdminOperationException(operation, r.getError());
                }
                return new ConnectionStatus(
                    principalType,
                    principalId,
                    r.getConnected(),
                    r.getLastSeenAt() == 0 ? null : Instant.ofEpochMilli(r.getLastSeenAt()));
              },
              e -> AdminClientImpl.mapError(operation, e),
              core.observe(operation));
        });
  }

  /**
   * @param event the event
   * @param timeout per-call timeout
   * @return the gateway's verdict (a rejection completes normally)
   */
  public CompletableFuture<AuditSubmission> submitAuditEvent(AuditEvent event, Duration timeout) {
    return Arguments.check(
        () -> {
          Arguments.notNull(event, "event");
          Arguments.positive(timeout, "timeout");
          String operation = "submitAuditEvent";
          String id = core.nextRequestId();
          return core.request(
              operation,
              id,
              UpstreamMessage.newBuilder().setSubmitAuditEvent(event.toProto(id)).build(),
              timeout,
              false,
              m -> AuditSubmission.fromProto(m.getSubmitAuditEventResponse()),
              e -> AdminClientImpl.mapError(operation, e),
              core.observe(operation));
        });
  }
}
