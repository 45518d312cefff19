/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The set value format of SET_ADD: a JSON array of strings, as AetherLite stores it. Read and
 * written with Jackson's streaming API.
 */
final class JsonStringSet {

  private static final JsonFactory JSON = new JsonFactory();

  private JsonStringSet() {}

  static byte[] encode(List<String> members) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
      g.writeStartArray();
      for (String m : members) {
        g.writeString(m);
      }
      g.writeEndArray();
    }
    return out.toByteArray();
  }

  /** Parses a JSON array of strings; throws IllegalArgumentException if the value is not one. */
  static List<String> decode(byte[] value) {
    List<String> out = new ArrayList<>();
    try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), value)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw notASet();
      }
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        if (t != JsonToken.VALUE_STRING) {
          throw notASet();
        }
        out.add(p.getString());
      }
      if (p.nextToken() != null) {
        throw notASet();
      }
    } catch (JacksonException e) {
      throw notASet();
    }
    return out;
  }

  private static IllegalArgumentException notASet() {
    return new IllegalArgumentException("value is not a set (JSON array of strings)");
  }
}
