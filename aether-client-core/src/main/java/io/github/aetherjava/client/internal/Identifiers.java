/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import io.github.aetherjava.client.InvalidArgumentException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** The gateway's identifier rules (strict charset mode), checked before anything is sent. */
public final class Identifiers {

  /** Longest identifier segment in UTF-8 bytes. */
  public static final int MAX_BYTES = 128;

  private Identifiers() {}

  /**
   * @param value segment value
   * @param name parameter name for the error message
   * @return the value
   * @throws InvalidArgumentException if it breaks a rule
   */
  public static String validate(@Nullable String value, String name) {
    if (value == null) {
      throw new InvalidArgumentException(name + " must not be null");
    }
    if (value.isEmpty()) {
      throw new InvalidArgumentException(name + " must not be empty");
    }
    if (value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new InvalidArgumentException(name + " must be at most " + MAX_BYTES + " bytes");
    }
    if (value.contains("::")) {
      throw new InvalidArgumentException(name + " must not contain '::': " + value);
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '*' || c == '>' || Character.isWhitespace(c) || c < 0x20 || c == 0x7F) {
        throw new InvalidArgumentException(
            name
                + " contains a forbidden character (*, >, whitespace or control): "
                + value.replaceAll("\\p{Cntrl}", "?"));
      }
    }
    return value;
  }

  /**
   * @param value optional segment
   * @param name parameter name
   * @return the value, or the empty string when null/empty
   */
  public static String validateOptional(String value, String name) {
    return value == null || value.isEmpty() ? "" : validate(value, name);
  }
}
