/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.task;

import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.internal.Arguments;
import java.time.Duration;
import java.util.List;

/**
 * How the gateway retries a failed task.
 *
 * @param maxAttempts attempts in all (0 = the gateway's default of 3)
 * @param backoff how delays grow
 * @param initialDelay first delay
 * @param maxDelay largest delay
 * @param jitterFactor random spread, 0 to 1
 * @param schedule explicit delays for {@link Backoff#EXPLICIT_SCHEDULE}
 * @param retryableStatusCodes status codes that allow a retry (empty = any)
 * @param honorRetryAfter whether a worker's retry-after hint wins
 * @since 0.1.0
 */
public record RetryPolicy(
    int maxAttempts,
    Backoff backoff,
    Duration initialDelay,
    Duration maxDelay,
    double jitterFactor,
    List<Duration> schedule,
    List<Integer> retryableStatusCodes,
    boolean honorRetryAfter) {

  /** How retry delays grow. */
  public enum Backoff {
    /** The gateway's default. */
    UNSPECIFIED,
    /** Always {@code initialDelay}. */
    FIXED,
    /** Doubling from {@code initialDelay} up to {@code maxDelay}. */
    EXPONENTIAL,
    /** The delays in {@code schedule}. */
    EXPLICIT_SCHEDULE
  }

  /** Validates and copies. */
  public RetryPolicy {
    if (maxAttempts < 0) {
      throw new InvalidArgumentException("maxAttempts must not be negative: " + maxAttempts);
    }
    if (jitterFactor < 0 || jitterFactor > 1) {
      throw new InvalidArgumentException("jitterFactor must be between 0 and 1: " + jitterFactor);
    }
    Arguments.notNull(backoff, "backoff");
    Arguments.notNull(initialDelay, "initialDelay");
    Arguments.notNull(maxDelay, "maxDelay");
    Arguments.notNull(schedule, "schedule");
    Arguments.notNull(retryableStatusCodes, "retryableStatusCodes");
    if (initialDelay.isNegative() || maxDelay.isNegative()) {
      throw new InvalidArgumentException("initialDelay and maxDelay must not be negative");
    }
    schedule = List.copyOf(schedule);
    retryableStatusCodes = List.copyOf(retryableStatusCodes);
  }

  /**
   * @param maxAttempts attempts in all
   * @param initialDelay first delay
   * @param maxDelay largest delay
   * @return an exponential policy without jitter
   */
  public static RetryPolicy exponential(int maxAttempts, Duration initialDelay, Duration maxDelay) {
    return new RetryPolicy(
        maxAttempts, Backoff.EXPONENTIAL, initialDelay, maxDelay, 0, List.of(), List.of(), false);
  }

  /**
   * @return the wire form
   */
  public io.github.aetherjava.proto.v1.RetryPolicy toProto() {
    return io.github.aetherjava.proto.v1.RetryPolicy.newBuilder()
        .setMaxAttempts(maxAttempts)
        .setBackoffValue(backoff.ordinal())
        .setInitialDelayMs(initialDelay.toMillis())
        .setMaxDelayMs(maxDelay.toMillis())
        .setJitterFactor(jitterFactor)
        .addAllScheduleMs(schedule.stream().map(Duration::toMillis).toList())
        .addAllRetryableStatusCodes(retryableStatusCodes)
        .setHonorRetryAfter(honorRetryAfter)
        .build();
  }
}
