/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.sample;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Correlates asynchronous arrivals with the HTTP request waiting for them. Aether has no built-in
 * request/reply, so the sample registers the id it puts in a payload before sending, and the
 * listener that receives the matching message completes it.
 *
 * @param <T> what arrives
 */
public final class Waiters<T> {

  private final Map<String, CompletableFuture<T>> waiting = new ConcurrentHashMap<>();

  /**
   * Registers interest in {@code key}; call before sending the message that leads to it.
   *
   * @param key correlation key
   * @return completes when {@link #arrived} is called with the key
   */
  public CompletableFuture<T> expect(String key) {
    return waiting.computeIfAbsent(key, k -> new CompletableFuture<>());
  }

  /**
   * Completes the waiter of {@code key}, if any. Arrivals nobody waits for are only recorded
   * elsewhere.
   *
   * @param key correlation key
   * @param value what arrived
   */
  public void arrived(String key, T value) {
    CompletableFuture<T> future = waiting.remove(key);
    if (future != null) {
      future.complete(value);
    }
  }
}
