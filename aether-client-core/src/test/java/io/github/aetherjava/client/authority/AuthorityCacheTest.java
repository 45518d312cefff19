/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.authority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.ConnectionInfo;
import io.github.aetherjava.client.Credentials;
import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.ServiceClient;
import io.github.aetherjava.client.UserClient;
import io.github.aetherjava.gateway.embedded.CredentialsPolicy;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.github.aetherjava.gateway.embedded.PolicyMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The authority cache on the embedded gateway: single flight, soft renewal, revocation, bound. */
class AuthorityCacheTest {

  private static final Duration T = Duration.ofSeconds(10);

  private final List<AutoCloseable> closeables = new ArrayList<>();
  private AetherClientOptions options;

  /** A clock tests move by hand. */
  static final class ManualClock extends Clock {
    private volatile Instant now = Instant.now();

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @BeforeEach
  void start() {
    EmbeddedAetherGateway gw =
        EmbeddedAetherGateway.builder()
            .tcp(false)
            .inProcessName("authority-cache-" + UUID.randomUUID())
            .policyMode(PolicyMode.PERMISSIVE)
            .credentialsPolicy(CredentialsPolicy.dev())
            .start();
    closeables.add(gw);
    options =
        AetherClientOptions.builder()
            .address(gw.inProcessAddress())
            .credentials(Credentials.none())
            .build();
  }

  @AfterEach
  void close() throws Exception {
    for (int i = closeables.size() - 1; i >= 0; i--) {
      closeables.get(i).close();
    }
  }

  private <C extends AutoCloseable> C keep(C c) {
    closeables.add(c);
    return c;
  }

  private <C extends AetherClient> C connect(C client) throws Exception {
    keep(client);
    client.connect().get(10, TimeUnit.SECONDS);
    return client;
  }

  private UserClient user(String id) throws Exception {
    return connect(UserClient.builder(options).userId(id).windowId("w").build());
  }

  private static String session(AetherClient c) {
    return c.connectionInfo().map(ConnectionInfo::sessionId).orElseThrow();
  }

  private static GrantSpec spec(Duration life) {
    Instant now = Instant.now();
    return GrantSpec.builder(20, now.plus(life), now.plus(life.multipliedBy(2))).build();
  }

  @Test
  void concurrentCallersShareOneExchangePerKey() throws Exception {
    UserClient alice = user("alice");
    AuthorityCache cache = keep(alice.authority().newCache(AuthorityCacheOptions.defaults()));
    GrantSpec spec = spec(Duration.ofMinutes(10));
    int rounds = 40;
    int callers = 16;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < rounds; round++) {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<AuthorityGrant>> results = new CopyOnWriteArrayList<>();
        List<CompletableFuture<Void>> started = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
          started.add(
              CompletableFuture.runAsync(
                  () -> {
                    try {
                      go.await();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                    results.add(cache.getOrExchange("", spec));
                  },
                  pool));
        }
        go.countDown();
        CompletableFuture.allOf(started.toArray(CompletableFuture[]::new))
            .get(10, TimeUnit.SECONDS);
        Set<String> ids = new HashSet<>();
        for (CompletableFuture<AuthorityGrant> f : results) {
          ids.add(f.get(10, TimeUnit.SECONDS).grantId());
        }
        assertThat(ids).hasSize(1);
        // drop it so the next round exchanges again
        assertThat(cache.invalidate(ids.iterator().next())).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
    // exactly one grant per round reached the gateway
    assertThat(alice.authority().listOnMe(false, T).get(10, TimeUnit.SECONDS)).hasSize(rounds);
  }

  @Test
  void softRenewalFetchesAgainAheadOfExpiry() throws Exception {
    UserClient alice = user("alice");
    ManualClock clock = new ManualClock();
    AuthorityCache cache =
        keep(
            alice
                .authority()
                .newCache(
                    AuthorityCacheOptions.builder()
                        .clock(clock)
                        .softRenewSkew(Duration.ofSeconds(30))
                        .build()));
    GrantSpec spec = spec(Duration.ofMinutes(2));
    AuthorityGrant first = cache.getOrExchange("", spec).get(10, TimeUnit.SECONDS);
    assertThat(cache.getOrExchange("", spec).get(10, TimeUnit.SECONDS).grantId())
        .isEqualTo(first.grantId());
    assertThat(cache.isValid(first.grantId())).isTrue();

    clock.advance(Duration.ofSeconds(91)); // inside the 30 s skew before the 2 min expiry
    assertThat(cache.isValid(first.grantId())).isFalse();
    // same key, a later expiry: the stale grant is replaced
    Instant later = clock.instant().plus(Duration.ofMinutes(5));
    GrantSpec renewedSpec = GrantSpec.builder(20, later, later.plus(Duration.ofMinutes(5))).build();
    AuthorityGrant second = cache.getOrExchange("", renewedSpec).get(10, TimeUnit.SECONDS);
    assertThat(second.grantId()).isNotEqualTo(first.grantId());
    assertThat(cache.active())
        .extracting(AuthorityGrant::grantId)
        .containsExactly(second.grantId());
  }

  @Test
  void cascadeRevocationReachesTheCache() throws Exception {
    UserClient alice = user("alice");
    ServiceClient svc =
        connect(ServiceClient.builder(options).implementation("billing").specifier("1").build());
    AuthorityCache cache = keep(svc.authority().newCache(AuthorityCacheOptions.defaults()));
    List<GrantRevocation> dropped = new CopyOnWriteArrayList<>();
    cache.onRevoked(dropped::add);

    AuthorityGrant g =
        cache.getOrExchange(session(alice), spec(Duration.ofMinutes(10))).get(10, TimeUnit.SECONDS);
    assertThat(cache.isValid(g.grantId())).isTrue();

    // the subject revokes; the gateway pushes to the delegate, whose cache drops the grant
    alice.authority().revoke(g.grantId(), T).get(10, TimeUnit.SECONDS);
    await().atMost(T).until(() -> !dropped.isEmpty());
    assertThat(dropped.get(0).grantId()).isEqualTo(g.grantId());
    assertThat(cache.isValid(g.grantId())).isFalse();
    assertThat(cache.size()).isZero();

    AuthorityGrant again =
        cache.getOrExchange(session(alice), spec(Duration.ofMinutes(10))).get(10, TimeUnit.SECONDS);
    assertThat(again.grantId()).isNotEqualTo(g.grantId());
  }

  @Test
  void sizeIsBoundedAndClosedCacheRefuses() throws Exception {
    ServiceClient svc =
        connect(ServiceClient.builder(options).implementation("billing").specifier("1").build());
    AuthorityCache cache =
        svc.authority().newCache(AuthorityCacheOptions.builder().maxEntries(2).build());
    List<String> ids = new ArrayList<>();
    for (String u : List.of("u1", "u2", "u3")) {
      ids.add(
          cache
              .getOrExchange(session(user(u)), spec(Duration.ofMinutes(10)))
              .get(10, TimeUnit.SECONDS)
              .grantId());
    }
    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.isValid(ids.get(0))).isFalse();
    assertThat(cache.isValid(ids.get(2))).isTrue();

    cache.close();
    assertThat(cache.size()).isZero();
    assertThatThrownBy(
            () -> cache.getOrExchange("", spec(Duration.ofMinutes(1))).get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> AuthorityCacheOptions.builder().maxEntries(0))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("maxEntries");
  }
}
