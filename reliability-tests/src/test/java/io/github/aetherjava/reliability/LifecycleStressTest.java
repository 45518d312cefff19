/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AetherChannelPool;
import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.ConnectionState;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random interleavings of connect, disconnect and close from several threads, with
 * random short delays: every client ends {@code CLOSED}, every future completes, and no channel is
 * left open. The client-core build runs a small count of the same races.
 */
class LifecycleStressTest {

  private static final int ITERATIONS = Integer.getInteger("aether.stress.iterations", 3000);

  @Test
  void everyInterleavingEndsClosedCompletesEveryFutureAndLeaksNoChannel() throws Exception {
    ExecutorService racers = Executors.newFixedThreadPool(4);
    try (EmbeddedAetherGateway gw =
            EmbeddedAetherGateway.builder()
                .tcp(false)
                .inProcessName("lifecycle-" + UUID.randomUUID())
                .start();
        AetherChannelPool pool = AetherChannelPool.create()) {
      AetherClientOptions options =
          AetherClientOptions.builder().address(gw.inProcessAddress()).channelPool(pool).build();
      for (int i = 0; i < ITERATIONS; i++) {
        AgentClient c =
            AgentClient.builder(options)
                .workspace(Fixtures.WS)
                .implementation("lifecycle")
                .specifier("c" + i)
                .build();
        List<CompletableFuture<?>> ends = new CopyOnWriteArrayList<>();
        int threads = 2 + ThreadLocalRandom.current().nextInt(3);
        CyclicBarrier go = new CyclicBarrier(threads);
        List<Future<?>> racing = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int action = ThreadLocalRandom.current().nextInt(4);
          racing.add(
              racers.submit(
                  () -> {
                    go.await(10, TimeUnit.SECONDS);
                    LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(200_000));
                    switch (action) {
                      case 0 -> ends.add(c.connect());
                      case 1 -> ends.add(c.disconnect());
                      case 2 -> c.close();
                      default -> {
                        ends.add(c.connect());
                        ends.add(c.disconnect());
                      }
                    }
                    return null;
                  }));
        }
        for (Future<?> f : racing) {
          f.get(30, TimeUnit.SECONDS);
        }
        c.close();
        for (CompletableFuture<?> f : ends) {
          await()
              .pollDelay(Duration.ZERO)
              .pollInterval(Duration.ofMillis(1))
              .atMost(Duration.ofSeconds(10))
              .until(f::isDone);
        }
        assertThat(c.state()).as("iteration %d", i).isEqualTo(ConnectionState.CLOSED);
      }
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(pool.size()).as("channels left open").isZero());
    } finally {
      racers.shutdownNow();
    }
  }
}
