/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Holders pausing and releasing one client from many threads: the client ends paused exactly when a
 * holder is left.
 */
class AetherInboundFlowControlStressTests {

  @RepeatedTest(5)
  void pauseStateAlwaysMatchesTheHolders() throws Exception {
    try (AgentClient client =
        AgentClient.builder(AetherClientOptions.builder().address("127.0.0.1:1").build())
            .workspace("w")
            .implementation("i")
            .specifier("s")
            .build()) {
      AetherInboundFlowControl flow = new AetherInboundFlowControl();
      int threads = 8;
      CountDownLatch start = new CountDownLatch(1);
      List<Thread> workers = new ArrayList<>();
      Object keeper = new Object();
      for (int t = 0; t < threads; t++) {
        Object holder = new Object();
        boolean keep = (t == 0);
        Thread worker =
            new Thread(
                () -> {
                  try {
                    start.await();
                  } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return;
                  }
                  for (int i = 0; i < 5_000; i++) {
                    flow.hold(client, holder);
                    if (ThreadLocalRandom.current().nextBoolean()) {
                      Thread.yield();
                    }
                    flow.release(client, holder);
                  }
                  if (keep) {
                    flow.hold(client, keeper);
                  }
                });
        worker.start();
        workers.add(worker);
      }
      start.countDown();
      for (Thread worker : workers) {
        worker.join();
      }
      assertThat(flow.isHeld(client)).isTrue();
      assertThat(client.isInboundPaused()).isTrue();
      flow.release(client, keeper);
      assertThat(flow.isHeld(client)).isFalse();
      assertThat(client.isInboundPaused()).isFalse();
    }
  }
}
