/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.audit;

import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.internal.Arguments;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Filters of an audit query; empty strings and nulls match everything. Results come newest first.
 *
 * @param from earliest time, or null
 * @param to latest time, or null
 * @param eventType event type ("" = any)
 * @param actorType actor principal type, e.g. {@code agent} ("" = any)
 * @param actorId actor id ("" = any)
 * @param resourceType resource type ("" = any)
 * @param resourceId resource id ("" = any)
 * @param operation operation ("" = any)
 * @param workspace workspace ("" = any)
 * @param onlyFailures only events that recorded a failure
 * @param excludeActorTypes actor types to leave out
 * @param limit page size (0 = gateway default 100; at most 500)
 * @param offset entries to skip
 * @since 0.1.0
 */
public record AuditQuery(
    @Nullable Instant from,
    @Nullable Instant to,
    String eventType,
    String actorType,
    String actorId,
    String resourceType,
    String resourceId,
    String operation,
    String workspace,
    boolean onlyFailures,
    List<String> excludeActorTypes,
    int limit,
    int offset) {

  /** Largest page the gateway returns. */
  public static final int MAX_LIMIT = 500;

  /** Everything, first page. */
  public static final AuditQuery ALL =
      new AuditQuery(null, null, "", "", "", "", "", "", "", false, List.of(), 0, 0);

  /** Validates and copies. */
  public AuditQuery {
    Arguments.notNull(eventType, "eventType");
    Arguments.notNull(actorType, "actorType");
    Arguments.notNull(actorId, "actorId");
    Arguments.notNull(resourceType, "resourceType");
    Arguments.notNull(resourceId, "resourceId");
    Arguments.notNull(operation, "operation");
    Arguments.notNull(workspace, "workspace");
    if (limit < 0 || limit > MAX_LIMIT) {
      throw new InvalidArgumentException("limit must be 0-" + MAX_LIMIT + ", got " + limit);
    }
    Arguments.notNegative(offset, "offset");
    excludeActorTypes = List.copyOf(Arguments.notNull(excludeActorTypes, "excludeActorTypes"));
  }

  /**
   * @param type event type
   * @return a copy filtering on it
   */
  public AuditQuery eventType(String type) {
    return new AuditQuery(
        from,
        to,
        type,
        actorType,
        actorId,
        resourceType,
        resourceId,
        operation,
        workspace,
        onlyFailures,
        excludeActorTypes,
        limit,
        offset);
  }

  /**
   * @param ws workspace
   * @return a copy filtering on it
   */
  public AuditQuery workspace(String ws) {
    return new AuditQuery(
        from,
        to,
        eventType,
        actorType,
        actorId,
        resourceType,
        resourceId,
        operation,
        ws,
        onlyFailures,
        excludeActorTypes,
        limit,
        offset);
  }

  /**
   * @param type actor type
   * @param id actor id ("" = any)
   * @return a copy filtering on the actor
   */
  public AuditQuery actor(String type, String id) {
    return new AuditQuery(
        from,
        to,
        eventType,
        type,
        id,
        resourceType,
        resourceId,
        operation,
        workspace,
        onlyFailures,
        excludeActorTypes,
        limit,
        offset);
  }

  /**
   * @param start earliest time, or null
   * @param end latest time, or null
   * @return a copy filtering on the time range
   */
  public AuditQuery between(@Nullable Instant start, @Nullable Instant end) {
    return new AuditQuery(
        start,
        end,
        eventType,
        actorType,
        actorId,
        resourceType,
        resourceId,
        operation,
        workspace,
        onlyFailures,
        excludeActorTypes,
        limit,
        offset);
  }

  /**
   * @param failuresOnly only failed events
   * @return a copy with that filter
   */
  public AuditQuery onlyFailures(boolean failuresOnly) {
    return new AuditQuery(
        from,
        to,
        eventType,
        actorType,
        actorId,
        resourceType,
        resourceId,
        operation,
        workspace,
        failuresOnly,
        excludeActorTypes,
        limit,
        offset);
  }

  /**
   * @param pageSize page size
   * @param skip entries to skip
   * @return a copy with that page
   */
  public AuditQuery page(int pageSize, int skip) {
    return new AuditQuery(
        from,
        to,
        eventType,
        actorType,
        actorId,
        resourceType,
        resourceId,
        operation,
        workspace,
        onlyFailures,
        excludeActorTypes,
        pageSize,
        skip);
  }

  /**
   * @param requestId correlation id
   * @return the wire form
   */
  public io.github.aetherjava.proto.v1.AuditQuery toProto(String requestId) {
    return io.github.aetherjava.proto.v1.AuditQuery.newBuilder()
        .setRequestId(requestId)
        .setStartTime(from == null ? 0 : from.getEpochSecond())
        .setEndTime(to == null ? 0 : to.getEpochSecond())
        .setEventType(eventType)
        .setActorType(actorType)
        .setActorId(actorId)
        .setResourceType(resourceType)
        .setResourceId(resourceId)
        .setOperation(operation)
        .setWorkspace(workspace)
        .setOnlyFailures(onlyFailures)
        .addAllExcludeActorTypes(excludeActorTypes)
        .setLimit(limit)
        .setOffset(offset)
        .build();
  }
}
