/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.shedlock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.GatewayErrorException;
import io.github.aetherjava.client.ServiceClient;
import io.github.aetherjava.client.kv.KvTarget;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.github.aetherjava.gateway.embedded.PolicyMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AetherLockProviderTests {

  private static final KvTarget SCOPE = KvTarget.workspaceScope("ops");

  private EmbeddedAetherGateway gateway;
  private ServiceClient client;

  private AetherLockProvider provider(PolicyMode mode) {
    gateway =
        EmbeddedAetherGateway.builder()
            .tcp(false)
            .inProcessName("shedlock-" + UUID.randomUUID())
            .policyMode(mode)
            .start();
    client =
        ServiceClient.builder(
                AetherClientOptions.builder().address(gateway.inProcessAddress()).build())
            .implementation("jobs")
            .specifier("1")
            .build();
    client.connectBlocking();
    return new AetherLockProvider(
        client.kv(), SCOPE, AetherLockProvider.DEFAULT_KEY_PREFIX, Duration.ofSeconds(5));
  }

  @AfterEach
  void close() {
    client.close();
    gateway.close();
  }

  private static LockConfiguration config(String name, Duration atMost, Duration atLeast) {
    return new LockConfiguration(Instant.now(), name, atMost, atLeast);
  }

  @Test
  void locksExclusivelyUntilUnlocked() {
    AetherLockProvider p = provider(PolicyMode.PERMISSIVE);
    Optional<SimpleLock> first = p.lock(config("job", Duration.ofSeconds(30), Duration.ZERO));
    assertThat(first).isPresent();
    assertThat(client.kv().getBlocking(SCOPE, "shedlock/job").isEmpty()).isFalse();
    assertThat(p.lock(config("job", Duration.ofSeconds(30), Duration.ZERO))).isEmpty();
    assertThat(p.lock(config("other", Duration.ofSeconds(30), Duration.ZERO))).isPresent();
    first.orElseThrow().unlock();
    assertThat(client.kv().getBlocking(SCOPE, "shedlock/job").isEmpty()).isTrue();
    assertThat(p.lock(config("job", Duration.ofSeconds(30), Duration.ZERO))).isPresent();
  }

  @Test
  void unlockKeepsTheLockForTheRestOfLockAtLeastFor() {
    AetherLockProvider p = provider(PolicyMode.PERMISSIVE);
    long start = System.nanoTime();
    p.lock(config("window", Duration.ofSeconds(30), Duration.ofSeconds(2))).orElseThrow().unlock();
    assertThat(p.lock(config("window", Duration.ofSeconds(30), Duration.ZERO))).isEmpty();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> p.lock(config("window", Duration.ofSeconds(30), Duration.ZERO)).isPresent());
    assertThat(System.nanoTime() - start).isGreaterThan(Duration.ofMillis(1500).toNanos());
  }

  @Test
  void lockAtMostForExpiresAndExtendMovesIt() {
    AetherLockProvider p = provider(PolicyMode.PERMISSIVE);
    SimpleLock lock = p.lock(config("long", Duration.ofSeconds(1), Duration.ZERO)).orElseThrow();
    SimpleLock extended = lock.extend(Duration.ofSeconds(30), Duration.ZERO).orElseThrow();
    long start = System.nanoTime();
    await().atMost(Duration.ofSeconds(10)).until(() -> System.nanoTime() - start > 2_500_000_000L);
    assertThat(p.lock(config("long", Duration.ofSeconds(1), Duration.ZERO)))
        .as("extended past the first lockAtMostFor")
        .isEmpty();
    extended.unlock();
    SimpleLock shortLived =
        p.lock(config("long", Duration.ofSeconds(1), Duration.ZERO)).orElseThrow();
    assertThat(shortLived).isNotNull();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> p.lock(config("long", Duration.ofSeconds(1), Duration.ZERO)).isPresent());
  }

  @Test
  void aRefusedScopeSaysWhy() {
    AetherLockProvider p = provider(PolicyMode.LITE_PARITY);
    assertThatThrownBy(() -> p.lock(config("job", Duration.ofSeconds(30), Duration.ZERO)))
        .isInstanceOf(GatewayErrorException.class)
        .hasMessageContaining("scope workspace")
        .hasMessageContaining("AetherLite in dev mode denies the shared scopes");
  }
}
