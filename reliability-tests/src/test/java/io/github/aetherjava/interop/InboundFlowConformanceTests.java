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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The graceful-shutdown hooks against a gateway: a paused client takes no more than its window, and
 * pause, drain, disconnect loses nothing the client received while later messages wait for the
 * identity's next connection.
 */
abstract class InboundFlowConformanceTests {

  private static final Duration WAIT = Duration.ofSeconds(15);

  private static final int WINDOW = 8;

  // Unique names per run: the real gateway persists messages across runs.
  private final String workspace = "flow-" + UUID.randomUUID().toString().substring(0, 8);

  private final List<AetherClient> clients = new ArrayList<>();

  /** Address of the gateway under test. */
  abstract String gatewayAddress();

  @AfterEach
  void closeAll() {
    clients.forEach(AetherClient::close);
  }

  private AgentClient agent(String specifier, List<String> received, CountDownLatch gate)
      throws Exception {
    AgentClient agent =
        AgentClient.builder(
                AetherClientOptions.builder()
                    .address(gatewayAddress())
                    .inboundWindow(WINDOW)
                    .build())
            .workspace(this.workspace)
            .implementation("flow")
            .specifier(specifier)
            .build();
    agent.onMessage(
        (message) -> {
          gate.await();
          received.add(new String(message.payload(), StandardCharsets.UTF_8));
        });
    this.clients.add(agent);
    agent.connect().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    return agent;
  }

  private void send(AgentClient sender, String specifier, String text) throws Exception {
    sender
        .sendToAgent(this.workspace, "flow", specifier, text.getBytes(StandardCharsets.UTF_8))
        .get(5, TimeUnit.SECONDS);
  }

  private static List<String> numbered(String prefix, int from, int to) {
    List<String> texts = new ArrayList<>();
    for (int i = from; i < to; i++) {
      texts.add(prefix + i);
    }
    return texts;
  }

  @Test
  void pausedClientTakesAtMostItsWindowAndResumeDeliversTheRestInOrder() throws Exception {
    CountDownLatch open = new CountDownLatch(0);
    List<String> received = new CopyOnWriteArrayList<>();
    AgentClient receiver = agent("paused", received, open);
    AgentClient sender = agent("sender", new CopyOnWriteArrayList<>(), open);
    receiver.pauseInbound();
    List<String> texts = numbered("m", 0, 40);
    for (String text : texts) {
      send(sender, "paused", text);
    }
    await()
        .during(Duration.ofMillis(500))
        .atMost(WAIT)
        .until(() -> received.size() <= WINDOW && receiver.inboundBacklog() == 0);
    assertThat(received).hasSizeLessThanOrEqualTo(WINDOW);
    receiver.resumeInbound();
    await().atMost(WAIT).until(() -> received.size() == texts.size());
    assertThat(received).containsExactlyElementsOf(texts);
  }

  @Test
  void pauseDrainDisconnectLosesNothingAndLaterMessagesWaitForTheNextConnection() throws Exception {
    CountDownLatch open = new CountDownLatch(0);
    CountDownLatch blocked = new CountDownLatch(1);
    List<String> received = new CopyOnWriteArrayList<>();
    AgentClient receiver = agent("draining", received, blocked);
    AgentClient sender = agent("sender2", new CopyOnWriteArrayList<>(), open);
    List<String> before = numbered("a", 0, 5);
    for (String text : before) {
      send(sender, "draining", text);
    }
    // everything sent has reached the client: one blocked in the handler, the rest queued
    await().atMost(WAIT).until(() -> receiver.inboundBacklog() == before.size() - 1);
    receiver.pauseInbound();
    CompletableFuture<Void> drained = receiver.drainInbound();
    assertThat(drained).isNotDone();
    blocked.countDown();
    drained.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(received).containsExactlyElementsOf(before);
    receiver.disconnect().get(WAIT.toSeconds(), TimeUnit.SECONDS);

    List<String> after = numbered("b", 0, 3);
    for (String text : after) {
      send(sender, "draining", text);
    }
    List<String> next = new CopyOnWriteArrayList<>();
    agent("draining", next, open);
    await().atMost(WAIT).until(() -> next.containsAll(after));
    assertThat(next).doesNotContainAnyElementsOf(before);
  }
}
