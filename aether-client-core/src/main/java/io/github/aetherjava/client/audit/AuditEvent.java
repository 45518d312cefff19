/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.audit;

import io.github.aetherjava.client.internal.Arguments;
import io.github.aetherjava.proto.v1.SubmitAuditEventRequest;
import java.util.Map;

/**
 * An audit event a client submits with {@code AetherClient.submitAuditEvent}. The gateway accepts
 * the types {@code message}, {@code kv}, {@code task} and {@code custom}; it takes the actor from
 * the session, defaults the workspace to the caller's and redacts credential-like metadata keys.
 *
 * @param eventType {@code message}, {@code kv}, {@code task} or {@code custom}
 * @param operation what happened, e.g. {@code export}
 * @param resourceType the kind of resource acted on ("" = none)
 * @param resourceId the resource ("" = none)
 * @param workspace target workspace ("" = the caller's; another one needs {@code
 *     capability/audit_submit})
 * @param success whether the audited action succeeded
 * @param errorMessage failure detail ("" = none)
 * @param metadata free-form metadata
 * @since 0.1.0
 */
public record AuditEvent(
    String eventType,
    String operation,
    String resourceType,
    String resourceId,
    String workspace,
    boolean success,
    String errorMessage,
    Map<String, String> metadata) {

  /** Validates and copies. */
  public AuditEvent {
    Arguments.notBlank(eventType, "eventType");
    Arguments.notNull(operation, "operation");
    Arguments.notNull(resourceType, "resourceType");
    Arguments.notNull(resourceId, "resourceId");
    Arguments.notNull(workspace, "workspace");
    Arguments.notNull(errorMessage, "errorMessage");
    metadata = Map.copyOf(Arguments.notNull(metadata, "metadata"));
  }

  /**
   * A successful event in the caller's workspace.
   *
   * @param eventType event type
   * @param operation operation
   * @return the event
   */
  public static AuditEvent of(String eventType, String operation) {
    return new AuditEvent(eventType, operation, "", "", "", true, "", Map.of());
  }

  /**
   * @param type resource type
   * @param id resource id
   * @return a copy naming the resource
   */
  public AuditEvent resource(String type, String id) {
    return new AuditEvent(
        eventType, operation, type, id, workspace, success, errorMessage, metadata);
  }

  /**
   * @param ws target workspace
   * @return a copy for that workspace
   */
  public AuditEvent inWorkspace(String ws) {
    return new AuditEvent(
        eventType, operation, resourceType, resourceId, ws, success, errorMessage, metadata);
  }

  /**
   * @param error failure detail
   * @return a copy recording a failed action
   */
  public AuditEvent failed(String error) {
    return new AuditEvent(
        eventType, operation, resourceType, resourceId, workspace, false, error, metadata);
  }

  /**
   * @param data metadata
   * @return a copy with that metadata
   */
  public AuditEvent withMetadata(Map<String, String> data) {
    return new AuditEvent(
        eventType, operation, resourceType, resourceId, workspace, success, errorMessage, data);
  }

  /**
   * @param clientRequestId correlation id
   * @return the wire form
   */
  public SubmitAuditEventRequest toProto(String clientRequestId) {
    return SubmitAuditEventRequest.newBuilder()
        .setEventType(eventType)
        .setOperation(operation)
        .setResourceType(resourceType)
        .setResourceId(resourceId)
        .setWorkspace(workspace)
        .setSuccess(success)
        .setErrorMessage(errorMessage)
        .putAllMetadata(metadata)
        .setClientRequestId(clientRequestId)
        .build();
  }
}
