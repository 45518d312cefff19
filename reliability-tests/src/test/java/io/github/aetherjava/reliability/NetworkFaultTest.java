/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.reliability;

import static io.github.aetherjava.reliability.Fixtures.agent;
import static io.github.aetherjava.reliability.Fixtures.agentTopic;
import static io.github.aetherjava.reliability.Fixtures.options;
import static io.github.aetherjava.reliability.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.ConnectionException;
import io.github.aetherjava.client.ConnectionInfo;
import io.github.aetherjava.client.ConnectionListener;
import io.github.aetherjava.client.ConnectionState;
import io.github.aetherjava.client.DisconnectInfo;
import io.github.aetherjava.client.DuplicateIdentityException;
import io.github.aetherjava.client.FailureReason;
import io.github.aetherjava.client.kv.KvTarget;
import io.github.aetherjava.client.kv.KvValue;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Network faults injected by a loopback TCP proxy between one client and the gateway. */
@Order(20)
class NetworkFaultTest {

  private EmbeddedAetherGateway gw;
  private TcpProxy proxy;

  @BeforeEach
  void start() throws Exception {
    gw = EmbeddedAetherGateway.builder().start();
    proxy = new TcpProxy(gw.port());
  }

  @AfterEach
  void stop() {
    proxy.close();
    gw.close();
  }

  @Test
  void silentNetworkCutIsDetectedByKeepaliveAndTheSessionResumes() {
    // keepalive: ping after 10 s without reads (the gateway's minimum), declare the link dead 1 s
    // later
    try (AgentClient agent =
            agent(
                options(proxy.address())
                    .keepAliveTime(Duration.ofSeconds(10))
                    .keepAliveTimeout(Duration.ofSeconds(1))
                    .build(),
                "cut");
        AgentClient sender = agent(options(gw.address()).build(), "cut-sender")) {
      ConcurrentLinkedQueue<Integer> received = new ConcurrentLinkedQueue<>();
      agent.onMessage(m -> received.add(Integer.parseInt(m.payloadAsString())));
      ConnectionInfo first = agent.connectBlocking();
      sender.connectBlocking();
      sender.send(agentTopic("cut"), utf8("0")).join();
      await().atMost(Duration.ofSeconds(10)).until(() -> received.contains(0));

      List<DisconnectInfo> disconnects = new CopyOnWriteArrayList<>();
      agent.addConnectionListener(
          new ConnectionListener() {
            @Override
            public void onDisconnect(DisconnectInfo info) {
              disconnects.add(info);
            }
          });
      proxy.blackholeExisting(); // no FIN, no RST: only keepalive can notice
      // detection takes keepAliveTime + keepAliveTimeout (~11 s), not the 40 s of the gateway's own
      // keepalive;
      // the reconnect follows within milliseconds, so watch events rather than poll the state
      await().atMost(Duration.ofSeconds(30)).until(() -> !disconnects.isEmpty());
      assertThat(disconnects.get(0).willReconnect()).isTrue();
      assertThat(disconnects.get(0).reason()).contains("Keepalive failed");
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  agent.state() == ConnectionState.READY
                      && !agent
                          .connectionInfo()
                          .orElseThrow()
                          .sessionId()
                          .equals(first.sessionId()));

      ConnectionInfo second = agent.connectionInfo().orElseThrow();
      assertThat(second.sessionId()).isNotEqualTo(first.sessionId());
      assertThat(second.resumed())
          .as("reconnected with its session id while the gateway still held it")
          .isTrue();
      assertThat(second.reconnectionCount()).isEqualTo(first.reconnectionCount() + 1);
      assertThat(gw.sessions())
          .filteredOn(s -> s.identity().equals(agent.identity()))
          .singleElement()
          .satisfies(s -> assertThat(s.sessionId()).isEqualTo(second.sessionId()));

      for (int i = 1; i <= 100; i++) {
        sender.send(agentTopic("cut"), utf8(Integer.toString(i)));
      }
      await().atMost(Duration.ofSeconds(20)).until(() -> received.contains(100));
      assertThat(new ArrayList<>(received)).containsExactlyElementsOf(range(0, 100));
    }
  }

  @Test
  void duplicateIdentityWhileOldHolderIsHalfDeadResumeSucceedsRealSecondHolderIsRefused() {
    try (AgentClient agent = agent(options(proxy.address()).build(), "dup")) {
      ConnectionInfo first = agent.connectBlocking();
      // the client sees a reset; the gateway's side of the old connection stays open and silent
      // (half-dead)
      proxy.severClientSides();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  agent
                          .connectionInfo()
                          .map(ci -> !ci.sessionId().equals(first.sessionId()))
                          .orElse(false)
                      && agent.state() == ConnectionState.READY);
      assertThat(agent.connectionInfo().orElseThrow().resumed()).isTrue();

      // a genuine second holder (no resume id) is refused while the identity is held
      try (AgentClient intruder = agent(options(gw.address()).build(), "dup")) {
        assertThatThrownBy(intruder::connectBlocking)
            .isExactlyInstanceOf(DuplicateIdentityException.class)
            .hasMessage(
                "cannot connect to "
                    + gw.address()
                    + ": ALREADY_EXISTS DuplicateIdentityError: identity"
                    + " (ag::rel::rel::dup) already connected")
            .satisfies(
                e ->
                    assertThat(((DuplicateIdentityException) e).identity())
                        .isEqualTo("ag::rel::rel::dup"));
        assertThat(intruder.state()).isEqualTo(ConnectionState.CLOSED);
      }
      assertThat(agent.state())
          .as("the legitimate holder is undisturbed")
          .isEqualTo(ConnectionState.READY);
    }
  }

  @Test
  void pendingKvWritesFailFastWithDisconnectedReadsAreReissuedAfterReconnect() {
    // a long request timeout: only the disconnect can end these requests quickly
    try (AgentClient agent =
        agent(options(proxy.address()).requestTimeout(Duration.ofMinutes(2)).build(), "kv")) {
      agent.connectBlocking();
      agent.kv().put(KvTarget.workspaceExclusive(), "k", utf8("v")).join();

      proxy.blackholeExisting(); // requests are written, responses never come back
      List<CompletableFuture<?>> writes = new ArrayList<>();
      List<CompletableFuture<KvValue>> reads = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        writes.add(agent.kv().put(KvTarget.workspaceExclusive(), "w" + i, utf8("x")));
        writes.add(agent.kv().increment(KvTarget.workspaceExclusive(), "n"));
        reads.add(agent.kv().get(KvTarget.workspaceExclusive(), "k"));
      }
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> agent.status().pendingRequests() == 30 && agent.status().bufferedSends() == 0);
      proxy.refuseNew(true); // stay disconnected for now
      proxy.severClientSides();

      // writes may or may not have been applied: they fail at once instead of waiting for the 2 min
      // timeout
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> writes.stream().allMatch(CompletableFuture::isDone));
      for (CompletableFuture<?> f : writes) {
        assertThatThrownBy(f::join)
            .isInstanceOf(CompletionException.class)
            .cause()
            .isExactlyInstanceOf(ConnectionException.class)
            .hasMessageStartingWith("stream dropped before the response arrived: ")
            .satisfies(
                e ->
                    assertThat(((ConnectionException) e).reason())
                        .isEqualTo(FailureReason.DISCONNECTED))
            .satisfies(e -> assertThat(((ConnectionException) e).isRecoverable()).isTrue());
      }
      // reads are safe to repeat: they wait for the next stream (within their deadline) instead of
      // failing
      assertThat(reads).noneMatch(CompletableFuture::isDone);

      // a request made while disconnected is queued, not failed
      assertThat(agent.state()).isNotEqualTo(ConnectionState.READY);
      CompletableFuture<KvValue> queued = agent.kv().get(KvTarget.workspaceExclusive(), "k");
      proxy.refuseNew(false);
      assertThat(queued.orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join().asString())
          .isEqualTo("v");
      for (CompletableFuture<KvValue> r : reads) {
        assertThat(r.orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join().asString())
            .isEqualTo("v");
      }
    }
  }

  private static List<Integer> range(int from, int toInclusive) {
    List<Integer> out = new ArrayList<>();
    for (int i = from; i <= toInclusive; i++) {
      out.add(i);
    }
    return out;
  }
}
