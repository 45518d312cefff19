/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aetherjava.client.AetherClientOptions;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelPoolTest {

  private static AetherClientOptions options(String name) {
    return AetherClientOptions.builder().address(ChannelFactory.IN_PROCESS_PREFIX + name).build();
  }

  @Test
  void clientsBeyondTheLimitGetAnotherChannelOfTheSameSettings() {
    ChannelPool pool = new ChannelPool(2);
    AetherClientOptions o = options("pool-limit");
    List<ManagedChannel> acquired = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      acquired.add(pool.acquire(o));
    }
    Map<ManagedChannel, Integer> users = new IdentityHashMap<>();
    acquired.forEach(c -> users.merge(c, 1, Integer::sum));
    assertThat(users).hasSize(3);
    assertThat(users.values()).containsExactlyInAnyOrder(2, 2, 1);
    assertThat(pool.size()).isEqualTo(3);

    // a freed place is reused before a new channel is opened
    ManagedChannel first = acquired.get(0);
    pool.release(first);
    assertThat(first.isShutdown()).isFalse();
    assertThat(pool.acquire(o)).isSameAs(first);
    assertThat(pool.size()).isEqualTo(3);

    for (ManagedChannel c : acquired) {
      pool.release(c);
    }
    assertThat(acquired).allMatch(ManagedChannel::isShutdown);
    assertThat(pool.size()).isZero();
  }

  @Test
  void differentSettingsNeverShareAChannel() {
    ChannelPool pool = new ChannelPool();
    ManagedChannel a = pool.acquire(options("pool-a"));
    ManagedChannel b = pool.acquire(options("pool-b"));
    ManagedChannel a2 =
        pool.acquire(
            AetherClientOptions.builder()
                .address(ChannelFactory.IN_PROCESS_PREFIX + "pool-a")
                .keepAliveTime(Duration.ofMinutes(3))
                .build());
    assertThat(a).isNotSameAs(b).isNotSameAs(a2);
    assertThat(pool.acquire(options("pool-a"))).isSameAs(a);
    pool.close();
    assertThat(List.of(a, b, a2)).allMatch(ManagedChannel::isShutdown);
    assertThat(pool.size()).isZero();
  }

  @Test
  void rejectsALimitBelowOne() {
    assertThatThrownBy(() -> new ChannelPool(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxClientsPerChannel");
  }
}
