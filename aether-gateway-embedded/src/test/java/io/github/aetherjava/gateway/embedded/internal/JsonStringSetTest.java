/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonStringSetTest {

  @Test
  void roundTripsMembersThatNeedEscaping() {
    List<String> members =
        List.of("plain", "quo\"te", "back\\slash", "line\nbreak", "tab\t", "é😀");
    byte[] json = JsonStringSet.encode(members);
    assertThat(new String(json, StandardCharsets.UTF_8)).startsWith("[\"plain\",\"quo\\\"te\"");
    assertThat(JsonStringSet.decode(json)).containsExactlyElementsOf(members);
  }

  @Test
  void readsWhatOtherWritersProduce() {
    byte[] go = " [ \"a\" , \"\\u00e9\\u003c\" ] ".getBytes(StandardCharsets.UTF_8);
    assertThat(JsonStringSet.decode(go)).containsExactly("a", "é<");
    assertThat(JsonStringSet.decode("[]".getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  @Test
  void refusesValuesThatAreNotArraysOfStrings() {
    for (String bad : List.of("", "42", "{\"a\":1}", "[1]", "[\"a\"", "[\"a\"] x", "[null]")) {
      assertThatThrownBy(() -> JsonStringSet.decode(bad.getBytes(StandardCharsets.UTF_8)))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not a set");
    }
  }
}
