/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

/**
 * Quotes strings the way the real gateway's error messages do (double quotes, escapes for control
 * characters).
 */
final class GoQuote {

  private GoQuote() {}

  static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        case 0x07 -> sb.append("\\a");
        case 0x08 -> sb.append("\\b");
        case 0x0C -> sb.append("\\f");
        case 0x0B -> sb.append("\\v");
        default -> {
          if (c < 0x20 || c == 0x7F) {
            sb.append(String.format("\\x%02x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
