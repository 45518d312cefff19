/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded;

import static io.github.aetherjava.gateway.embedded.TestClient.agent;
import static io.github.aetherjava.gateway.embedded.TestClient.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.TunnelAck;
import io.github.aetherjava.proto.v1.TunnelClose;
import io.github.aetherjava.proto.v1.TunnelData;
import io.github.aetherjava.proto.v1.TunnelOpen;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import org.junit.jupiter.api.Test;

/** The tunnel routing component, driven with raw frames. */
class TunnelRoutingTest extends GatewayTestBase {

  private static UpstreamMessage open(String id, String target) {
    return UpstreamMessage.newBuilder()
        .setTunnelOpen(
            TunnelOpen.newBuilder()
                .setTunnelId(id)
                .setTargetTopic(target)
                .setRemoteHint("localhost:5432")
                .setIdleTimeoutMs(5000))
        .build();
  }

  private static UpstreamMessage data(String id, int seq, String text) {
    return UpstreamMessage.newBuilder()
        .setTunnelData(
            TunnelData.newBuilder()
                .setTunnelId(id)
                .setSeq(seq)
                .setData(ByteString.copyFromUtf8(text)))
        .build();
  }

  private static TunnelData nextData(TestClient c) {
    return c.next(DownstreamMessage::hasTunnelData).getTunnelData();
  }

  private static TunnelClose nextClose(TestClient c) {
    return c.next(DownstreamMessage::hasTunnelClose).getTunnelClose();
  }

  /** Opens tunnel {@code id} from {@code caller} and returns the wire id the service sees. */
  private static String opened(TestClient caller, TestClient sv, String id)
      throws InvalidProtocolBufferException {
    caller.send(open(id, "sv::db"));
    TunnelData first = nextData(sv);
    assertThat(first.getSeq()).isZero();
    TunnelOpen seen = TunnelOpen.parseFrom(first.getData());
    assertThat(seen.getTunnelId()).isEqualTo(first.getTunnelId());
    return first.getTunnelId();
  }

  @Test
  void openReachesTheServiceAsSeqZeroDataAndBytesAcksAndCloseFlowBothWaysUnderEachSidesId()
      throws Exception {
    TestClient sv = connected(service("db", "one"));
    TestClient caller = connected(agent("prod", "impl", "a"));

    caller.send(open("req-1", "sv::db"));
    TunnelData first = nextData(sv);
    String wire = first.getTunnelId();
    assertThat(wire).startsWith("_aether/wire/");
    TunnelOpen seen = TunnelOpen.parseFrom(first.getData());
    assertThat(seen.getTargetTopic()).isEqualTo("sv::db::one");
    assertThat(seen.getRemoteHint()).isEqualTo("localhost:5432");
    assertThat(seen.getIdleTimeoutMs()).isEqualTo(5000);
    assertThat(seen.getProxyChainDepth()).isEqualTo(1);

    caller.send(data("req-1", 1, "ping"));
    TunnelData in = nextData(sv);
    assertThat(in.getTunnelId()).isEqualTo(wire);
    assertThat(in.getData().toStringUtf8()).isEqualTo("ping");

    sv.send(data(wire, 1, "pong"));
    TunnelData back = nextData(caller);
    assertThat(back.getTunnelId()).isEqualTo("req-1");
    assertThat(back.getData().toStringUtf8()).isEqualTo("pong");

    sv.send(
        UpstreamMessage.newBuilder()
            .setTunnelAck(TunnelAck.newBuilder().setTunnelId(wire).setCredits(16))
            .build());
    TunnelAck ack = caller.next(DownstreamMessage::hasTunnelAck).getTunnelAck();
    assertThat(ack.getTunnelId()).isEqualTo("req-1");
    assertThat(ack.getCredits()).isEqualTo(16);

    caller.send(
        UpstreamMessage.newBuilder()
            .setTunnelClose(
                TunnelClose.newBuilder()
                    .setTunnelId("req-1")
                    .setReason(TunnelClose.Reason.NORMAL)
                    .setDetail("done"))
            .build());
    TunnelClose closed = nextClose(sv);
    assertThat(closed.getTunnelId()).isEqualTo(wire);
    assertThat(closed.getDetail()).isEqualTo("done");

    caller.send(data("req-1", 2, "late"));
    TunnelClose reset = nextClose(caller);
    assertThat(reset.getReason()).isEqualTo(TunnelClose.Reason.PEER_RESET);
    assertThat(reset.getDetail()).isEqualTo("tunnel pin expired or unknown");
  }

  @Test
  void failuresArriveAsTunnelClose() {
    TestClient caller = connected(agent("prod", "impl", "a"));

    caller.send(open("", "sv::db"));
    TunnelClose noId = nextClose(caller);
    assertThat(noId.getReason()).isEqualTo(TunnelClose.Reason.ERROR);
    assertThat(noId.getDetail()).isEqualTo("tunnel_id is required");

    caller.send(open("req-2", "sv::db"));
    TunnelClose none = nextClose(caller);
    assertThat(none.getTunnelId()).isEqualTo("req-2");
    assertThat(none.getReason()).isEqualTo(TunnelClose.Reason.ERROR);
    assertThat(none.getDetail())
        .isEqualTo("SIDECAR_UNAVAILABLE: no healthy sv::db instances available");

    caller.send(
        UpstreamMessage.newBuilder()
            .setTunnelOpen(
                TunnelOpen.newBuilder()
                    .setTunnelId("req-3")
                    .setTargetTopic("ag::prod::impl::b")
                    .setProxyChainDepth(8))
            .build());
    TunnelClose deep = nextClose(caller);
    assertThat(deep.getReason()).isEqualTo(TunnelClose.Reason.ERROR);
    assertThat(deep.getDetail())
        .isEqualTo("ACL_DENIED: proxy_chain_depth_exceeded: inbound=8 cap=8");
  }

  @Test
  void theWorkspaceCapRefusesTheTunnelBeyondItAndAFreedSlotIsReused() throws Exception {
    TestClient sv = connected(service("db", "one"));
    TestClient caller = connected(agent("prod", "impl", "a"));
    for (int i = 0; i < 256; i++) {
      opened(caller, sv, "t-" + i);
    }
    caller.send(open("t-256", "sv::db"));
    TunnelClose refused = nextClose(caller);
    assertThat(refused.getTunnelId()).isEqualTo("t-256");
    assertThat(refused.getReason()).isEqualTo(TunnelClose.Reason.QUOTA);
    assertThat(refused.getDetail()).isEqualTo("workspace tunnel cap 256 reached");

    caller.send(
        UpstreamMessage.newBuilder()
            .setTunnelClose(TunnelClose.newBuilder().setTunnelId("t-0"))
            .build());
    nextClose(sv);
    opened(caller, sv, "t-257");
  }

  @Test
  void theSurvivorGetsPeerResetWhenEitherEndDisconnects() throws Exception {
    TestClient sv = connected(service("db", "one"));
    TestClient caller = connected(agent("prod", "impl", "a"));
    opened(caller, sv, "req-1");
    sv.close();
    TunnelClose toCaller = nextClose(caller);
    assertThat(toCaller.getTunnelId()).isEqualTo("req-1");
    assertThat(toCaller.getReason()).isEqualTo(TunnelClose.Reason.PEER_RESET);

    TestClient sv2 = connected(service("db", "two"));
    String wire = opened(caller, sv2, "req-2");
    caller.close();
    TunnelClose toService = nextClose(sv2);
    assertThat(toService.getTunnelId()).isEqualTo(wire);
    assertThat(toService.getReason()).isEqualTo(TunnelClose.Reason.PEER_RESET);
    assertThat(toService.getDetail()).isEqualTo("tunnel peer disconnected");
  }
}
