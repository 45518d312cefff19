/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import io.github.aetherjava.client.internal.CallbackPool;
import io.github.aetherjava.client.internal.ClientExecutors;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ready-made executors for {@link AetherClientOptions.Builder#callbackExecutor(Executor)}.
 *
 * <p>The three choices, from safest to fastest for request/reply traffic:
 *
 * <ul>
 *   <li>the default (no call needed): virtual threads on Java 21+, else the client's share of a
 *       shared pool whose idle threads park (at most {@code max(4, 2 x cores)} tasks of one client
 *       at once; an idle client holds no thread); best one-way throughput;
 *   <li>{@link #polling()}: handlers still run off the gRPC threads, but an idle pool thread keeps
 *       polling for new work for a short while before it parks, which saves a thread wake-up per
 *       message and per response (about 10 µs each); costs CPU and, on small machines, throughput
 *       of small one-way messages;
 *   <li>{@code Runnable::run}: handlers run on the transport thread that received the frame (the
 *       SDK's channels use gRPC's direct executor); no hand-off at all, but a handler that blocks
 *       stalls the connection and, over TCP, every other channel served by the same event-loop
 *       thread.
 * </ul>
 *
 * Create a polling executor once and share it between clients: each one owns its threads.
 *
 * @since 0.1.0
 */
public final class CallbackExecutors {

  /** How long an idle thread of {@link #polling()} polls for new work before it parks. */
  public static final Duration DEFAULT_MAX_POLL = Duration.ofNanos(100_000);

  private static final AtomicInteger POOLS = new AtomicInteger();

  private CallbackExecutors() {}

  /**
   * A low-latency pool with {@code max(4, 2 x cores)} threads that poll for up to {@link
   * #DEFAULT_MAX_POLL}.
   *
   * @return a new executor
   */
  public static Executor polling() {
    return polling(ClientExecutors.defaultCallbackThreads(), DEFAULT_MAX_POLL);
  }

  /**
   * A low-latency pool.
   *
   * @param maxThreads most threads at once (at least 1); handlers of one client still run one at a
   *     time
   * @param maxPoll longest an idle thread polls for new work before it parks (zero: never poll)
   * @return a new executor
   * @throws InvalidArgumentException if a value is out of range
   */
  public static Executor polling(int maxThreads, Duration maxPoll) {
    if (maxThreads < 1) {
      throw new InvalidArgumentException("maxThreads must be >= 1, was " + maxThreads);
    }
    if (maxPoll == null || maxPoll.isNegative()) {
      throw new InvalidArgumentException("maxPoll must be zero or positive, was " + maxPoll);
    }
    return new CallbackPool(
        "aether-callback-polling-" + POOLS.incrementAndGet() + "-",
        maxThreads,
        CallbackPool.KEEP_ALIVE,
        maxPoll);
  }
}
