/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.aetherjava.client.AetherException;
import io.github.aetherjava.client.FailureReason;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AetherRetryTests {

  private static final Duration SHORT = Duration.ofMillis(1);

  @Test
  void recoverableFailuresAreRetriedWhenEnabled() {
    AetherRetry retry = AetherRetry.of(true, 3, SHORT, 1.0, SHORT);
    AtomicInteger attempts = new AtomicInteger();
    String result =
        retry.call(
            "kv.get",
            () ->
                (attempts.incrementAndGet() < 3)
                    ? CompletableFuture.failedFuture(recoverable())
                    : CompletableFuture.completedFuture("value"));
    assertThat(result).isEqualTo("value");
    assertThat(attempts).hasValue(3);
  }

  @Test
  void nonRecoverableFailuresAreNotRetried() {
    AetherRetry retry = AetherRetry.of(true, 3, SHORT, 1.0, SHORT);
    AtomicInteger attempts = new AtomicInteger();
    assertThatExceptionOfType(AetherException.class)
        .isThrownBy(
            () ->
                retry.call(
                    "kv.put",
                    () -> {
                      attempts.incrementAndGet();
                      return CompletableFuture.failedFuture(
                          new AetherException(
                              FailureReason.PERMISSION_DENIED, "denied", null, false));
                    }))
        .withMessage("denied");
    assertThat(attempts).hasValue(1);
  }

  @Test
  void disabledRetryRunsOnce() {
    AetherRetry retry = AetherRetry.of(false, 3, SHORT, 1.0, SHORT);
    AtomicInteger attempts = new AtomicInteger();
    assertThatExceptionOfType(AetherException.class)
        .isThrownBy(
            () ->
                retry.call(
                    "checkpoint.save",
                    () -> {
                      attempts.incrementAndGet();
                      return CompletableFuture.failedFuture(recoverable());
                    }));
    assertThat(attempts).hasValue(1);
  }

  @Test
  void giveUpAfterMaxRetriesWithTheLastFailure() {
    AetherRetry retry = AetherRetry.of(true, 2, SHORT, 1.0, SHORT);
    AtomicInteger attempts = new AtomicInteger();
    assertThatExceptionOfType(AetherException.class)
        .isThrownBy(
            () ->
                retry.call(
                    "kv.get",
                    () -> {
                      attempts.incrementAndGet();
                      return CompletableFuture.failedFuture(recoverable());
                    }))
        .withMessage("gateway unavailable");
    assertThat(attempts).hasValue(3);
  }

  @Test
  void recognisesWrappedFailures() {
    assertThat(AetherRetry.isRecoverable(new CompletionException(recoverable()))).isTrue();
    assertThat(AetherRetry.isRecoverable(new IllegalStateException())).isFalse();
    assertThat(AetherRetry.isRecoverable(null)).isFalse();
  }

  private static AetherException recoverable() {
    return new AetherException(FailureReason.UNAVAILABLE, "gateway unavailable", null, true);
  }
}
