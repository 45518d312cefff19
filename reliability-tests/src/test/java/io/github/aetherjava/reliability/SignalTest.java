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
import io.github.aetherjava.client.FailureReason;
import io.github.aetherjava.client.SignalInfo;
import io.github.aetherjava.reliability.Fixtures.RestartableGateway;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** FORCE_DISCONNECT is terminal and reported; GRACEFUL_DISCONNECT reconnects. */
@Order(50)
class SignalTest {

  @Test
  void forceDisconnectStopsTheClientAndReportsTheReason() {
    try (RestartableGateway gw = new RestartableGateway(b -> b);
        AgentClient agent = agent(options(gw.address()).build(), "kicked")) {
      Recorded recorded = Recorded.from(agent);
      List<SignalInfo> signals = recorded.signals();
      List<DisconnectInfo> disconnects = recorded.disconnects();
      ConnectionInfo ci = agent.connectBlocking();
      assertThat(gw.gateway().disconnect(ci.sessionId())).isTrue();

      await().atMost(Duration.ofSeconds(10)).until(() -> agent.state() == ConnectionState.CLOSED);
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> !disconnects.isEmpty() && !signals.isEmpty());
      assertThat(signals)
          .containsExactly(
              new SignalInfo(SignalInfo.Type.FORCE_DISCONNECT, "disconnected by administrator"));
      DisconnectInfo d = disconnects.get(0);
      assertThat(d.willReconnect()).isFalse();
      assertThat(d.cause())
          .isExactlyInstanceOf(ConnectionException.class)
          .hasMessage("gateway forced a disconnect: disconnected by administrator");
      assertThat(d.cause().reason()).isEqualTo(FailureReason.FORCE_DISCONNECTED);
      assertThat(agent.status().lastError()).isSameAs(d.cause());
      // it stays away: the identity is not connected again, and sends fail with a clear reason
      assertThat(gw.gateway().connectedIdentities()).doesNotContain(agent.identity());
      assertThatThrownBy(() -> agent.send(agentTopic("other"), utf8("x")).join())
          .isInstanceOf(CompletionException.class)
          .cause()
          .isInstanceOf(ConnectionException.class)
          .satisfies(
              e -> assertThat(((ConnectionException) e).reason()).isEqualTo(FailureReason.CLOSED));
    }
  }

  @Test
  void gracefulDisconnectReconnects() {
    try (RestartableGateway gw = new RestartableGateway(b -> b);
        AgentClient agent = agent(options(gw.address()).build(), "graceful")) {
      Recorded recorded = Recorded.from(agent);
      List<SignalInfo> signals = recorded.signals();
      List<DisconnectInfo> disconnects = recorded.disconnects();
      ConnectionInfo first = agent.connectBlocking();
      gw.restart();
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
      assertThat(signals)
          .first()
          .isEqualTo(new SignalInfo(SignalInfo.Type.GRACEFUL_DISCONNECT, "server shutting down"));
      assertThat(disconnects).first().satisfies(d -> assertThat(d.willReconnect()).isTrue());
      assertThat(gw.gateway().connectedIdentities()).contains(agent.identity());
    }
  }

  /** Signals and disconnect events a client reported, in arrival order. */
  private record Recorded(List<SignalInfo> signals, List<DisconnectInfo> disconnects) {
    static Recorded from(AgentClient agent) {
      Recorded recorded = new Recorded(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
      agent.onSignal(recorded.signals()::add);
      agent.addConnectionListener(
          new ConnectionListener() {
            @Override
            public void onDisconnect(DisconnectInfo info) {
              recorded.disconnects().add(info);
            }
          });
      return recorded;
    }
  }
}
