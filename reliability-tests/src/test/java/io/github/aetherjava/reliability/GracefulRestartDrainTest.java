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
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.ClientObserver;
import io.github.aetherjava.client.ConnectionState;
import io.github.aetherjava.reliability.Fixtures.RestartableGateway;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a graceful gateway restart (GRACEFUL_DISCONNECT) guarantees beyond the protocol minimum:
 * frames the client already handed to the connection are processed before the stream ends (the
 * client half-closes on the signal, the gateway drains until then), and no client reconnects into
 * the gateway that is shutting down. Both were bugs R1 and R2 in /work/coord/requests.md, found by
 * these tests and fixed.
 */
@Order(11)
class GracefulRestartDrainTest {

  @TempDir Path dataDir;

  @Test
  void gracefulRestartProcessesEveryFrameTheClientAlreadyWrote() {
    try (RestartableGateway gw =
        new RestartableGateway(b -> b.dataDirectory(dataDir).offlineQueueCapacity(10_000))) {
      Set<Integer> received = ConcurrentHashMap.newKeySet();
      try (AgentClient receiver = agent(options(gw.address()).build(), "drain-receiver");
          AgentClient sender = agent(options(gw.address()).build(), "drain-sender")) {
        receiver.onMessage(m -> received.add(Integer.parseInt(m.payloadAsString())));
        sender.connectBlocking();
        int n = 2000;
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          futures.add(sender.send(agentTopic("drain-receiver"), utf8(Integer.toString(i))));
        }
        // every send future completed: the client handed all frames to its live connection
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
        gw.restart();
        receiver.connectBlocking();
        boolean all = Fixtures.awaitQuietly(Duration.ofSeconds(30), () -> received.size() == n);
        assertThat(all)
            .as("received %d of %d frames written before a graceful restart", received.size(), n)
            .isTrue();
      }
    }
  }

  @Test
  void noClientReconnectsIntoAGatewayThatIsShuttingDown() {
    try (RestartableGateway gw = new RestartableGateway(b -> b)) {
      AtomicBoolean stopping = new AtomicBoolean();
      AtomicInteger readyWhileStopping = new AtomicInteger();
      ClientObserver watch =
          new ClientObserver() {
            @Override
            public void onStateChanged(
                AetherClient client,
                ConnectionState from,
                ConnectionState to,
                @Nullable Throwable cause) {
              if (to == ConnectionState.READY && stopping.get()) {
                readyWhileStopping.incrementAndGet();
              }
            }
          };
      List<AgentClient> clients = new ArrayList<>();
      try {
        for (int i = 0; i < 5; i++) {
          AgentClient c = agent(options(gw.address()).addObserver(watch).build(), "zombie-" + i);
          clients.add(c);
          c.connectBlocking();
        }
        stopping.set(true);
        gw.stop();
        stopping.set(false);
        assertThat(readyWhileStopping.get())
            .as("sessions acknowledged by the gateway while it was closing")
            .isZero();
        gw.start();
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> clients.stream().allMatch(c -> c.state() == ConnectionState.READY));
      } finally {
        clients.forEach(AgentClient::close);
      }
    }
  }
}
