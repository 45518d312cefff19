/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The set value format of SET_ADD: a JSON array of strings, as AetherLite stores it. */
final class JsonStringSet {

  private JsonStringSet() {}

  static byte[] encode(List<String> members) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < members.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append('"');
      for (char c : members.get(i).toCharArray()) {
        switch (c) {
          case '"' -> sb.append("\\\"");
          case '\\' -> sb.append("\\\\");
          case '\n' -> sb.append("\\n");
          case '\r' -> sb.append("\\r");
          case '\t' -> sb.append("\\t");
          default -> {
            if (c < 0x20) {
              sb.append(String.format("\\u%04x", (int) c));
            } else {
              sb.append(c);
            }
          }
        }
      }
      sb.append('"');
    }
    return sb.append(']').toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Parses a JSON array of strings; throws IllegalArgumentException if the value is not one. */
  static List<String> decode(byte[] value) {
    String s = new String(value, StandardCharsets.UTF_8).strip();
    List<String> out = new ArrayList<>();
    int i = expect(s, 0, '[');
    i = skipWs(s, i);
    if (i < s.length() && s.charAt(i) == ']') {
      return end(s, i + 1, out);
    }
    while (true) {
      i = expect(s, skipWs(s, i), '"');
      StringBuilder m = new StringBuilder();
      while (true) {
        if (i >= s.length()) {
          throw notASet();
        }
        char c = s.charAt(i++);
        if (c == '"') {
          break;
        }
        if (c == '\\') {
          if (i >= s.length()) {
            throw notASet();
          }
          char e = s.charAt(i++);
          switch (e) {
            case 'n' -> m.append('\n');
            case 'r' -> m.append('\r');
            case 't' -> m.append('\t');
            case 'b' -> m.append('\b');
            case 'f' -> m.append('\f');
            case 'u' -> {
              if (i + 4 > s.length()) {
                throw notASet();
              }
              m.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
              i += 4;
            }
            default -> m.append(e);
          }
        } else {
          m.append(c);
        }
      }
      out.add(m.toString());
      i = skipWs(s, i);
      if (i < s.length() && s.charAt(i) == ',') {
        i++;
        continue;
      }
      i = expect(s, i, ']');
      return end(s, i, out);
    }
  }

  private static List<String> end(String s, int i, List<String> out) {
    if (skipWs(s, i) != s.length()) {
      throw notASet();
    }
    return out;
  }

  private static int skipWs(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int expect(String s, int i, char c) {
    if (i >= s.length() || s.charAt(i) != c) {
      throw notASet();
    }
    return i + 1;
  }

  private static IllegalArgumentException notASet() {
    return new IllegalArgumentException("value is not a set (JSON array of strings)");
  }
}
