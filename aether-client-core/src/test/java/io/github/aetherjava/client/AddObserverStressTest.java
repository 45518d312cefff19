/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Threads racing to add the same observer to a client add it once; every observer added by any of
 * them sees each later event exactly once.
 */
class AddObserverStressTest {

  static final int ITERATIONS = Integer.getInteger("aether.stress.iterations", 150);

  static final int THREADS = 8;

  @Test
  void racingAddsRegisterEachObserverOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      for (int i = 0; i < ITERATIONS; i++) {
        AtomicInteger sharedCalls = new AtomicInteger();
        AtomicInteger ownCalls = new AtomicInteger();
        ClientObserver shared = failures(sharedCalls);
        try (AgentClient client =
            AgentClient.builder(AetherClientOptions.builder().address("127.0.0.1:1").build())
                .workspace("ws")
                .implementation("stress")
                .specifier(Integer.toString(i))
                .build()) {
          CountDownLatch start = new CountDownLatch(1);
          List<Future<Boolean>> sharedAdds = new ArrayList<>();
          for (int t = 0; t < THREADS; t++) {
            sharedAdds.add(
                pool.submit(
                    () -> {
                      start.await();
                      boolean added = client.addObserver(shared);
                      client.addObserver(failures(ownCalls));
                      return added;
                    }));
          }
          start.countDown();
          int added = 0;
          for (Future<Boolean> f : sharedAdds) {
            added += f.get(10, TimeUnit.SECONDS) ? 1 : 0;
          }
          assertThat(added).as("adds of the shared observer that succeeded").isEqualTo(1);
          // bad input fails before anything is queued: every observer is told once, on this thread
          assertThat(client.send("xx::bad", new byte[] {1}, MessageType.CHAT))
              .isCompletedExceptionally();
          assertThat(sharedCalls).hasValue(1);
          assertThat(ownCalls).hasValue(THREADS);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static ClientObserver failures(AtomicInteger calls) {
    return new ClientObserver() {
      @Override
      public void onSendFailed(AetherClient client, String topic, Throwable error) {
        calls.incrementAndGet();
      }
    };
  }
}
