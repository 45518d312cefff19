/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.CallbackExecutors;
import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The polling executor keeps the SDK's guarantees: handlers off gRPC threads, in order per client.
 */
class CallbackExecutorsIntegrationTest {

  @Test
  void pollingExecutorRunsHandlersInOrderOnItsOwnThreads() throws Exception {
    Executor polling = CallbackExecutors.polling();
    try (EmbeddedAetherGateway gw =
        EmbeddedAetherGateway.builder()
            .tcp(false)
            .inProcessName("poll-it-" + UUID.randomUUID())
            .start()) {
      AetherClientOptions options =
          AetherClientOptions.builder()
              .address(gw.inProcessAddress())
              .callbackExecutor(polling)
              .build();
      try (AgentClient a =
              AgentClient.builder(options)
                  .workspace("ws")
                  .implementation("impl")
                  .specifier("a")
                  .build();
          AgentClient b =
              AgentClient.builder(options)
                  .workspace("ws")
                  .implementation("impl")
                  .specifier("b")
                  .build()) {
        List<Long> received = new CopyOnWriteArrayList<>();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        b.onMessage(
            m -> {
              threads.add(Thread.currentThread().getName());
              received.add(m.payloadBuffer().getLong(0));
            });
        a.connect().get(10, TimeUnit.SECONDS);
        b.connect().get(10, TimeUnit.SECONDS);
        int n = 2_000;
        for (long i = 0; i < n; i++) {
          a.send(b.topic(), ByteBuffer.allocate(8).putLong(0, i).array());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == n);
        assertThat(received).isSorted().doesNotHaveDuplicates();
        assertThat(threads).allMatch(t -> t.startsWith("aether-callback-polling-"));
      }
    }
  }

  @Test
  void rejectsBadSettingsNamingTheValue() {
    assertThatThrownBy(() -> CallbackExecutors.polling(0, Duration.ZERO))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("maxThreads must be >= 1, was 0");
    assertThatThrownBy(() -> CallbackExecutors.polling(2, Duration.ofMillis(-1)))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("maxPoll");
  }
}
