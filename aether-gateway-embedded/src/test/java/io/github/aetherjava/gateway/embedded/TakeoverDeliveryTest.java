/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded;

import static io.github.aetherjava.gateway.embedded.TestClient.agent;
import static io.github.aetherjava.gateway.embedded.TestClient.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.InitConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Resume takeovers while traffic flows: every message arrives once, in order, across the
 * connections.
 */
class TakeoverDeliveryTest extends GatewayTestBase {

  @Test
  void resumeTakeoversNeitherLoseNorRepeatMessages() throws Exception {
    int total = 2000;
    TestClient sender = tcpClient();
    sender.connect(agent("prod", "impl", "sender"));
    InitConnection target = agent("prod", "impl", "target");
    List<TestClient> generations = new ArrayList<>();
    TestClient current = tcpClient();
    current.connect(target);
    generations.add(current);

    CompletableFuture<Void> sending =
        CompletableFuture.runAsync(
            () -> {
              for (int i = 0; i < total; i++) {
                sender.sendMessage("ag::prod::impl::target", Integer.toString(i));
              }
            });
    for (int g = 0; g < 5; g++) {
      TestClient next = tcpClient();
      next.connect(target.toBuilder().setResumeSessionId(current.ack.getSessionId()).build());
      assertThat(next.ack.getResumed()).isTrue();
      current = next;
      generations.add(current);
    }
    sending.get(30, TimeUnit.SECONDS);

    // Read each generation to its end (older ones were ended by the takeover), the last one until
    // complete.
    List<Integer> received = new ArrayList<>();
    for (TestClient c : generations.subList(0, generations.size() - 1)) {
      c.awaitClosed();
      for (DownstreamMessage m : c.received) {
        if (m.hasMsg()) {
          received.add(Integer.parseInt(utf8(m.getMsg().getPayload())));
        }
      }
    }
    TestClient last = generations.get(generations.size() - 1);
    while (received.isEmpty() || received.get(received.size() - 1) < total - 1) {
      DownstreamMessage m = last.next();
      if (m.hasMsg()) {
        received.add(Integer.parseInt(utf8(m.getMsg().getPayload())));
      }
    }
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      expected.add(i);
    }
    assertThat(received).containsExactlyElementsOf(expected);
  }
}
