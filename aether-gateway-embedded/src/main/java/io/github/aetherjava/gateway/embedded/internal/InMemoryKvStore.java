/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** {@link KvStore} in a sorted map behind one lock: simple, and plenty for a test gateway. */
class InMemoryKvStore implements KvStore {

  private final TreeMap<String, Entry> map = new TreeMap<>();

  @Override
  public synchronized @Nullable Entry get(String key, long nowMillis) {
    Entry e = map.get(key);
    if (e != null && !e.liveAt(nowMillis)) {
      map.remove(key);
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
        if (map.remove(key) != null) {
          removed(key);
        }
      } else {
        map.put(key, next);
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

  /** Live size including not yet noticed expired entries (for compaction decisions). */
  synchronized int size() {
    return map.size();
  }

  /** Snapshot of all entries (for compaction). */
  synchronized List<KeyEntry> all() {
    List<KeyEntry> out = new ArrayList<>(map.size());
    map.forEach((k, v) -> out.add(new KeyEntry(k, v)));
    return out;
  }

  /** Loads an entry without persistence hooks. */
  synchronized void load(String key, @Nullable Entry entry) {
    if (entry == null) {
      map.remove(key);
    } else {
      map.put(key, entry);
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
