/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.admin;

import io.github.aetherjava.client.internal.Arguments;
import io.github.aetherjava.proto.v1.WorkspaceInfo;
import java.util.Map;

/**
 * A workspace as the gateway reports it, or the descriptive data to store with {@link
 * AdminClient#createWorkspace}/{@link AdminClient#updateWorkspace} (counts are then ignored).
 *
 * @param id workspace id
 * @param displayName display name
 * @param description description
 * @param metadata free-form metadata
 * @param activeAgents connected agents
 * @param activeTasks connected tasks
 * @param activeUsers user windows switched to it
 * @since 0.1.0
 */
public record WorkspaceDetails(
    String id,
    String displayName,
    String description,
    Map<String, String> metadata,
    int activeAgents,
    int activeTasks,
    int activeUsers) {

  /** Copies the map. */
  public WorkspaceDetails {
    Arguments.notNull(id, "id");
    Arguments.notNull(displayName, "displayName");
    Arguments.notNull(description, "description");
    metadata = Map.copyOf(Arguments.notNull(metadata, "metadata"));
  }

  /**
   * @param id workspace id
   * @param displayName display name
   * @param description description
   * @return descriptive data for create/update
   */
  public static WorkspaceDetails of(String id, String displayName, String description) {
    return new WorkspaceDetails(id, displayName, description, Map.of(), 0, 0, 0);
  }

  /**
   * @return the wire form (descriptive fields only)
   */
  public WorkspaceInfo toProto() {
    return WorkspaceInfo.newBuilder()
        .setWorkspaceId(id)
        .setDisplayName(displayName)
        .setDescription(description)
        .putAllMetadata(metadata)
        .build();
  }

  /**
   * @param p wire form
   * @return value
   */
  public static WorkspaceDetails fromProto(WorkspaceInfo p) {
    return new WorkspaceDetails(
        p.getWorkspaceId(),
        p.getDisplayName(),
        p.getDescription(),
        p.getMetadataMap(),
        p.getActiveAgents(),
        p.getActiveTasks(),
        p.getActiveUsers());
  }
}
