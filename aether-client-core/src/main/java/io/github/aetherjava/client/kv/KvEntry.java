/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.kv;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * One key and value of a LIST page.
 *
 * @param key key
 * @param value value
 * @since 0.1.0
 */
public record KvEntry(String key, byte[] value) {

  /** Copies the bytes: the record stays immutable whatever the caller does with its array. */
  public KvEntry {
    value = value.clone();
  }

  /**
   * @return a copy of the bytes
   */
  public byte[] value() {
    return value.clone();
  }

  /**
   * @return the value as UTF-8 text
   */
  public String asString() {
    return new String(value, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof KvEntry e && key.equals(e.key) && Arrays.equals(value, e.value);
  }

  @Override
  public int hashCode() {
    return 31 * key.hashCode() + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "KvEntry[key=" + key + ", bytes=" + value.length + "]";
  }
}
