/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.kv;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One page of a LIST: entries (sorted by key), and the cursor for the next page.
 *
 * @param entries entries of this page
 * @param nextCursor cursor to pass to the next call, or null when there is none
 * @param hasMore true if more keys match
 * @since 0.1.0
 */
public record KvPage(List<KvEntry> entries, @Nullable String nextCursor, boolean hasMore) {

  /** Copies the list. */
  public KvPage {
    entries = List.copyOf(entries);
  }

  /**
   * @return keys of this page
   */
  public List<String> keys() {
    return entries.stream().map(KvEntry::key).toList();
  }

  /**
   * @return key to value of this page
   */
  public Map<String, byte[]> asMap() {
    Map<String, byte[]> m = new LinkedHashMap<>();
    entries.forEach(e -> m.put(e.key(), e.value()));
    return m;
  }
}
