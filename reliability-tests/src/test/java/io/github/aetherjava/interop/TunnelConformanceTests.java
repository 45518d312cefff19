/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.ServiceClient;
import io.github.aetherjava.client.tunnel.Tunnel;
import io.github.aetherjava.client.tunnel.TunnelCloseReason;
import io.github.aetherjava.client.tunnel.TunnelEnd;
import io.github.aetherjava.client.tunnel.TunnelOptions;
import io.github.aetherjava.client.tunnel.TunnelProtocol;
import io.github.aetherjava.client.tunnel.TunnelRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Tunnels as a client sees them, written once and run against the embedded gateway (every build,
 * {@link EmbeddedTunnelConformanceTest}) and a real one ({@link RealTunnelInteropTest}).
 */
abstract class TunnelConformanceTests {

  private static final Duration WAIT = Duration.ofSeconds(20);

  // unique names per run: the real gateway keeps queued frames across runs
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String impl = "tunnel-" + run;
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

  private static Tunnel dial(AetherClient c, String target) throws Exception {
    return c.tunnels()
        .dial(target, TunnelProtocol.TCP, TunnelOptions.defaults())
        .get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  private static TunnelEnd ended(Tunnel t) throws Exception {
    return t.closed().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  private static void echo(TunnelRequest r, Tunnel t) {
    Thread copier =
        new Thread(
            () -> {
              try {
                t.input().transferTo(t.output());
                t.output().close();
              } catch (IOException e) {
                t.close(TunnelCloseReason.ERROR, e.toString());
              }
            },
            "conformance-echo");
    copier.setDaemon(true);
    copier.start();
  }

  @Test
  void fourMibEchoCrossesTheGatewayUnderCreditsAndEndsNormally() throws Exception {
    service("one").tunnels().serve(TunnelConformanceTests::echo);
    AgentClient a = caller();
    Tunnel t = dial(a, "sv::" + impl + "::one");
    byte[] data = new byte[4 * 1024 * 1024];
    new Random(7).nextBytes(data);
    CompletableFuture<byte[]> back = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              ByteArrayOutputStream out = new ByteArrayOutputStream();
              try {
                t.input().transferTo(out);
                back.complete(out.toByteArray());
              } catch (IOException e) {
                back.completeExceptionally(e);
              }
            },
            "conformance-reader");
    reader.setDaemon(true);
    reader.start();
    t.output().write(data);
    t.output().close();
    assertThat(back.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(data);
    assertThat(ended(t).reason()).isEqualTo(TunnelCloseReason.NORMAL);
  }

  @Test
  void aWildcardTargetReachesAConnectedInstanceAndAMissingOneIsRefused() throws Exception {
    CompletableFuture<TunnelRequest> seen = new CompletableFuture<>();
    service("one").tunnels().serve((r, t) -> seen.complete(r));
    AgentClient a = caller();
    dial(a, "sv::" + impl);
    assertThat(seen.get(WAIT.toSeconds(), TimeUnit.SECONDS).target())
        .isEqualTo("sv::" + impl + "::one");

    TunnelEnd none = ended(dial(a, "sv::" + impl + "-none"));
    assertThat(none.reason()).isEqualTo(TunnelCloseReason.ERROR);
    assertThat(none.detail())
        .isEqualTo("SIDECAR_UNAVAILABLE: no healthy sv::" + impl + "-none instances available");
  }

  @Test
  void aCloseFromTheDialerReachesTheServingSide() throws Exception {
    CompletableFuture<Tunnel> served = new CompletableFuture<>();
    service("one").tunnels().serve((r, t) -> served.complete(t));
    Tunnel t = dial(caller(), "sv::" + impl + "::one");
    Tunnel atServer = served.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    t.close(TunnelCloseReason.NORMAL, "bye");
    TunnelEnd end = ended(atServer);
    assertThat(end.reason()).isEqualTo(TunnelCloseReason.NORMAL);
    assertThat(end.detail()).isEqualTo("bye");
    assertThat(end.byPeer()).isTrue();
  }

  @Test
  void whenTheServingSideLeavesTheDialerIsReset() throws Exception {
    CompletableFuture<Tunnel> served = new CompletableFuture<>();
    ServiceClient sv = service("one");
    sv.tunnels().serve((r, t) -> served.complete(t));
    Tunnel t = dial(caller(), "sv::" + impl + "::one");
    served.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    sv.disconnect().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    // the real gateway resets on the next frame, the embedded one at once: write until reset
    await()
        .atMost(WAIT)
        .until(
            () -> {
              try {
                t.output().write(1);
              } catch (IOException e) {
                return true;
              }
              return t.closed().isDone();
            });
    TunnelEnd end = ended(t);
    assertThat(end.reason()).isEqualTo(TunnelCloseReason.PEER_RESET);
    assertThat(end.byPeer()).isTrue();
  }

  @Test
  void theOpensIdleTimeoutAndQuotaTravelToTheServingSideWhichEnforcesThem() throws Exception {
    CompletableFuture<Tunnel> idleServed = new CompletableFuture<>();
    CompletableFuture<TunnelRequest> idleSeen = new CompletableFuture<>();
    service("idle")
        .tunnels()
        .serve(
            (r, t) -> {
              idleSeen.complete(r);
              idleServed.complete(t);
            });
    AgentClient a = caller();
    a.tunnels()
        .dial(
            "sv::" + impl + "::idle",
            TunnelProtocol.TCP,
            TunnelOptions.builder().idleTimeout(Duration.ofSeconds(30)).maxBytes(1000).build())
        .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(idleSeen.get(WAIT.toSeconds(), TimeUnit.SECONDS).idleTimeout())
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(idleSeen.get().maxBytes()).isEqualTo(1000);
    Tunnel atServer = idleServed.get();
    try {
      atServer.output().write(new byte[2000]);
    } catch (IOException expected) {
      // the serving side's own quota check ends it
    }
    assertThat(ended(atServer).reason()).isEqualTo(TunnelCloseReason.QUOTA);
  }

  @Test
  void theWorkspaceCapRefusesTheTwoHundredFiftySeventhTunnel() throws Exception {
    service("cap").tunnels().serve((r, t) -> {});
    AgentClient a = caller();
    List<Tunnel> open = new ArrayList<>();
    for (int i = 0; i < 256; i++) {
      open.add(dial(a, "sv::" + impl + "::cap"));
    }
    Tunnel refused = dial(a, "sv::" + impl + "::cap");
    TunnelEnd end = ended(refused);
    assertThat(end.reason()).isEqualTo(TunnelCloseReason.QUOTA);
    assertThat(end.detail()).isEqualTo("workspace tunnel cap 256 reached");
    open.forEach(Tunnel::close);
  }
}
