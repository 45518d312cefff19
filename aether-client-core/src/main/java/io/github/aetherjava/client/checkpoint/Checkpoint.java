/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.checkpoint;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A loaded checkpoint. An absent key loads successfully as empty data without a save time.
 *
 * @param key key
 * @param data saved bytes (empty when absent)
 * @param savedAt save time, or null when absent
 * @since 0.1.0
 */
public record Checkpoint(String key, byte[] data, @Nullable Instant savedAt) {

  /** Copies the bytes: the record stays immutable whatever the caller does with its array. */
  public Checkpoint {
    data = data.clone();
  }

  /**
   * @return a copy of the bytes
   */
  public byte[] data() {
    return data.clone();
  }

  /**
   * @return true if something was saved under the key
   */
  public boolean isPresent() {
    return savedAt != null || data.length > 0;
  }

  /**
   * @return the save time, if present
   */
  public Optional<Instant> savedAtOptional() {
    return Optional.ofNullable(savedAt);
  }

  /**
   * @return data as UTF-8 text
   */
  public String asString() {
    return new String(data, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Checkpoint c
        && key.equals(c.key)
        && Arrays.equals(data, c.data)
        && java.util.Objects.equals(savedAt, c.savedAt);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(key, Arrays.hashCode(data), savedAt);
  }

  @Override
  public String toString() {
    return "Checkpoint[key=" + key + ", bytes=" + data.length + ", savedAt=" + savedAt + "]";
  }
}
