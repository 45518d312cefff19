/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.delivery.SendPacing;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SendPacerTest {

  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

  @Test
  void aFullBucketGivesTheBurstThenOneTokenPerInterval() {
    SendPacer pacer = new SendPacer(SendPacing.of(100, 3), 0);
    assertThat(pacer.tryTake(0)).isZero();
    assertThat(pacer.tryTake(0)).isZero();
    assertThat(pacer.tryTake(0)).isZero();
    assertThat(pacer.tryTake(0)).isEqualTo(10 * MS);
    assertThat(pacer.tryTake(5 * MS)).isEqualTo(5 * MS);
    assertThat(pacer.tryTake(10 * MS)).isZero();
    // never more than the burst, however long it was idle
    for (int i = 0; i < 3; i++) {
      assertThat(pacer.tryTake(10_000 * MS)).isZero();
    }
    assertThat(pacer.tryTake(10_000 * MS)).isPositive();
  }

  @Test
  void aGatewayRefusalEmptiesTheBucketAndPausesForRetryAfter() {
    SendPacer pacer = new SendPacer(SendPacing.of(100, 10), 0);
    pacer.pause(0, 1000 * MS);
    assertThat(pacer.tryTake(0)).isEqualTo(1000 * MS);
    assertThat(pacer.tryTake(999 * MS)).isEqualTo(MS);
    // empty after the pause: the first token comes one interval later
    assertThat(pacer.tryTake(1000 * MS)).isEqualTo(10 * MS);
    assertThat(pacer.tryTake(1010 * MS)).isZero();
  }

  @Test
  void badSettingsNameTheArgument() {
    assertThatThrownBy(() -> SendPacing.of(0, 1))
        .isExactlyInstanceOf(InvalidArgumentException.class)
        .hasMessage("ratePerSecond must be a finite number > 0, got 0.0");
    assertThatThrownBy(() -> SendPacing.of(Double.POSITIVE_INFINITY, 1))
        .isExactlyInstanceOf(InvalidArgumentException.class)
        .hasMessageStartingWith("ratePerSecond");
    assertThatThrownBy(() -> SendPacing.of(10, 0))
        .isExactlyInstanceOf(InvalidArgumentException.class)
        .hasMessage("burst must be >= 1, got 0");
    assertThat(SendPacing.off().enabled()).isFalse();
    assertThat(SendPacing.aetherLite().ratePerSecond() + SendPacing.aetherLite().burst())
        .as("below AetherLite's 100 per identity-second, with a margin")
        .isEqualTo(90);
  }
}
