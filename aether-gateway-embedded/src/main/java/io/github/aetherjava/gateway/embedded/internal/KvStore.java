/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A sorted key/value map with per-entry expiry, the storage under both the KV feature and
 * checkpoints. Keys are full storage keys (namespace included). Expired entries are invisible.
 * Implementations are thread-safe and {@link #update} is atomic per store.
 */
public interface KvStore extends AutoCloseable {

  /**
   * A stored value.
   *
   * @param value the bytes
   * @param expiresAtMillis epoch milliseconds after which the entry is gone; 0 = never
   */
  record Entry(byte[] value, long expiresAtMillis) {
    boolean liveAt(long nowMillis) {
      return expiresAtMillis == 0 || nowMillis < expiresAtMillis;
    }
  }

  /**
   * Outcome of an {@link #update} function.
   *
   * @param write whether to store {@code entry}
   * @param entry the new entry (null = delete) when {@code write}
   * @param result what {@link #update} returns
   */
  record Update<T>(boolean write, @Nullable Entry entry, T result) {
    static <T> Update<T> keep(T result) {
      return new Update<>(false, null, result);
    }

    static <T> Update<T> put(Entry entry, T result) {
      return new Update<>(true, entry, result);
    }

    static <T> Update<T> delete(T result) {
      return new Update<>(true, null, result);
    }
  }

  /** A key and its live entry. */
  record KeyEntry(String key, Entry entry) {}

  /** The live entry at {@code key}, or null. */
  @Nullable Entry get(String key, long nowMillis);

  /**
   * Atomically reads the live entry at {@code key} (null if absent or expired), applies {@code fn}
   * and stores its decision.
   */
  <T> T update(String key, long nowMillis, Function<@Nullable Entry, Update<T>> fn);

  /**
   * Live entries whose key starts with {@code prefix} and sorts after {@code afterKey}, in key
   * order.
   */
  List<KeyEntry> scan(String prefix, @Nullable String afterKey, int limit, long nowMillis);

  /**
   * Removes up to {@code max} entries expired at {@code nowMillis}, earliest expiry first.
   *
   * @return entries removed
   */
  int sweep(long nowMillis, int max);

  /** Entries removed by {@link #sweep} so far. */
  long swept();

  /**
   * Runs {@code action} once every change made so far is as durable as the store promises (at once
   * for memory stores).
   */
  default void afterDurable(Runnable action) {
    action.run();
  }

  @Override
  void close();

  /** A store that lives in memory only. */
  static KvStore inMemory() {
    return new InMemoryKvStore();
  }
}
