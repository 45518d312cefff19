/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded;

import static io.github.aetherjava.gateway.embedded.TestClient.agent;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.aetherjava.proto.v1.ErrorResponse;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The per-connection token bucket ({@code Builder.rateLimit}), on in any policy mode. */
class RateLimitTest extends GatewayTestBase {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  @Override
  protected EmbeddedAetherGateway.Builder configure(EmbeddedAetherGateway.Builder builder) {
    return builder.clock(clock).rateLimit(100);
  }

  @Test
  void allowsABurstOfTwiceTheRateThenRefillsAtTheRate() {
    TestClient a = connected(agent("prod", "impl", "a"));
    for (int i = 0; i < 200; i++) {
      a.sendMessage("ag::prod::impl::sink", "m");
    }
    a.sendMessage("ag::prod::impl::sink", "over");
    ErrorResponse e = a.nextError();
    assertThat(e.getCode()).isEqualTo("ERR_RATE_LIMITED");
    assertThat(e.getRetryable()).isTrue();
    assertThat(e.getRetryAfterMs()).isEqualTo(10);
    assertThat(e.getMessage()).isEqualTo("message rate limit exceeded");
    clock.advance(Duration.ofMillis(100)); // 10 tokens
    for (int i = 0; i < 10; i++) {
      a.sendMessage("ag::prod::impl::sink", "refilled");
    }
    a.sendMessage("ag::prod::impl::sink", "over-again");
    assertThat(a.nextError().getCode()).isEqualTo("ERR_RATE_LIMITED");
    Awaitility.await().until(() -> gateway.topicBacklog("ag::prod::impl::sink") == 210);
    // Permissive mode has no per-identity quota.
    assertThat(gateway.storageStats().quotaRejections()).isZero();
  }
}
