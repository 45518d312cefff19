/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.kv;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Result of a GET. The gateway does not distinguish a missing key from an empty value: both are
 * empty.
 *
 * @param key key
 * @param value bytes (empty when absent)
 * @since 0.1.0
 */
public record KvValue(String key, byte[] value) {

  /** Copies the bytes: the record stays immutable whatever the caller does with its array. */
  public KvValue {
    value = value.clone();
  }

  /**
   * @return a copy of the bytes
   */
  public byte[] value() {
    return value.clone();
  }

  /**
   * @return true if the value is empty (or the key is absent)
   */
  public boolean isEmpty() {
    return value.length == 0;
  }

  /**
   * @return the value as UTF-8 text
   */
  public String asString() {
    return new String(value, StandardCharsets.UTF_8);
  }

  /**
   * @return the value parsed as a decimal counter, or 0 when empty
   */
  public long asLong() {
    return isEmpty() ? 0 : Long.parseLong(asString().trim());
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof KvValue v && key.equals(v.key) && Arrays.equals(value, v.value);
  }

  @Override
  public int hashCode() {
    return 31 * key.hashCode() + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "KvValue[key=" + key + ", bytes=" + value.length + "]";
  }
}
