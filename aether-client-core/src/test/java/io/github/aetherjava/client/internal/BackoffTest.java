/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aetherjava.client.ReconnectPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private final ReconnectPolicy defaults = ReconnectPolicy.defaults();

  @Test
  void defaultsAreOneSecondTimesTwoCappedAtThirtyWithQuarterJitter() {
    assertThat(defaults.initialDelay()).isEqualTo(Duration.ofSeconds(1));
    assertThat(defaults.multiplier()).isEqualTo(2.0);
    assertThat(defaults.maxDelay()).isEqualTo(Duration.ofSeconds(30));
    assertThat(defaults.jitter()).isEqualTo(0.25);
    assertThat(defaults.maxAttempts()).isZero();
    assertThat(defaults.immediateFirstRetry()).isTrue();
    assertThat(defaults.retryOnDuplicate()).isFalse();
    assertThat(defaults.duplicateRetryDelay()).isEqualTo(Duration.ofSeconds(5));
    assertThat(defaults.duplicateMaxAttempts()).isEqualTo(5);
  }

  @Test
  void withoutJitterTheDelayDoublesUntilTheCap() {
    long[] expectedMs = {1000, 2000, 4000, 8000, 16000, 30000, 30000};
    for (int i = 0; i < expectedMs.length; i++) {
      assertThat(Backoff.delay(defaults, i, () -> 0.5).toMillis())
          .as("attempt %d", i)
          .isEqualTo(expectedMs[i]);
    }
  }

  @Test
  void jitterStaysWithinAQuarterEitherWay() {
    assertThat(Backoff.delay(defaults, 0, () -> 0.0).toMillis()).isEqualTo(750);
    assertThat(Backoff.delay(defaults, 0, () -> 0.999999).toMillis()).isBetween(1249L, 1250L);
    assertThat(Backoff.delay(defaults, 1, () -> 0.0).toMillis()).isEqualTo(1500);
    assertThat(Backoff.delay(defaults, 2, () -> 0.999999).toMillis()).isBetween(4999L, 5000L);
    for (int i = 0; i < 50; i++) {
      assertThat(Backoff.delay(defaults, i, Math::random))
          .isLessThanOrEqualTo(Duration.ofMillis(37_500));
    }
  }

  @Test
  void hugeAttemptNumbersDoNotOverflow() {
    assertThat(Backoff.delay(defaults, 10_000, () -> 0.5)).isEqualTo(Duration.ofSeconds(30));
  }
}
