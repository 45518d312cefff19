/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded;

import static io.github.aetherjava.gateway.embedded.TestClient.agent;
import static io.github.aetherjava.gateway.embedded.TestClient.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.github.aetherjava.proto.v1.AuthorizationContext;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.ProxyError;
import io.github.aetherjava.proto.v1.ProxyHttpBodyChunk;
import io.github.aetherjava.proto.v1.ProxyHttpRequest;
import io.github.aetherjava.proto.v1.ProxyHttpResponse;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import org.junit.jupiter.api.Test;

/** The proxy routing component, driven with raw frames. */
class ProxyRoutingTest extends GatewayTestBase {

  private static UpstreamMessage request(ProxyHttpRequest.Builder r) {
    return UpstreamMessage.newBuilder().setProxyHttpRequest(r).build();
  }

  private static ProxyHttpRequest.Builder get(String id, String target) {
    return ProxyHttpRequest.newBuilder()
        .setRequestId(id)
        .setTargetTopic(target)
        .setMethod("GET")
        .setPath("/hello?x=1");
  }

  private static ProxyHttpRequest nextRequest(TestClient c) {
    return c.next(DownstreamMessage::hasProxyHttpRequest).getProxyHttpRequest();
  }

  private static ProxyHttpResponse nextResponse(TestClient c) {
    return c.next(DownstreamMessage::hasProxyHttpResponse).getProxyHttpResponse();
  }

  private static ProxyHttpBodyChunk nextChunk(TestClient c) {
    return c.next(DownstreamMessage::hasProxyHttpBodyChunk).getProxyHttpBodyChunk();
  }

  @Test
  void requestGetsAWireIdMintedHeadersAndTheResponseComesBackUnderTheCallersId() {
    TestClient sv = connected(service("memory", "one"));
    TestClient caller = connected(agent("prod", "impl", "a"));

    caller.send(
        request(
            get("req-1", "sv::memory")
                .putHeaders("Accept", "text/plain")
                .putHeaders("X-Auth-User-ID", "spoofed")
                .putHeaders("x-aether-actor-topic", "spoofed")
                .setProxyChainDepth(2)));
    ProxyHttpRequest in = nextRequest(sv);
    assertThat(in.getRequestId()).startsWith("_aether/wire/");
    assertThat(in.getTargetTopic()).isEqualTo("sv::memory::one");
    assertThat(in.getPath()).isEqualTo("/hello?x=1");
    assertThat(in.getProxyChainDepth()).isEqualTo(3);
    assertThat(in.getHeadersMap())
        .containsEntry("Accept", "text/plain")
        .containsEntry("x-aether-actor-topic", "ag::prod::impl::a")
        .containsEntry("X-Auth-User-ID", "ag::prod::impl::a")
        .containsEntry("X-Auth-Principal-Type", "Agent")
        .containsEntry("X-Auth-Actor-ID", "ag::prod::impl::a")
        .containsEntry("X-Auth-Workspace-Access", "20")
        .containsEntry("X-Auth-Authority-Mode", "direct")
        .containsEntry("X-Auth-Tenant-ID", "prod");

    sv.send(
        UpstreamMessage.newBuilder()
            .setProxyHttpResponse(
                ProxyHttpResponse.newBuilder()
                    .setRequestId(in.getRequestId())
                    .setStatusCode(200)
                    .putHeaders("Content-Type", "text/plain")
                    .setBody(ByteString.copyFromUtf8("hi")))
            .build());
    ProxyHttpResponse out = nextResponse(caller);
    assertThat(out.getRequestId()).isEqualTo("req-1");
    assertThat(out.getStatusCode()).isEqualTo(200);
    assertThat(out.getBody().toStringUtf8()).isEqualTo("hi");
    assertThat(out.hasError()).isFalse();
  }

  @Test
  void chunksAreTranslatedBothWays() {
    TestClient sv = connected(service("memory", "one"));
    TestClient caller = connected(agent("prod", "impl", "a"));

    caller.send(request(get("up-1", "sv::memory::one").setMethod("POST").setBodyChunked(true)));
    String wire = nextRequest(sv).getRequestId();
    for (int seq = 0; seq < 3; seq++) {
      caller.send(
          UpstreamMessage.newBuilder()
              .setProxyHttpBodyChunk(
                  ProxyHttpBodyChunk.newBuilder()
                      .setRequestId("up-1")
                      .setIsRequest(true)
                      .setSeq(seq)
                      .setData(ByteString.copyFromUtf8("part" + seq))
                      .setFin(seq == 2))
              .build());
    }
    for (int seq = 0; seq < 3; seq++) {
      ProxyHttpBodyChunk c = nextChunk(sv);
      assertThat(c.getRequestId()).isEqualTo(wire);
      assertThat(c.getSeq()).isEqualTo(seq);
      assertThat(c.getData().toStringUtf8()).isEqualTo("part" + seq);
    }

    sv.send(
        UpstreamMessage.newBuilder()
            .setProxyHttpResponse(
                ProxyHttpResponse.newBuilder()
                    .setRequestId(wire)
                    .setStatusCode(201)
                    .setBodyChunked(true))
            .build());
    sv.send(
        UpstreamMessage.newBuilder()
            .setProxyHttpBodyChunk(
                ProxyHttpBodyChunk.newBuilder()
                    .setRequestId(wire)
                    .setData(ByteString.copyFromUtf8("done"))
                    .setFin(true))
            .build());
    assertThat(nextResponse(caller).getRequestId()).isEqualTo("up-1");
    ProxyHttpBodyChunk back = nextChunk(caller);
    assertThat(back.getRequestId()).isEqualTo("up-1");
    assertThat(back.getIsRequest()).isFalse();
    assertThat(back.getFin()).isTrue();

    // the fin released the pin: a further request chunk has nowhere to go
    caller.send(
        UpstreamMessage.newBuilder()
            .setProxyHttpBodyChunk(
                ProxyHttpBodyChunk.newBuilder().setRequestId("up-1").setIsRequest(true))
            .build());
    ProxyHttpResponse err = nextResponse(caller);
    assertThat(err.getError().getKind()).isEqualTo(ProxyError.Kind.SIDECAR_UNAVAILABLE);
    assertThat(err.getError().getMessage()).isEqualTo("request pin expired or unknown");
  }

  @Test
  void refusalsCarryTheCallersIdAndTheRealGatewaysTexts() {
    TestClient caller = connected(agent("prod", "impl", "a"));

    caller.send(request(get("r1", "sv::nobody")));
    ProxyHttpResponse none = nextResponse(caller);
    assertThat(none.getRequestId()).isEqualTo("r1");
    assertThat(none.getError().getKind()).isEqualTo(ProxyError.Kind.SIDECAR_UNAVAILABLE);
    assertThat(none.getError().getMessage()).isEqualTo("no healthy sv::nobody instances available");

    caller.send(request(get("r2", "sv::x::y").setProxyChainDepth(8)));
    ProxyHttpResponse deep = nextResponse(caller);
    assertThat(deep.getRequestId()).isEqualTo("r2");
    assertThat(deep.getError().getKind()).isEqualTo(ProxyError.Kind.ACL_DENIED);
    assertThat(deep.getError().getMessage())
        .isEqualTo("proxy_chain_depth_exceeded: inbound=8 cap=8");

    caller.send(
        request(
            get("r3", "sv::x::y")
                .setAuthorization(
                    AuthorizationContext.newBuilder()
                        .setAuthorityMode("on_behalf_of")
                        .setGrantId("g"))));
    ProxyHttpResponse obo = nextResponse(caller);
    assertThat(obo.getRequestId()).isEqualTo("r3");
    assertThat(obo.getError().getKind()).isEqualTo(ProxyError.Kind.ACL_DENIED);
  }

  @Test
  void serviceDisconnectMidRequestTellsTheCaller() {
    TestClient sv = connected(service("memory", "one"));
    TestClient caller = connected(agent("prod", "impl", "a"));
    caller.send(request(get("r1", "sv::memory")));
    nextRequest(sv);

    sv.close();
    ProxyHttpResponse err = nextResponse(caller);
    assertThat(err.getRequestId()).isEqualTo("r1");
    assertThat(err.getError().getKind()).isEqualTo(ProxyError.Kind.SIDECAR_UNAVAILABLE);
    assertThat(err.getError().getMessage()).isEqualTo("peer session ended (sv::memory::one)");
    ProxyHttpBodyChunk fin = nextChunk(caller);
    assertThat(fin.getRequestId()).isEqualTo("r1");
    assertThat(fin.getFin()).isTrue();
  }

  @Test
  void callerDisconnectMidRequestTellsTheService() {
    TestClient sv = connected(service("memory", "one"));
    TestClient caller = connected(agent("prod", "impl", "a"));
    caller.send(request(get("r1", "sv::memory")));
    String wire = nextRequest(sv).getRequestId();

    caller.close();
    ProxyHttpResponse err = nextResponse(sv);
    assertThat(err.getRequestId()).isEqualTo(wire);
    assertThat(err.getError().getMessage()).isEqualTo("peer session ended (ag::prod::impl::a)");
  }

  @Test
  void aCallerThatReadsSlowlyPushesBackOnTheServiceInsteadOfLosingChunks() {
    EmbeddedAetherGateway gw =
        track(EmbeddedAetherGateway.builder().senderPushbackThreshold(20).start());
    var svChannel =
        io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder.forTarget(gw.address())
            .usePlaintext()
            .build();
    track(() -> svChannel.shutdownNow());
    TestClient sv = track(TestClient.open(svChannel));
    sv.connect(service("memory", "one"));
    var callerChannel =
        io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder.forTarget(gw.address())
            .usePlaintext()
            .build();
    track(() -> callerChannel.shutdownNow());
    TestClient caller = track(TestClient.openNeverReading(callerChannel));
    caller.send(UpstreamMessage.newBuilder().setInit(agent("prod", "impl", "slow")).build());
    org.awaitility.Awaitility.await()
        .until(() -> gw.connectedIdentities().contains("ag::prod::impl::slow"));

    caller.send(request(get("big", "sv::memory::one")));
    String wire = nextRequest(sv).getRequestId();
    sv.send(
        UpstreamMessage.newBuilder()
            .setProxyHttpResponse(
                ProxyHttpResponse.newBuilder().setRequestId(wire).setBodyChunked(true))
            .build());
    int chunks = 400;
    for (int seq = 0; seq < chunks; seq++) {
      sv.send(
          UpstreamMessage.newBuilder()
              .setProxyHttpBodyChunk(
                  ProxyHttpBodyChunk.newBuilder()
                      .setRequestId(wire)
                      .setSeq(seq)
                      .setData(ByteString.copyFrom(new byte[16 * 1024]))
                      .setFin(seq == chunks - 1))
              .build());
    }
    org.awaitility.Awaitility.await()
        .untilAsserted(
            () ->
                assertThat(gw.sessions())
                    .filteredOn(s -> s.identity().equals("sv::memory::one"))
                    .singleElement()
                    .satisfies(s -> assertThat(s.inboundPaused()).isTrue()));

    caller.request(Integer.MAX_VALUE);
    assertThat(nextResponse(caller).getRequestId()).isEqualTo("big");
    for (int seq = 0; seq < chunks; seq++) {
      ProxyHttpBodyChunk c = nextChunk(caller);
      assertThat(c.getSeq()).isEqualTo(seq);
      assertThat(c.getFin()).isEqualTo(seq == chunks - 1);
    }
  }
}
