/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * {@link KvStore} in a sorted map behind one lock, with an index of expiry times so that {@link
 * #sweep} removes expired entries without scanning the map.
 */
class InMemoryKvStore implements KvStore {

  /** An expiry time and its key, ordered by time. */
  private record Expiry(long atMillis, String key) implements Comparable<Expiry> {
    @Override
    public int compareTo(Expiry o) {
      int c = Long.compare(atMillis, o.atMillis);
      return c != 0 ? c : key.compareTo(o.key);
    }
  }

  private final TreeMap<String, Entry> map = new TreeMap<>();
  private final TreeSet<Expiry> expiries = new TreeSet<>();
  private long swept;

  private void put(String key, Entry entry) {
    unindex(key, map.put(key, entry));
    if (entry.expiresAtMillis() != 0) {
      expiries.add(new Expiry(entry.expiresAtMillis(), key));
    }
  }

  private @Nullable Entry delete(String key) {
    Entry old = map.remove(key);
    unindex(key, old);
    return old;
  }

  private void unindex(String key, @Nullable Entry old) {
    if (old != null && old.expiresAtMillis() != 0) {
      expiries.remove(new Expiry(old.expiresAtMillis(), key));
    }
  }

  @Override
  public synchronized @Nullable Entry get(String key, long nowMillis) {
    Entry e = map.get(key);
    if (e != null && !e.liveAt(nowMillis)) {
      delete(key);
      expired(key);
      return null;
    }
    return e;
  }

  @Override
  public synchronized <T> T update(
      String key, long nowMillis, Function<@Nullable Entry, Update<T>> fn) {
    Entry current = get(key, nowMillis);
    Update<T> u = fn.apply(current);
    if (u.write()) {
      Entry next = u.entry();
      if (next == null) {
        if (delete(key) != null) {
          removed(key);
        }
      } else {
        put(key, next);
        stored(key, next);
      }
    }
    return u.result();
  }

  @Override
  public synchronized List<KeyEntry> scan(
      String prefix, @Nullable String afterKey, int limit, long nowMillis) {
    List<KeyEntry> out = new ArrayList<>();
    Map<String, Entry> tail =
        afterKey != null && afterKey.compareTo(prefix) >= 0
            ? map.tailMap(afterKey, false)
            : map.tailMap(prefix, true);
    for (Map.Entry<String, Entry> e : tail.entrySet()) {
      if (!e.getKey().startsWith(prefix) || out.size() >= limit) {
        break;
      }
      if (e.getValue().liveAt(nowMillis)) {
        out.add(new KeyEntry(e.getKey(), e.getValue()));
      }
    }
    return out;
  }

  /**
   * Removes up to {@code max} entries expired at {@code nowMillis}, earliest first.
   *
   * @return entries removed
   */
  @Override
  public synchronized int sweep(long nowMillis, int max) {
    int n = 0;
    while (n < max && !expiries.isEmpty() && expiries.first().atMillis() <= nowMillis) {
      Expiry x = expiries.pollFirst();
      map.remove(x.key());
      expired(x.key());
      n++;
    }
    swept += n;
    return n;
  }

  @Override
  public synchronized long swept() {
    return swept;
  }

  /** Entries held, expired ones not yet swept included. */
  synchronized int size() {
    return map.size();
  }

  /** Loads an entry without persistence hooks. */
  synchronized void load(String key, @Nullable Entry entry) {
    if (entry == null) {
      delete(key);
    } else {
      put(key, entry);
    }
  }

  /** Persistence hook: an entry was written. Called under the store lock. */
  void stored(String key, Entry entry) {}

  /** Persistence hook: an entry was deleted. Called under the store lock. */
  void removed(String key) {}

  /** Persistence hook: an entry was found expired and dropped. Called under the store lock. */
  void expired(String key) {
    removed(key);
  }

  @Override
  public void close() {}
}
