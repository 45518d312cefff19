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
import io.github.aetherjava.client.ConnectionState;
import io.github.aetherjava.client.FailureReason;
import io.github.aetherjava.reliability.Fixtures.RestartableGateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Outbound buffer overflow while disconnected: clear immediate failure beyond the limit, the rest
 * delivered.
 */
@Order(40)
class OutboundOverflowTest {

  @Test
  void sendsBeyondTheLimitFailAtOnceBufferedOnesArriveInOrderAfterReconnect() {
    try (RestartableGateway gw = new RestartableGateway(b -> b);
        AgentClient receiver = agent(options(gw.address()).build(), "ovf-receiver");
        AgentClient sender =
            agent(options(gw.address()).maxBufferedSends(100).build(), "ovf-sender")) {
      ConcurrentLinkedQueue<Integer> received = new ConcurrentLinkedQueue<>();
      receiver.onMessage(m -> received.add(Integer.parseInt(m.payloadAsString())));
      receiver.connectBlocking();
      sender.connectBlocking();

      gw.stop();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> sender.state() == ConnectionState.RECONNECTING);
      List<CompletableFuture<Void>> futures = new ArrayList<>();
      for (int i = 0; i < 150; i++) {
        futures.add(sender.send(agentTopic("ovf-receiver"), utf8(Integer.toString(i))));
      }
      assertThat(sender.status().bufferedSends()).isEqualTo(100);
      for (int i = 0; i < 100; i++) {
        assertThat(futures.get(i)).as("buffered send %d", i).isNotDone();
      }
      for (int i = 100; i < 150; i++) {
        // failed before send() returned: no waiting for a timeout
        assertThat(futures.get(i)).as("overflowing send %d", i).isCompletedExceptionally();
        assertThatThrownBy(futures.get(i)::join)
            .isInstanceOf(CompletionException.class)
            .cause()
            .isExactlyInstanceOf(ConnectionException.class)
            .hasMessageMatching("outbound buffer full \\(100 frames, \\d+ bytes\\)")
            .satisfies(
                e ->
                    assertThat(((ConnectionException) e).reason())
                        .isEqualTo(FailureReason.BUFFER_FULL));
      }

      gw.start();
      await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 100);
      CompletableFuture.allOf(futures.subList(0, 100).toArray(CompletableFuture[]::new)).join();
      List<Integer> expected = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        expected.add(i);
      }
      assertThat(new ArrayList<>(received)).containsExactlyElementsOf(expected);
    }
  }
}
