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
 * The workflow engine's answer. An unsuccessful answer is a value, not an exception: the caller
 * decides ({@code workflow engine not connected} and {@code workflow operation timed out} arrive
 * this way from the gateway).
 *
 * @param success whether the operation succeeded
 * @param error why not, or empty
 * @param message a message, or empty
 * @param data JSON result, or empty
 * @param totalCount total rows of a listing
 * @since 0.1.0
 */
public record WorkflowResult(
    boolean success, String error, String message, byte[] data, int totalCount) {

  /** Validates and copies. */
  public WorkflowResult {
    Arguments.notNull(error, "error");
    Arguments.notNull(message, "message");
    data = Arguments.notNull(data, "data").clone();
  }

  /**
   * @param json JSON result
   * @return a success
   */
  public static WorkflowResult ok(String json) {
    return new WorkflowResult(true, "", "", json.getBytes(StandardCharsets.UTF_8), 0);
  }

  /**
   * @param error why
   * @return a failure
   */
  public static WorkflowResult failed(String error) {
    return new WorkflowResult(false, error, "", new byte[0], 0);
  }

  /**
   * @return the result (a copy)
   */
  @Override
  public byte[] data() {
    return data.clone();
  }

  /**
   * @return the result as UTF-8
   */
  public String dataAsString() {
    return new String(data, StandardCharsets.UTF_8);
  }

  /**
   * @param requestId the operation's correlation id
   * @return the wire form
   */
  public io.github.aetherjava.proto.v1.WorkflowResponse toProto(String requestId) {
    return io.github.aetherjava.proto.v1.WorkflowResponse.newBuilder()
        .setSuccess(success)
        .setError(error)
        .setMessage(message)
        .setData(ByteString.copyFrom(data))
        .setTotalCount(totalCount)
        .setRequestId(requestId)
        .build();
  }

  /**
   * @param p wire form
   * @return value
   */
  public static WorkflowResult fromProto(io.github.aetherjava.proto.v1.WorkflowResponse p) {
    return new WorkflowResult(
        p.getSuccess(), p.getError(), p.getMessage(), p.getData().toByteArray(), p.getTotalCount());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WorkflowResult r
        && success == r.success
        && error.equals(r.error)
        && message.equals(r.message)
        && java.util.Arrays.equals(data, r.data)
        && totalCount == r.totalCount;
  }

  @Override
  public int hashCode() {
    return Objects.hash(success, error, message, java.util.Arrays.hashCode(data), totalCount);
  }

  @Override
  public String toString() {
    return "WorkflowResult[success="
        + success
        + ", error="
        + error
        + ", message="
        + message
        + ", dataBytes="
        + data.length
        + ", totalCount="
        + totalCount
        + "]";
  }
}
