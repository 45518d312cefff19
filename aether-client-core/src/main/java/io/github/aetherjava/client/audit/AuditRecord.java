/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.audit;

import io.github.aetherjava.proto.v1.AuditEntry;
import java.time.Instant;

/**
 * One stored audit entry.
 *
 * @param id entry id
 * @param timestamp when it was recorded
 * @param eventType event type
 * @param actorType actor principal type
 * @param actorId actor id
 * @param resourceType resource type
 * @param resourceId resource id
 * @param operation operation
 * @param workspace workspace
 * @param sessionId the actor's session
 * @param success whether the audited action succeeded
 * @param errorMessage failure detail
 * @param metadataJson metadata as JSON (credential-like keys redacted)
 * @since 0.1.0
 */
public record AuditRecord(
    long id,
    Instant timestamp,
    String eventType,
    String actorType,
    String actorId,
    String resourceType,
    String resourceId,
    String operation,
    String workspace,
    String sessionId,
    boolean success,
    String errorMessage,
    String metadataJson) {

  /**
   * @param p wire form
   * @return value
   */
  public static AuditRecord fromProto(AuditEntry p) {
    return new AuditRecord(
        p.getAuditId(),
        Instant.ofEpochSecond(p.getTimestamp()),
        p.getEventType(),
        p.getActorType(),
        p.getActorId(),
        p.getResourceType(),
        p.getResourceId(),
        p.getOperation(),
        p.getWorkspace(),
        p.getSessionId(),
        p.getSuccess(),
        p.getErrorMessage(),
        p.getMetadataJson());
  }
}
