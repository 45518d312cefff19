/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.ServiceClient;
import io.github.aetherjava.client.proxy.AetherFetch;
import io.github.aetherjava.client.proxy.ProxyErrorKind;
import io.github.aetherjava.client.proxy.ProxyException;
import io.github.aetherjava.client.proxy.ProxyRequest;
import io.github.aetherjava.client.proxy.ProxyResponse;
import io.github.aetherjava.client.proxy.ProxyStreamingResponse;
import io.github.aetherjava.client.proxy.ServedRequest;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The service proxy as a client sees it, written once and run against the embedded gateway (every
 * build, {@link EmbeddedProxyConformanceTest}) and a real one ({@link RealProxyInteropTest}).
 */
abstract class ProxyConformanceTests {

  private static final Duration WAIT = Duration.ofSeconds(15);

  // unique names per run: the real gateway keeps queued frames across runs
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String impl = "proxy-" + run;
  private final AetherClientOptions options =
      AetherClientOptions.builder().address(gatewayAddress()).build();
  private final List<AetherClient> clients = new ArrayList<>();

  /** Address of the gateway under test. */
  abstract String gatewayAddress();

  @AfterEach
  void closeAll() {
    clients.forEach(AetherClient::close);
  }

  private <C extends AetherClient> C connected(C client) throws Exception {
    clients.add(client);
    client.connect().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    return client;
  }

  private ServiceClient service(String spec) throws Exception {
    return connected(ServiceClient.builder(options).implementation(impl).specifier(spec).build());
  }

  private AgentClient caller() throws Exception {
    return connected(
        AgentClient.builder(options)
            .workspace("interop-" + run)
            .implementation("caller")
            .specifier("1")
            .build());
  }

  private static ProxyResponse echo(ServedRequest r) {
    return ProxyResponse.of(
        200,
        Map.of(
            "X-Path", r.path(),
            "X-Actor", r.callerTopic().orElse(""),
            "X-Spoofed", r.header("X-Auth-User-ID").orElse(""),
            "X-Depth", Integer.toString(r.chainDepth())),
        r.body());
  }

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    new Random(n).nextBytes(b);
    return b;
  }

  @Test
  void inlineRoundTripCarriesTheGatewayStampedActorAndDropsSpoofedHeaders() throws Exception {
    service("one").serve(ProxyConformanceTests::echo);
    AgentClient a = caller();
    ProxyResponse r =
        a.fetch("sv::" + impl + "::one")
            .fetch(
                ProxyRequest.builder("POST", "/echo?q=1")
                    .header("X-Auth-User-ID", "spoofed")
                    .body("hi")
                    .build())
            .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.bodyAsString()).isEqualTo("hi");
    assertThat(r.header("X-Path")).contains("/echo?q=1");
    assertThat(r.header("X-Actor")).contains(a.identity());
    assertThat(r.header("X-Spoofed")).isNotEqualTo(java.util.Optional.of("spoofed"));
    assertThat(r.header("X-Depth")).contains("1");
  }

  @Test
  void gatewayMintsTheDirectModeIdentityHeaders() throws Exception {
    java.util.concurrent.CompletableFuture<Map<String, String>> seen =
        new java.util.concurrent.CompletableFuture<>();
    service("one")
        .serve(
            r -> {
              seen.complete(r.headers());
              return ProxyResponse.text(200, "ok");
            });
    AgentClient a = caller();
    a.fetch("sv::" + impl + "::one").get("/h");
    Map<String, String> h = seen.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(h)
        .containsEntry("x-aether-actor-topic", a.identity())
        .containsEntry("X-Aether-Caller-Topic", a.identity())
        .containsEntry("X-Auth-User-ID", a.identity())
        .containsEntry("X-Auth-Actor-ID", a.identity())
        .containsEntry("X-Auth-Principal-Type", "Agent")
        .containsEntry("X-Auth-Actor-Type", "Agent")
        .containsEntry("X-Auth-Authority-Mode", "direct")
        .containsEntry("X-Auth-Tenant-ID", "interop-" + run)
        .containsKey("X-Auth-Workspace-Access");
  }

  @Test
  void chunkedBodiesRoundTripBothWays() throws Exception {
    service("one").serve(ProxyConformanceTests::echo);
    AetherFetch fetch = caller().fetch("sv::" + impl + "::one");
    for (int size : new int[] {256 * 1024, 256 * 1024 + 1, 1024 * 1024, 5 * 1024 * 1024}) {
      byte[] body = random(size);
      ProxyResponse r =
          fetch
              .fetch(ProxyRequest.builder("PUT", "/blob").body(body).build())
              .get(60, TimeUnit.SECONDS);
      assertThat(r.body()).as("size %d", size).isEqualTo(body);
    }
  }

  @Test
  void bareServiceTopicResolvesToAConnectedInstance() throws Exception {
    service("only").serve(r -> ProxyResponse.text(200, "from only"));
    assertThat(caller().fetch("sv::" + impl).get("/x").bodyAsString()).isEqualTo("from only");
  }

  @Test
  void bareServiceTopicWithNoInstanceIsSidecarUnavailable() throws Exception {
    AetherFetch fetch = caller().fetch("sv::" + impl + "-nobody");
    assertThatThrownBy(() -> fetch.get("/x"))
        .isInstanceOfSatisfying(
            ProxyException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ProxyErrorKind.SIDECAR_UNAVAILABLE);
              assertThat(e.detail())
                  .isEqualTo("no healthy sv::" + impl + "-nobody instances available");
            });
  }

  @Test
  void chainDepthAtTheCapIsDenied() throws Exception {
    service("one").serve(ProxyConformanceTests::echo);
    AetherFetch fetch = caller().fetch("sv::" + impl + "::one");
    assertThat(
            fetch
                .fetchBlocking(ProxyRequest.builder("GET", "/d").chainDepth(7).build())
                .header("X-Depth"))
        .contains("8");
    assertThatThrownBy(
            () -> fetch.fetchBlocking(ProxyRequest.builder("GET", "/d").chainDepth(8).build()))
        .isInstanceOfSatisfying(
            ProxyException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ProxyErrorKind.ACL_DENIED);
              assertThat(e.detail()).isEqualTo("proxy_chain_depth_exceeded: inbound=8 cap=8");
            });
  }

  @Test
  void serviceErrorKindsReachTheCallerUnknownIncluded() throws Exception {
    service("one")
        .serve(
            r -> {
              throw new ProxyException(
                  ProxyErrorKind.valueOf(r.path().substring(1)), "from the service");
            });
    AetherFetch fetch = caller().fetch("sv::" + impl + "::one");
    for (ProxyErrorKind kind : ProxyErrorKind.values()) {
      assertThatThrownBy(() -> fetch.get("/" + kind.name()))
          .isInstanceOfSatisfying(
              ProxyException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(kind);
                assertThat(e.detail()).isEqualTo("from the service");
              });
    }
  }

  @Test
  void streamedResponseArrivesInOrder() throws Exception {
    byte[] payload = random(700 * 1024);
    service("one")
        .serve(r -> ProxyResponse.streaming(200, Map.of(), new ByteArrayInputStream(payload)));
    try (ProxyStreamingResponse s =
        caller().fetch("sv::" + impl + "::one").stream(ProxyRequest.get("/s"))
            .get(WAIT.toSeconds(), TimeUnit.SECONDS)) {
      assertThat(s.body().readAllBytes()).isEqualTo(payload);
    }
  }

  @Test
  void serviceDisconnectMidRequestFailsTheCallerWithPeerSessionEnded() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    ServiceClient sv = service("one");
    sv.serve(
        r -> {
          entered.countDown();
          new CountDownLatch(1).await(60, TimeUnit.SECONDS);
          return ProxyResponse.text(200, "never");
        });
    CompletableFuture<ProxyResponse> f =
        caller()
            .fetch("sv::" + impl + "::one")
            .fetch(ProxyRequest.builder("GET", "/hang").timeout(Duration.ofSeconds(60)).build());
    assertThat(entered.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    sv.close();
    try {
      f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      throw new AssertionError("the call succeeded");
    } catch (ExecutionException e) {
      assertThat(e.getCause())
          .isInstanceOfSatisfying(
              ProxyException.class,
              p -> {
                assertThat(p.kind()).isEqualTo(ProxyErrorKind.SIDECAR_UNAVAILABLE);
                assertThat(p.detail()).startsWith("peer session ended");
              });
    }
  }
}
