/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.ServiceClient;
import io.github.aetherjava.client.coord.Coordination;
import io.github.aetherjava.client.coord.CoordinationOptions;
import io.github.aetherjava.client.kv.KvTarget;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AetherLockRegistryTests {

  private static final KvTarget SCOPE = KvTarget.workspaceScope("ops");

  private EmbeddedAetherGateway gateway;
  private ServiceClient client;
  private AetherLockRegistry registry;

  @BeforeEach
  void start() {
    gateway =
        EmbeddedAetherGateway.builder()
            .tcp(false)
            .inProcessName("registry-" + UUID.randomUUID())
            .start();
    client =
        ServiceClient.builder(
                AetherClientOptions.builder().address(gateway.inProcessAddress()).build())
            .implementation("registry")
            .specifier("1")
            .build();
    client.connectBlocking();
    registry =
        new AetherLockRegistry(
            Coordination.create(
                client,
                CoordinationOptions.builder()
                    .target(SCOPE)
                    .leaseTime(Duration.ofSeconds(2))
                    .renewInterval(Duration.ofMillis(200))
                    .retryInterval(Duration.ofMillis(20))
                    .build()));
  }

  @AfterEach
  void stop() {
    client.close();
    gateway.close();
  }

  @Test
  void threadsOfOneJvmExcludeEachOtherThroughOneLock() throws Exception {
    Lock lock = registry.obtain("counter");
    assertThat(registry.obtain("counter")).isSameAs(lock);
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger max = new AtomicInteger();
    CompletableFuture<?>[] runs = new CompletableFuture<?>[4];
    for (int t = 0; t < runs.length; t++) {
      runs[t] =
          CompletableFuture.runAsync(
              () -> {
                for (int i = 0; i < 10; i++) {
                  lock.lock();
                  try {
                    max.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    inside.decrementAndGet();
                  } finally {
                    lock.unlock();
                  }
                }
              });
    }
    CompletableFuture.allOf(runs).get(60, TimeUnit.SECONDS);
    assertThat(max.get()).isEqualTo(1);
    assertThat(client.kv().getBlocking(SCOPE, "lock/counter").isEmpty()).isTrue();
  }

  @Test
  void unlockingALostLockSaysSo() {
    Lock lock = registry.obtain("stolen");
    lock.lock();
    client.kv().putBlocking(SCOPE, "lock/stolen", "someone-else".getBytes());
    await().atMost(Duration.ofSeconds(5)).until(() -> lock.toString().contains("held=false"));
    assertThatThrownBy(lock::unlock)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("was lost before it was unlocked");
    assertThatThrownBy(lock::unlock).isInstanceOf(IllegalMonitorStateException.class);
  }

  @Test
  void badKeysAreRefused() {
    assertThatThrownBy(() -> registry.obtain(42))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lockKey");
    assertThatThrownBy(() -> registry.obtain("x".repeat(300)))
        .hasMessageContaining("name is too long");
  }

  @Test
  void unusedLocksExpireFromTheCache() {
    Lock lock = registry.obtain("idle");
    registry.expireUnusedOlderThan(-1000);
    assertThat(registry.obtain("idle")).isNotSameAs(lock);
  }
}
