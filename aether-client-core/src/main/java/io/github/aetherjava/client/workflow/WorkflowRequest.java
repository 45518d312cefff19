/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.workflow;

import com.google.protobuf.ByteString;
import io.github.aetherjava.client.internal.Arguments;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A workflow operation: its type, the ids it is about, the workspace and a JSON body.
 *
 * <pre>{@code
 * WorkflowResult r = agent.workflow()
 *     .send(WorkflowRequest.of(WorkflowOperationType.GET_WORKFLOW).withId("wf-1"))
 *     .join();
 * }</pre>
 *
 * @param type what to do
 * @param id the primary id (rule, workflow, execution, ...), or empty
 * @param secondaryId a secondary id, or empty
 * @param workspace workspace, or empty
 * @param data JSON body, or empty
 * @param statusFilter status filter for listings, or empty
 * @since 0.1.0
 */
public record WorkflowRequest(
    WorkflowOperationType type,
    String id,
    String secondaryId,
    String workspace,
    byte[] data,
    String statusFilter) {

  /** Validates and copies. */
  public WorkflowRequest {
    Arguments.notNull(type, "type");
    Arguments.notNull(id, "id");
    Arguments.notNull(secondaryId, "secondaryId");
    Arguments.notNull(workspace, "workspace");
    data = Arguments.notNull(data, "data").clone();
    Arguments.notNull(statusFilter, "statusFilter");
  }

  /**
   * @param type what to do
   * @return a request with nothing else set
   */
  public static WorkflowRequest of(WorkflowOperationType type) {
    return new WorkflowRequest(type, "", "", "", new byte[0], "");
  }

  /**
   * @param id the primary id
   * @return a copy with it
   */
  public WorkflowRequest withId(String id) {
    return new WorkflowRequest(type, id, secondaryId, workspace, data, statusFilter);
  }

  /**
   * @param secondaryId the secondary id
   * @return a copy with it
   */
  public WorkflowRequest withSecondaryId(String secondaryId) {
    return new WorkflowRequest(type, id, secondaryId, workspace, data, statusFilter);
  }

  /**
   * @param workspace workspace
   * @return a copy with it
   */
  public WorkflowRequest withWorkspace(String workspace) {
    return new WorkflowRequest(type, id, secondaryId, workspace, data, statusFilter);
  }

  /**
   * @param json JSON body
   * @return a copy with it
   */
  public WorkflowRequest withData(String json) {
    return new WorkflowRequest(
        type, id, secondaryId, workspace, json.getBytes(StandardCharsets.UTF_8), statusFilter);
  }

  /**
   * @param statusFilter status filter
   * @return a copy with it
   */
  public WorkflowRequest withStatusFilter(String statusFilter) {
    return new WorkflowRequest(type, id, secondaryId, workspace, data, statusFilter);
  }

  /**
   * @return the body as UTF-8
   */
  public String dataAsString() {
    return new String(data, StandardCharsets.UTF_8);
  }

  /**
   * @return the body (a copy)
   */
  @Override
  public byte[] data() {
    return data.clone();
  }

  /**
   * @param requestId correlation id
   * @return the wire form
   */
  public io.github.aetherjava.proto.v1.WorkflowOperation toProto(String requestId) {
    return io.github.aetherjava.proto.v1.WorkflowOperation.newBuilder()
        .setOp(type.toProto())
        .setId(id)
        .setSecondaryId(secondaryId)
        .setWorkspace(workspace)
        .setData(ByteString.copyFrom(data))
        .setStatusFilter(statusFilter)
        .setRequestId(requestId)
        .build();
  }

  /**
   * @param p wire form
   * @return value
   */
  public static WorkflowRequest fromProto(io.github.aetherjava.proto.v1.WorkflowOperation p) {
    return new WorkflowRequest(
        WorkflowOperationType.fromProto(p.getOp()),
        p.getId(),
        p.getSecondaryId(),
        p.getWorkspace(),
        p.getData().toByteArray(),
        p.getStatusFilter());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WorkflowRequest r
        && type == r.type
        && id.equals(r.id)
        && secondaryId.equals(r.secondaryId)
        && workspace.equals(r.workspace)
        && java.util.Arrays.equals(data, r.data)
        && statusFilter.equals(r.statusFilter);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, id, secondaryId, workspace, java.util.Arrays.hashCode(data));
  }

  @Override
  public String toString() {
    return "WorkflowRequest[type="
        + type
        + ", id="
        + id
        + ", secondaryId="
        + secondaryId
        + ", workspace="
        + workspace
        + ", dataBytes="
        + data.length
        + ", statusFilter="
        + statusFilter
        + "]";
  }
}
