/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.kv.KvClient;
import io.github.aetherjava.client.kv.KvTarget;
import io.github.aetherjava.client.testing.MutableClock;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Compare-and-set with a TTL, the operation that renews a lease. */
class KvCompareAndSetTtlTest {

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void compareAndSetSetsTheTtlOfTheWrittenValue() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    try (EmbeddedAetherGateway gw =
            EmbeddedAetherGateway.builder()
                .tcp(false)
                .inProcessName("cas-ttl-" + UUID.randomUUID())
                .clock(clock)
                .start();
        AgentClient agent =
            AgentClient.builder(
                    AetherClientOptions.builder().address(gw.inProcessAddress()).build())
                .workspace("ws")
                .implementation("cas")
                .specifier("1")
                .build()) {
      agent.connect().get(10, TimeUnit.SECONDS);
      KvClient kv = agent.kv();
      KvTarget t = KvTarget.workspaceScope();
      Duration timeout = Duration.ofSeconds(5);
      assertThat(kv.setNx(t, "lease", utf8("me"), Duration.ofSeconds(3), timeout).get()).isTrue();
      clock.advance(Duration.ofSeconds(2));
      // renewal: same value, fresh 3 s
      assertThat(
              kv.compareAndSet(t, "lease", utf8("me"), utf8("me"), Duration.ofSeconds(3), timeout)
                  .get())
          .isTrue();
      clock.advance(Duration.ofSeconds(2)); // 4 s after the first write: alive only if renewed
      assertThat(kv.get(t, "lease").get().asString()).isEqualTo("me");
      clock.advance(Duration.ofSeconds(2)); // 3 s after the renewal
      assertThat(kv.get(t, "lease").get().isEmpty()).isTrue();
      // without a TTL the written value is permanent
      assertThat(kv.setNx(t, "k", utf8("a"), Duration.ofSeconds(1), timeout).get()).isTrue();
      assertThat(kv.compareAndSet(t, "k", utf8("a"), utf8("b")).get()).isTrue();
      clock.advance(Duration.ofHours(1));
      assertThat(kv.get(t, "k").get().asString()).isEqualTo("b");
    }
  }
}
