/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.ConnectionException;
import io.github.aetherjava.client.FailureReason;
import io.github.aetherjava.client.ReconnectPolicy;
import io.github.aetherjava.client.testing.FakeGateway;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.ProxyError;
import io.github.aetherjava.proto.v1.ProxyHttpBodyChunk;
import io.github.aetherjava.proto.v1.ProxyHttpRequest;
import io.github.aetherjava.proto.v1.ProxyHttpResponse;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import io.grpc.Status;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Wire shape and failure handling of proxied calls against the fake gateway. */
class ProxyProtocolTest {

  private static final int KIB256 = 256 * 1024;

  private FakeGateway gw;
  private AgentClient agent;
  private FakeGateway.Conn conn;

  @BeforeEach
  void setUp() throws Exception {
    gw = FakeGateway.inProcess();
    AetherClientOptions o =
        AetherClientOptions.builder()
            .address(gw.address())
            .reconnect(
                ReconnectPolicy.builder()
                    .initialDelay(Duration.ofMillis(10))
                    .maxDelay(Duration.ofMillis(20))
                    .build())
            .build();
    agent =
        AgentClient.builder(o).workspace("prod").implementation("caller").specifier("1").build();
    agent.connect().get(10, TimeUnit.SECONDS);
    conn = gw.nextConnection();
  }

  @AfterEach
  void tearDown() {
    agent.close();
    gw.close();
  }

  private static Throwable failure(CompletableFuture<?> f) {
    try {
      f.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("future succeeded");
  }

  private static DownstreamMessage response(ProxyHttpResponse.Builder r) {
    return DownstreamMessage.newBuilder().setProxyHttpResponse(r).build();
  }

  private static DownstreamMessage chunk(String id, int seq, String data, boolean fin) {
    return DownstreamMessage.newBuilder()
        .setProxyHttpBodyChunk(
            ProxyHttpBodyChunk.newBuilder()
                .setRequestId(id)
                .setSeq(seq)
                .setData(ByteString.copyFromUtf8(data))
                .setFin(fin))
        .build();
  }

  @Test
  void exactly256KibStaysInlineAndTheRequestCarriesEverySetting() throws Exception {
    CompletableFuture<ProxyResponse> f =
        agent
            .fetch("sv::memorylayer::default", FetchOptions.builder().backendName("api").build())
            .fetch(
                ProxyRequest.builder("PUT", "/v1/m?x=1")
                    .header("Accept", "application/json")
                    .body(new byte[KIB256])
                    .timeout(Duration.ofSeconds(7))
                    .followRedirects(false)
                    .build());
    ProxyHttpRequest req = conn.next().getProxyHttpRequest();
    assertThat(req.getRequestId()).isNotEmpty();
    assertThat(req.getTargetTopic()).isEqualTo("sv::memorylayer::default");
    assertThat(req.getMethod()).isEqualTo("PUT");
    assertThat(req.getPath()).isEqualTo("/v1/m?x=1");
    assertThat(req.getHeadersMap()).containsEntry("Accept", "application/json");
    assertThat(req.getBodyChunked()).isFalse();
    assertThat(req.getBody().size()).isEqualTo(KIB256);
    assertThat(req.getTimeoutMs()).isEqualTo(7000);
    assertThat(req.getFollowRedirects()).isFalse();
    assertThat(req.getBackendName()).isEqualTo("api");
    assertThat(req.getStreamResponseIndefinitely()).isFalse();

    // status 0 means 200, as the Go SDK reads it
    conn.send(response(ProxyHttpResponse.newBuilder().setRequestId(req.getRequestId())));
    assertThat(f.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
  }

  @Test
  void oneByteMoreGoesAsHeaderAndOrderedChunksWithFinOnTheLast() throws Exception {
    CompletableFuture<ProxyResponse> f =
        agent
            .fetch("sv::x::y")
            .fetch(ProxyRequest.builder("POST", "/").body(new byte[2 * KIB256 + 1]).build());
    ProxyHttpRequest req = conn.next().getProxyHttpRequest();
    assertThat(req.getBodyChunked()).isTrue();
    assertThat(req.getBody().isEmpty()).isTrue();
    int[] sizes = {KIB256, KIB256, 1};
    for (int seq = 0; seq < 3; seq++) {
      UpstreamMessage m = conn.next();
      ProxyHttpBodyChunk c = m.getProxyHttpBodyChunk();
      assertThat(m.getSerializedSize()).isLessThan(4 * 1024 * 1024);
      assertThat(c.getRequestId()).isEqualTo(req.getRequestId());
      assertThat(c.getIsRequest()).isTrue();
      assertThat(c.getSeq()).isEqualTo(seq);
      assertThat(c.getData().size()).isEqualTo(sizes[seq]);
      assertThat(c.getFin()).isEqualTo(seq == 2);
    }
    conn.send(
        response(
            ProxyHttpResponse.newBuilder()
                .setRequestId(req.getRequestId())
                .setStatusCode(202)
                .setBodyChunked(true)));
    conn.send(chunk(req.getRequestId(), 0, "ab", false));
    conn.send(chunk(req.getRequestId(), 1, "cd", true));
    ProxyResponse r = f.get(10, TimeUnit.SECONDS);
    assertThat(r.status()).isEqualTo(202);
    assertThat(r.bodyAsString()).isEqualTo("abcd");
  }

  @ParameterizedTest
  @EnumSource(
      value = ProxyError.Kind.class,
      names = {"UNRECOGNIZED"},
      mode = EnumSource.Mode.EXCLUDE)
  void everyErrorKindFailsTheCallWithThatKind(ProxyError.Kind kind) throws Exception {
    CompletableFuture<ProxyResponse> f = agent.fetch("sv::x::y").fetch(ProxyRequest.get("/"));
    String id = conn.next().getProxyHttpRequest().getRequestId();
    conn.send(
        response(
            ProxyHttpResponse.newBuilder()
                .setRequestId(id)
                .setStatusCode(200)
                .setError(ProxyError.newBuilder().setKind(kind).setMessage("why"))));
    Throwable e = failure(f);
    assertThat(e).isInstanceOf(ProxyException.class);
    assertThat(((ProxyException) e).kind()).isEqualTo(ProxyErrorKind.fromProto(kind));
    assertThat(((ProxyException) e).kind().toProto()).isEqualTo(kind);
    assertThat(e.getMessage()).contains("why");
  }

  @Test
  void aDroppedStreamFailsACallInFlightAtOnce() throws Exception {
    CompletableFuture<ProxyResponse> f =
        agent
            .fetch("sv::x::y")
            .fetch(ProxyRequest.builder("GET", "/").timeout(Duration.ofMinutes(5)).build());
    conn.next();
    conn.close(Status.UNAVAILABLE.withDescription("cut"));
    Throwable e = failure(f); // well before the five-minute deadline
    assertThat(e).isInstanceOf(ConnectionException.class);
    assertThat(((ConnectionException) e).reason()).isEqualTo(FailureReason.DISCONNECTED);
  }

  @Test
  void aDroppedStreamFailsABodyStillArriving() throws Exception {
    CompletableFuture<ProxyResponse> f = agent.fetch("sv::x::y").fetch(ProxyRequest.get("/"));
    String id = conn.next().getProxyHttpRequest().getRequestId();
    conn.send(response(ProxyHttpResponse.newBuilder().setRequestId(id).setBodyChunked(true)));
    conn.send(chunk(id, 0, "partial", false));
    conn.close(Status.UNAVAILABLE.withDescription("cut"));
    assertThat(failure(f)).isInstanceOf(ConnectionException.class);
  }

  @Test
  void outOfOrderChunksFailWithDecodeFailed() throws Exception {
    CompletableFuture<ProxyResponse> f = agent.fetch("sv::x::y").fetch(ProxyRequest.get("/"));
    String id = conn.next().getProxyHttpRequest().getRequestId();
    conn.send(response(ProxyHttpResponse.newBuilder().setRequestId(id).setBodyChunked(true)));
    conn.send(chunk(id, 1, "skipped zero", false));
    Throwable e = failure(f);
    assertThat(((ProxyException) e).kind()).isEqualTo(ProxyErrorKind.DECODE_FAILED);
  }

  @Test
  void responseOverTheCapFailsWithPayloadTooLarge() throws Exception {
    CompletableFuture<ProxyResponse> f =
        agent
            .fetch("sv::x::y")
            .fetch(ProxyRequest.builder("GET", "/").maxResponseBodyBytes(3).build());
    ProxyHttpRequest req = conn.next().getProxyHttpRequest();
    assertThat(req.getMaxResponseBodyBytes()).isEqualTo(3);
    conn.send(
        response(
            ProxyHttpResponse.newBuilder()
                .setRequestId(req.getRequestId())
                .setBody(ByteString.copyFromUtf8("four"))));
    assertThat(((ProxyException) failure(f)).kind()).isEqualTo(ProxyErrorKind.PAYLOAD_TOO_LARGE);
  }

  @Test
  void streamEndsWithASecondHeaderAndFailsWithASecondHeaderCarryingAnError() throws Exception {
    AetherFetch fetch = agent.fetch("sv::x::y");

    CompletableFuture<ProxyStreamingResponse> ok =
        fetch.stream(
            ProxyRequest.builder("GET", "/ok").streamIdleTimeout(Duration.ofSeconds(9)).build());
    ProxyHttpRequest req = conn.next().getProxyHttpRequest();
    assertThat(req.getStreamResponseIndefinitely()).isTrue();
    assertThat(req.getStreamIdleTimeoutMs()).isEqualTo(9000);
    conn.send(
        response(
            ProxyHttpResponse.newBuilder()
                .setRequestId(req.getRequestId())
                .setStatusCode(200)
                .setBodyChunked(true)));
    ProxyStreamingResponse s = ok.get(10, TimeUnit.SECONDS);
    conn.send(chunk(req.getRequestId(), 0, "one", false));
    conn.send(response(ProxyHttpResponse.newBuilder().setRequestId(req.getRequestId())));
    assertThat(new String(s.body().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("one");

    CompletableFuture<ProxyStreamingResponse> bad = fetch.stream(ProxyRequest.get("/bad"));
    String id = conn.next().getProxyHttpRequest().getRequestId();
    conn.send(response(ProxyHttpResponse.newBuilder().setRequestId(id).setBodyChunked(true)));
    InputStream body = bad.get(10, TimeUnit.SECONDS).body();
    conn.send(chunk(id, 0, "x", false));
    conn.send(
        response(
            ProxyHttpResponse.newBuilder()
                .setRequestId(id)
                .setError(
                    ProxyError.newBuilder()
                        .setKind(ProxyError.Kind.PAYLOAD_TOO_LARGE)
                        .setMessage("byte cap"))));
    assertThat(body.read()).isEqualTo('x');
    try {
      body.read();
      throw new AssertionError("read succeeded");
    } catch (IOException e) {
      assertThat(((ProxyException) e.getCause()).kind())
          .isEqualTo(ProxyErrorKind.PAYLOAD_TOO_LARGE);
    }
  }

  @Test
  void servingSideRepliesUnderTheWireIdInChunksWhenLarge() throws Exception {
    agent.serve(r -> ProxyResponse.of(200, java.util.Map.of(), new byte[KIB256 + 10]));
    conn.send(
        DownstreamMessage.newBuilder()
            .setProxyHttpRequest(
                ProxyHttpRequest.newBuilder()
                    .setRequestId("_aether/wire/abc")
                    .setMethod("GET")
                    .setPath("/big"))
            .build());
    ProxyHttpResponse head = conn.next().getProxyHttpResponse();
    assertThat(head.getRequestId()).isEqualTo("_aether/wire/abc");
    assertThat(head.getBodyChunked()).isTrue();
    ProxyHttpBodyChunk c0 = conn.next().getProxyHttpBodyChunk();
    ProxyHttpBodyChunk c1 = conn.next().getProxyHttpBodyChunk();
    assertThat(c0.getRequestId()).isEqualTo("_aether/wire/abc");
    assertThat(c0.getIsRequest()).isFalse();
    assertThat(c0.getData().size()).isEqualTo(KIB256);
    assertThat(c0.getFin()).isFalse();
    assertThat(c1.getSeq()).isEqualTo(1);
    assertThat(c1.getData().size()).isEqualTo(10);
    assertThat(c1.getFin()).isTrue();
  }

  @Test
  void servingSideCollectsAChunkedRequestBodyBeforeCallingTheHandler() throws Exception {
    CompletableFuture<String> seen = new CompletableFuture<>();
    agent.serve(
        r -> {
          seen.complete(r.bodyAsString());
          return ProxyResponse.text(200, "ok");
        });
    conn.send(
        DownstreamMessage.newBuilder()
            .setProxyHttpRequest(
                ProxyHttpRequest.newBuilder()
                    .setRequestId("_aether/wire/up")
                    .setMethod("POST")
                    .setPath("/up")
                    .setBodyChunked(true))
            .build());
    for (int seq = 0; seq < 3; seq++) {
      conn.send(
          DownstreamMessage.newBuilder()
              .setProxyHttpBodyChunk(
                  ProxyHttpBodyChunk.newBuilder()
                      .setRequestId("_aether/wire/up")
                      .setIsRequest(true)
                      .setSeq(seq)
                      .setData(ByteString.copyFromUtf8("p" + seq))
                      .setFin(seq == 2))
              .build());
    }
    assertThat(seen.get(10, TimeUnit.SECONDS)).isEqualTo("p0p1p2");
    assertThat(conn.next().getProxyHttpResponse().getStatusCode()).isEqualTo(200);
  }
}
