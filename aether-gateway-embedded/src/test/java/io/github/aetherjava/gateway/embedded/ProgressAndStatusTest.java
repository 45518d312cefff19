/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded;

import static io.github.aetherjava.gateway.embedded.TestClient.agent;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.aetherjava.proto.v1.ConnectionStatusRequest;
import io.github.aetherjava.proto.v1.ConnectionStatusResponse;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.PrincipalRef;
import io.github.aetherjava.proto.v1.ProgressReport;
import io.github.aetherjava.proto.v1.ProgressUpdate;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProgressAndStatusTest extends GatewayTestBase {

  private static UpstreamMessage progress(String summary, String recipient) {
    return UpstreamMessage.newBuilder()
        .setProgress(
            ProgressReport.newBuilder()
                .setTaskId("t-1")
                .setState("running")
                .setCompletion(0.5)
                .setSummary(summary)
                .setRecipient(recipient)
                .putMetadata("k", "v"))
        .build();
  }

  private static ProgressUpdate nextUpdate(TestClient c) {
    return c.next(DownstreamMessage::hasProgressUpdate).getProgressUpdate();
  }

  @Test
  void workspaceProgressReachesAgentsAndSwitchedUsersButNotTheSender() {
    TestClient a = connected(agent("prod", "impl", "a"));
    TestClient b = connected(agent("prod", "impl", "b"));
    TestClient alice = connected(TestClient.user("alice", "t1"));
    alice.switchWorkspace("prod");
    alice.sendMessage("us::alice::t1", "switched"); // same stream: proves the switch is applied
    alice.nextMessage();

    a.send(progress("half", ""));
    ProgressUpdate u = nextUpdate(b);
    assertThat(u.getSource()).isEqualTo("ag::prod::impl::a");
    assertThat(u.getSummary()).isEqualTo("half");
    assertThat(u.getWorkspace()).isEqualTo("prod");
    assertThat(u.getMetadataMap()).containsEntry("k", "v");
    assertThat(u.getTimestampMs()).isPositive();
    assertThat(nextUpdate(alice).getSummary()).isEqualTo("half");

    // The sender only sees what others publish.
    b.send(progress("from-b", ""));
    assertThat(nextUpdate(a).getSummary()).isEqualTo("from-b");
  }

  @Test
  void userAddressedProgressReachesTheRightWindows() {
    TestClient a = connected(agent("prod", "impl", "a"));
    TestClient t1 = connected(TestClient.user("alice", "t1"));
    TestClient t2 = connected(TestClient.user("alice", "t2"));
    a.send(progress("only-t1", "us::alice::t1"));
    a.send(progress("both", "us::alice"));
    assertThat(nextUpdate(t1).getSummary()).isEqualTo("only-t1");
    assertThat(nextUpdate(t1).getSummary()).isEqualTo("both");
    assertThat(nextUpdate(t2).getSummary()).isEqualTo("both");
  }

  @Test
  void onlyAgentsTasksAndServicesReportProgress() {
    TestClient u = connected(TestClient.user("alice", "t1"));
    u.send(progress("x", ""));
    assertThat(u.expectError("ERR_INVALID_PRINCIPAL").getMessage())
        .isEqualTo("only agents, tasks, and services can report progress");
  }

  private static ConnectionStatusResponse status(TestClient c, String type, String id) {
    String rid = UUID.randomUUID().toString();
    c.send(
        UpstreamMessage.newBuilder()
            .setConnectionStatusRequest(
                ConnectionStatusRequest.newBuilder()
                    .setRequestId(rid)
                    .setPrincipal(
                        PrincipalRef.newBuilder().setPrincipalType(type).setPrincipalId(id)))
            .build());
    ConnectionStatusResponse r =
        c.next(DownstreamMessage::hasConnectionStatusResponse).getConnectionStatusResponse();
    assertThat(r.getRequestId()).isEqualTo(rid);
    return r;
  }

  @Test
  void connectionStatus() {
    TestClient a = connected(agent("prod", "impl", "a"));
    assertThat(status(a, "Agent", "ag::prod::impl::a").getConnected()).isTrue();
    ConnectionStatusResponse other = status(a, "agent", "ag::prod::impl::b");
    assertThat(other.getOk()).isFalse();
    assertThat(other.getError()).isEqualTo("not authorized");

    TestClient wfe = connected(TestClient.wfe());
    assertThat(status(wfe, "agent", "ag::prod::impl::a").getConnected()).isTrue();
    ConnectionStatusResponse offline = status(wfe, "agent", "ag::prod::impl::zzz");
    assertThat(offline.getOk()).isTrue();
    assertThat(offline.getConnected()).isFalse();
    assertThat(status(wfe, "metrics_bridge", "").getConnected()).isFalse();
  }

  @Test
  void workflowOperationsAreRelayedToTheEngineAndBack() {
    TestClient a = connected(agent("prod", "impl", "a"));
    a.next();
    a.send(
        UpstreamMessage.newBuilder()
            .setWorkflowOp(
                io.github.aetherjava.proto.v1.WorkflowOperation.newBuilder().setRequestId("w1"))
            .build());
    var none = a.next(DownstreamMessage::hasWorkflowResponse).getWorkflowResponse();
    assertThat(none.getSuccess()).isFalse();
    assertThat(none.getError()).isEqualTo("workflow engine not connected");
    assertThat(none.getRequestId()).isEqualTo("w1");

    TestClient wfe = connected(TestClient.wfe());
    a.send(
        UpstreamMessage.newBuilder()
            .setWorkflowOp(
                io.github.aetherjava.proto.v1.WorkflowOperation.newBuilder()
                    .setRequestId("w2")
                    .setWorkspace("prod"))
            .build());
    var op = wfe.next(DownstreamMessage::hasWorkflowOp).getWorkflowOp();
    assertThat(op.getRequestId()).isEqualTo("w2");
    assertThat(op.getWorkspace()).isEqualTo("prod");
    wfe.send(
        UpstreamMessage.newBuilder()
            .setWorkflowResponse(
                io.github.aetherjava.proto.v1.WorkflowResponse.newBuilder()
                    .setRequestId("w2")
                    .setSuccess(true)
                    .setMessage("done"))
            .build());
    var answer = a.next(DownstreamMessage::hasWorkflowResponse).getWorkflowResponse();
    assertThat(answer.getSuccess()).isTrue();
    assertThat(answer.getMessage()).isEqualTo("done");

    // Only the engine may answer.
    a.send(
        UpstreamMessage.newBuilder()
            .setWorkflowResponse(
                io.github.aetherjava.proto.v1.WorkflowResponse.newBuilder().setRequestId("w2"))
            .build());
    a.expectError("ERR_PERMISSION_DENIED");
  }
}
