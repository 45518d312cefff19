/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.ServiceClient;
import io.github.aetherjava.client.tunnel.Tunnel;
import io.github.aetherjava.client.tunnel.TunnelCloseReason;
import io.github.aetherjava.client.tunnel.TunnelClosedException;
import io.github.aetherjava.client.tunnel.TunnelEnd;
import io.github.aetherjava.client.tunnel.TunnelOptions;
import io.github.aetherjava.client.tunnel.TunnelProtocol;
import io.github.aetherjava.client.tunnel.TunnelRequest;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tunnels between two real clients through the embedded gateway. */
class TunnelIntegrationTest {

  private static final int TEN_MIB = 10 * 1024 * 1024;

  private EmbeddedAetherGateway gw;
  private AetherClientOptions options;
  private final List<AetherClient> clients = new ArrayList<>();

  @BeforeEach
  void start() {
    gw =
        EmbeddedAetherGateway.builder()
            .tcp(false)
            .inProcessName("tunnel-it-" + UUID.randomUUID())
            .start();
    options = AetherClientOptions.builder().address(gw.inProcessAddress()).build();
  }

  @AfterEach
  void stop() {
    clients.forEach(AetherClient::close);
    gw.close();
  }

  private ServiceClient service(String impl, String spec) throws Exception {
    ServiceClient s = ServiceClient.builder(options).implementation(impl).specifier(spec).build();
    clients.add(s);
    s.connect().get(10, TimeUnit.SECONDS);
    return s;
  }

  private AgentClient agent(String spec) throws Exception {
    AgentClient a =
        AgentClient.builder(options)
            .workspace("prod")
            .implementation("caller")
            .specifier(spec)
            .build();
    clients.add(a);
    a.connect().get(10, TimeUnit.SECONDS);
    return a;
  }

  private static Tunnel dial(AetherClient c, String target, TunnelOptions o) throws Exception {
    return c.tunnels().dial(target, TunnelProtocol.TCP, o).get(10, TimeUnit.SECONDS);
  }

  private static TunnelEnd ended(Tunnel t) throws Exception {
    return t.closed().get(20, TimeUnit.SECONDS);
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toByteArray();
  }

  private static void daemon(String name, ThrowingRunnable r) {
    Thread t =
        new Thread(
            () -> {
              try {
                r.run();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            },
            name);
    t.setDaemon(true);
    t.start();
  }

  @FunctionalInterface
  private interface ThrowingRunnable {
    void run() throws Exception;
  }

  /** Copies input to output until the dialer finishes writing, then finishes too. */
  private static void echo(TunnelRequest r, Tunnel t) {
    daemon(
        "echo",
        () -> {
          t.input().transferTo(t.output());
          t.output().close();
        });
  }

  @Test
  void bytesGoBothWaysAndTheServerSeesTheOpen() throws Exception {
    ServiceClient sv = service("db", "one");
    AtomicReference<TunnelRequest> seen = new AtomicReference<>();
    sv.tunnels()
        .serve(
            (r, t) -> {
              seen.set(r);
              echo(r, t);
            });
    AgentClient a = agent("a");
    Tunnel t =
        dial(
            a,
            "sv::db",
            TunnelOptions.builder()
                .remoteHint("localhost:5432")
                .metadata("k", "v")
                .backend("pg")
                .build());
    t.output().write("hello tunnel".getBytes(StandardCharsets.UTF_8));
    t.output().close();
    assertThat(new String(readAll(t.input()), StandardCharsets.UTF_8)).isEqualTo("hello tunnel");
    TunnelEnd end = ended(t);
    assertThat(end.reason()).isEqualTo(TunnelCloseReason.NORMAL);
    assertThat(seen.get().target()).isEqualTo("sv::db::one");
    assertThat(seen.get().remoteHint()).isEqualTo("localhost:5432");
    assertThat(seen.get().metadata()).containsEntry("k", "v");
    assertThat(seen.get().backend()).isEqualTo("pg");
    assertThat(seen.get().protocol()).isEqualTo(TunnelProtocol.TCP);
  }

  @Test
  void tenMibBothWaysWithASlowReaderStallsTheWriterAtTheCreditWindow() throws Exception {
    ServiceClient sv = service("bulk", "one");
    byte[] down = new byte[TEN_MIB];
    byte[] up = new byte[TEN_MIB];
    new Random(1).nextBytes(down);
    new Random(2).nextBytes(up);
    AtomicLong serverWrote = new AtomicLong();
    CompletableFuture<byte[]> serverGot = new CompletableFuture<>();
    sv.tunnels()
        .serve(
            (r, t) -> {
              daemon(
                  "bulk-write",
                  () -> {
                    OutputStream out = t.output();
                    for (int off = 0; off < down.length; off += 64 * 1024) {
                      out.write(down, off, 64 * 1024);
                      serverWrote.addAndGet(64 * 1024);
                    }
                    out.close();
                  });
              daemon("bulk-read", () -> serverGot.complete(readAll(t.input())));
            });
    AgentClient a = agent("a");
    Tunnel t = dial(a, "sv::bulk", TunnelOptions.defaults());
    daemon(
        "client-write",
        () -> {
          t.output().write(up);
          t.output().close();
        });

    // nobody reads yet: the server's writer (one 64 KiB frame per write) must stop once its 16
    // credits are spent, so no more than 16 frames ever wait for the reader
    long window = 16L * 64 * 1024;
    await().atMost(Duration.ofSeconds(20)).until(() -> serverWrote.get() == window);
    await()
        .atMost(Duration.ofSeconds(20))
        .during(Duration.ofMillis(500))
        .until(() -> serverWrote.get() == window);

    // now read slowly, in small pieces
    MessageDigest got = MessageDigest.getInstance("SHA-256");
    byte[] buf = new byte[8 * 1024];
    long total = 0;
    int n;
    while ((n = t.input().read(buf)) >= 0) {
      got.update(buf, 0, n);
      total += n;
    }
    assertThat(total).isEqualTo(TEN_MIB);
    assertThat(got.digest()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(down));
    assertThat(serverGot.get(30, TimeUnit.SECONDS)).isEqualTo(up);
    assertThat(ended(t).reason()).isEqualTo(TunnelCloseReason.NORMAL);
  }

  @Test
  void theIdleTimeoutEndsTheTunnelOnBothEnds() throws Exception {
    ServiceClient sv = service("idle", "one");
    CompletableFuture<Tunnel> served = new CompletableFuture<>();
    sv.tunnels().serve((r, t) -> served.complete(t));
    AgentClient a = agent("a");
    Tunnel t =
        dial(a, "sv::idle", TunnelOptions.builder().idleTimeout(Duration.ofMillis(300)).build());
    TunnelEnd end = ended(t);
    assertThat(end.reason()).isEqualTo(TunnelCloseReason.IDLE_TIMEOUT);
    assertThatThrownBy(() -> t.input().read())
        .isInstanceOf(IOException.class)
        .cause()
        .isInstanceOfSatisfying(
            TunnelClosedException.class,
            e -> assertThat(e.closeReason()).isEqualTo(TunnelCloseReason.IDLE_TIMEOUT));
    assertThat(ended(served.get(10, TimeUnit.SECONDS)).reason())
        .isEqualTo(TunnelCloseReason.IDLE_TIMEOUT);
  }

  @Test
  void theByteQuotaEndsTheTunnelWhicheverEndCrossesIt() throws Exception {
    ServiceClient sv = service("quota", "one");
    CompletableFuture<Tunnel> served = new CompletableFuture<>();
    sv.tunnels().serve((r, t) -> served.complete(t));
    AgentClient a = agent("a");

    Tunnel t = dial(a, "sv::quota", TunnelOptions.builder().maxBytes(1000).build());
    t.output().write(new byte[600]);
    assertThatThrownBy(() -> t.output().write(new byte[600]))
        .isInstanceOf(IOException.class)
        .hasCauseInstanceOf(TunnelClosedException.class);
    assertThat(ended(t))
        .isEqualTo(
            new TunnelEnd(TunnelCloseReason.QUOTA, "tunnel byte quota 1000 exceeded", false));
    TunnelEnd atServer = ended(served.get(10, TimeUnit.SECONDS));
    assertThat(atServer.reason()).isEqualTo(TunnelCloseReason.QUOTA);
    assertThat(atServer.byPeer()).isTrue();
  }

  @Test
  void theServingSideEnforcesTheQuotaTheDialerAskedFor() throws Exception {
    ServiceClient sv = service("quota", "two");
    sv.tunnels()
        .serve(
            (r, t) ->
                daemon(
                    "overflow",
                    () -> {
                      try {
                        t.output().write(new byte[4000]);
                      } catch (IOException expected) {
                        // the quota ended it
                      }
                    }));
    AgentClient a = agent("a");
    Tunnel t = dial(a, "sv::quota", TunnelOptions.builder().maxBytes(1000).build());
    TunnelEnd end = ended(t);
    assertThat(end.reason()).isEqualTo(TunnelCloseReason.QUOTA);
    assertThat(end.byPeer()).isTrue();
  }

  @Test
  void aDisconnectResetsTheTunnelOnBothEnds() throws Exception {
    ServiceClient sv = service("reset", "one");
    CompletableFuture<Tunnel> served = new CompletableFuture<>();
    sv.tunnels().serve((r, t) -> served.complete(t));
    AgentClient a = agent("a");
    Tunnel first = dial(a, "sv::reset", TunnelOptions.defaults());
    Tunnel atServer = served.get(10, TimeUnit.SECONDS);
    sv.disconnect().get(10, TimeUnit.SECONDS);
    TunnelEnd end = ended(first);
    assertThat(end.reason()).isEqualTo(TunnelCloseReason.PEER_RESET);
    assertThat(end.byPeer()).isTrue();
    assertThat(ended(atServer).reason()).isEqualTo(TunnelCloseReason.PEER_RESET);
    assertThatThrownBy(() -> first.output().write(1))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("PEER_RESET");
  }

  @Test
  void refusedOpensEndWithError() throws Exception {
    AgentClient a = agent("a");
    TunnelEnd none = ended(dial(a, "sv::nobody", TunnelOptions.defaults()));
    assertThat(none.reason()).isEqualTo(TunnelCloseReason.ERROR);
    assertThat(none.detail())
        .isEqualTo("SIDECAR_UNAVAILABLE: no healthy sv::nobody instances available");

    agent("b");
    TunnelEnd notServing = ended(dial(a, "ag::prod::caller::b", TunnelOptions.defaults()));
    assertThat(notServing.reason()).isEqualTo(TunnelCloseReason.ERROR);
    assertThat(notServing.detail()).isEqualTo("this principal does not serve tunnels");

    assertThat(a.tunnels().dial(" ", TunnelProtocol.TCP))
        .failsWithin(Duration.ofSeconds(5))
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .withCauseInstanceOf(InvalidArgumentException.class)
        .withMessageContaining("target");
    assertThat(a.tunnels().dial("sv::x", null))
        .failsWithin(Duration.ofSeconds(5))
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .withCauseInstanceOf(InvalidArgumentException.class)
        .withMessageContaining("protocol");
    assertThatThrownBy(() -> TunnelOptions.builder().maxBytes(-1))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("maxBytes");
    assertThatThrownBy(() -> TunnelOptions.builder().initialCredits(33))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("initialCredits");
    assertThatThrownBy(() -> TunnelOptions.builder().idleTimeout(Duration.ofMillis(-1)))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("idleTimeout");
  }

  @Test
  void serveTcpConnectsTunnelsToALocalPortWithHalfClose() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      daemon(
          "tcp-upper",
          () -> {
            try (Socket s = server.accept()) {
              byte[] in = s.getInputStream().readAllBytes();
              s.getOutputStream()
                  .write(
                      new String(in, StandardCharsets.UTF_8)
                          .toUpperCase()
                          .getBytes(StandardCharsets.UTF_8));
            }
          });
      ServiceClient sv = service("tcp", "one");
      sv.tunnels()
          .serveTcp(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
      AgentClient a = agent("a");
      Tunnel t = dial(a, "sv::tcp::one", TunnelOptions.defaults());
      t.output().write("over tcp".getBytes(StandardCharsets.UTF_8));
      t.output().close();
      assertThat(new String(readAll(t.input()), StandardCharsets.UTF_8)).isEqualTo("OVER TCP");
      assertThat(ended(t).reason()).isEqualTo(TunnelCloseReason.NORMAL);
    }
  }

  @Test
  void serveTcpToAClosedPortEndsWithDialFailed() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    ServiceClient sv = service("tcp", "two");
    sv.tunnels().serveTcp(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    AgentClient a = agent("a");
    TunnelEnd end = ended(dial(a, "sv::tcp::two", TunnelOptions.defaults()));
    assertThat(end.reason()).isEqualTo(TunnelCloseReason.ERROR);
    assertThat(end.detail()).startsWith("dial failed: ");
  }

  @Test
  void manyConcurrentTunnelsWithRandomWriteSizesEachGetTheirOwnBytesBack() throws Exception {
    ServiceClient sv = service("echo", "one");
    sv.tunnels().serve(TunnelIntegrationTest::echo);
    AgentClient a = agent("a");
    List<CompletableFuture<Boolean>> results = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      int seed = i;
      CompletableFuture<Boolean> ok = new CompletableFuture<>();
      results.add(ok);
      daemon(
          "stress-" + i,
          () -> {
            Random rnd = new Random(seed);
            byte[] data = new byte[100_000 + rnd.nextInt(400_000)];
            rnd.nextBytes(data);
            Tunnel t =
                dial(
                    a,
                    "sv::echo",
                    TunnelOptions.builder().initialCredits(1 + rnd.nextInt(16)).build());
            CompletableFuture<byte[]> back = new CompletableFuture<>();
            daemon("stress-read-" + seed, () -> back.complete(readAll(t.input())));
            for (int off = 0; off < data.length; ) {
              int n = Math.min(data.length - off, 1 + rnd.nextInt(300_000));
              t.output().write(data, off, n);
              off += n;
            }
            t.output().close();
            ok.complete(java.util.Arrays.equals(back.get(60, TimeUnit.SECONDS), data));
          });
    }
    for (CompletableFuture<Boolean> r : results) {
      assertThat(r.get(120, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void aFrameTheOutboundBufferRefusesEndsTheTunnelInsteadOfLeavingAHole() throws Exception {
    ServiceClient sv = service("small", "one");
    CompletableFuture<Tunnel> served = new CompletableFuture<>();
    sv.tunnels().serve((r, t) -> served.complete(t));
    AgentClient a =
        AgentClient.builder(
                AetherClientOptions.builder()
                    .address(gw.inProcessAddress())
                    .maxBufferedBytes(64 * 1024)
                    .build())
            .workspace("prod")
            .implementation("caller")
            .specifier("small")
            .build();
    clients.add(a);
    a.connect().get(10, TimeUnit.SECONDS);
    Tunnel t = dial(a, "sv::small", TunnelOptions.defaults());
    try {
      t.output().write(new byte[200 * 1024]);
    } catch (IOException alreadyEnded) {
      // the refusal may be seen before write returns
    }
    TunnelEnd end = ended(t);
    assertThat(end.reason()).isEqualTo(TunnelCloseReason.ERROR);
    assertThat(end.detail()).startsWith("tunnel frame not sent: outbound buffer full");
  }

  @Test
  void racingOpensFromManyClientsNeverPassTheWorkspaceCap() throws Exception {
    ServiceClient sv = service("cap", "one");
    AtomicInteger served = new AtomicInteger();
    sv.tunnels().serve((r, t) -> served.incrementAndGet());
    AtomicInteger refused = new AtomicInteger();
    List<AgentClient> callers = new ArrayList<>();
    for (int c = 0; c < 4; c++) {
      callers.add(agent("racer-" + c));
    }
    for (AgentClient caller : callers) {
      daemon(
          "racer",
          () -> {
            for (int i = 0; i < 80; i++) {
              caller
                  .tunnels()
                  .dial("sv::cap", TunnelProtocol.TCP)
                  .thenAccept(
                      t ->
                          t.closed()
                              .thenAccept(
                                  end -> {
                                    if (end.reason() == TunnelCloseReason.QUOTA) {
                                      refused.incrementAndGet();
                                    }
                                  }));
            }
          });
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> served.get() + refused.get() == 4 * 80);
    assertThat(served.get()).isEqualTo(256);
    assertThat(refused.get()).isEqualTo(4 * 80 - 256);
  }
}
