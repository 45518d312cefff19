/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Checkpoints per identity: data plus the time it was saved, with optional expiry. */
public interface CheckpointStore extends AutoCloseable {

  /**
   * A saved checkpoint.
   *
   * @param data the bytes
   * @param savedAtSeconds unix seconds of the save
   */
  record Checkpoint(byte[] data, long savedAtSeconds) {}

  void save(
      String identity,
      String key,
      byte[] data,
      long savedAtSeconds,
      long expiresAtMillis,
      long nowMillis);

  @Nullable Checkpoint load(String identity, String key, long nowMillis);

  void delete(String identity, String key, long nowMillis);

  /** Keys of the identity's live checkpoints in lexical order. */
  List<String> list(String identity, long nowMillis);

  /** Runs {@code action} once every change made so far is durable, see {@link KvStore}. */
  void afterDurable(Runnable action);

  @Override
  void close();

  /** Checkpoints kept in a {@link KvStore} under {@code ckpt:{identity}:{key}}. */
  static CheckpointStore over(KvStore store) {
    return new CheckpointStore() {
      private String storageKey(String identity, String key) {
        return "ckpt:" + identity + ":" + key;
      }

      @Override
      public void save(
          String identity,
          String key,
          byte[] data,
          long savedAtSeconds,
          long expiresAtMillis,
          long nowMillis) {
        byte[] v = ByteBuffer.allocate(8 + data.length).putLong(savedAtSeconds).put(data).array();
        store.update(
            storageKey(identity, key),
            nowMillis,
            cur -> KvStore.Update.put(new KvStore.Entry(v, expiresAtMillis), Boolean.TRUE));
      }

      @Override
      public @Nullable Checkpoint load(String identity, String key, long nowMillis) {
        KvStore.Entry e = store.get(storageKey(identity, key), nowMillis);
        if (e == null) {
          return null;
        }
        ByteBuffer b = ByteBuffer.wrap(e.value());
        long savedAt = b.getLong();
        byte[] data = new byte[b.remaining()];
        b.get(data);
        return new Checkpoint(data, savedAt);
      }

      @Override
      public void delete(String identity, String key, long nowMillis) {
        store.update(
            storageKey(identity, key), nowMillis, cur -> KvStore.Update.delete(Boolean.TRUE));
      }

      @Override
      public List<String> list(String identity, long nowMillis) {
        String prefix = storageKey(identity, "");
        List<String> out = new ArrayList<>();
        String after = null;
        while (true) {
          List<KvStore.KeyEntry> page = store.scan(prefix, after, 1000, nowMillis);
          for (KvStore.KeyEntry e : page) {
            out.add(e.key().substring(prefix.length()));
          }
          if (page.size() < 1000) {
            return out;
          }
          after = page.get(page.size() - 1).key();
        }
      }

      @Override
      public void afterDurable(Runnable action) {
        store.afterDurable(action);
      }

      @Override
      public void close() {
        store.close();
      }
    };
  }
}
