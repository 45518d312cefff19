/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;

/**
 * {@link KvStore} served from memory and mirrored to one map of the file store: every change is
 * enqueued to the store's writer (under the memory store's lock, which only orders the changes; no
 * disk access happens there). Reloaded at startup without the entries that expired meanwhile.
 */
final class MvKvStore extends InMemoryKvStore {

  private final MvFileStore store;
  private final MVMap<String, byte[]> map;

  MvKvStore(MvFileStore store, String mapName, long nowMillis) {
    this.store = store;
    this.map = store.map(mapName);
    List<String> expired = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : map.entrySet()) {
      ByteBuffer b = ByteBuffer.wrap(e.getValue());
      long expiresAt = b.getLong();
      byte[] value = new byte[b.remaining()];
      b.get(value);
      Entry entry = new Entry(value, expiresAt);
      if (entry.liveAt(nowMillis)) {
        load(e.getKey(), entry);
      } else {
        expired.add(e.getKey());
      }
    }
    expired.forEach(k -> store.remove(map, k));
  }

  @Override
  void stored(String key, Entry entry) {
    store.put(
        map,
        key,
        () ->
            ByteBuffer.allocate(8 + entry.value().length)
                .putLong(entry.expiresAtMillis())
                .put(entry.value())
                .array());
  }

  @Override
  void removed(String key) {
    store.remove(map, key);
  }

  @Override
  public void afterDurable(Runnable action) {
    store.afterDurable(action);
  }
}
