/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aetherjava.gateway.embedded.internal.Frames;
import io.github.aetherjava.proto.v1.AdminQuery;
import io.github.aetherjava.proto.v1.CheckpointResponse;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.ErrorResponse;
import io.github.aetherjava.proto.v1.KVOperation;
import io.github.aetherjava.proto.v1.SendMessage;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import io.github.aetherjava.proto.v1.WorkflowResponse;
import org.junit.jupiter.api.Test;

/** Every error that answers a request carries that request's id. */
class ErrorCorrelationTest extends GatewayTestBase {

  @Test
  void requestIdIsReadFromWhicheverPayloadIsSet() {
    assertThat(
            Frames.requestId(
                UpstreamMessage.newBuilder()
                    .setAdminQuery(AdminQuery.newBuilder().setRequestId("a-1"))
                    .build()))
        .isEqualTo("a-1");
    assertThat(
            Frames.requestId(
                DownstreamMessage.newBuilder()
                    .setCheckpoint(CheckpointResponse.newBuilder().setRequestId("c-9"))
                    .build()))
        .isEqualTo("c-9");
    // Payloads without a request id, and frames without a payload, have none.
    assertThat(
            Frames.requestId(
                UpstreamMessage.newBuilder().setSend(SendMessage.newBuilder()).build()))
        .isEmpty();
    assertThat(Frames.requestId(UpstreamMessage.getDefaultInstance())).isEmpty();
  }

  @Test
  void unsupportedRequestIsAnsweredWithItsRequestId() {
    TestClient c = connected(TestClient.user("alice", "t1"));
    c.send(
        UpstreamMessage.newBuilder()
            .setAdminQuery(AdminQuery.newBuilder().setRequestId("req-42"))
            .build());
    ErrorResponse e = c.nextError();
    assertThat(e.getCode()).isEqualTo("ERR_NOT_IMPLEMENTED");
    assertThat(e.getRequestId()).isEqualTo("req-42");
  }

  @Test
  void refusedWorkflowResponseCarriesItsRequestId() {
    TestClient c = connected(TestClient.agent("prod", "impl", "s1"));
    c.send(
        UpstreamMessage.newBuilder()
            .setWorkflowResponse(WorkflowResponse.newBuilder().setRequestId("wf-7"))
            .build());
    ErrorResponse e = c.nextError();
    assertThat(e.getCode()).isEqualTo("ERR_PERMISSION_DENIED");
    assertThat(e.getRequestId()).isEqualTo("wf-7");
  }

  @Test
  void kvRejectionCarriesItsRequestId() {
    TestClient c = connected(TestClient.user("alice", "t1"));
    String id = c.kvAsync(KVOperation.newBuilder().setOp(KVOperation.OpType.GET).setKey("k"));
    ErrorResponse e = c.nextError();
    assertThat(e.getCode()).isEqualTo("KV_ERROR");
    assertThat(e.getRequestId()).isEqualTo(id);
  }
}
