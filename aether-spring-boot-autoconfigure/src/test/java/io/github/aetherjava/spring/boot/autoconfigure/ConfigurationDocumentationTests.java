/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps {@code docs/configuration.md} in step with the generated configuration metadata: same
 * properties, same defaults, and a description for every property.
 */
class ConfigurationDocumentationTests {

  private static final Pattern ROW =
      Pattern.compile("^\\| `([^`]+)` \\| (?:`([^`]*)`)? *\\| (.*) \\|$");

  @Test
  void documentationMatchesMetadata() throws IOException {
    Map<String, String> metadata = metadataDefaults();
    Map<String, String> documented = documentedDefaults();
    assertThat(documented.keySet())
        .as("properties in docs/configuration.md")
        .containsExactlyInAnyOrderElementsOf(metadata.keySet());
    assertThat(documented).as("defaults in docs/configuration.md").isEqualTo(metadata);
  }

  @Test
  void everyPropertyHasADescription() throws IOException {
    List<String> undocumented =
        properties().stream()
            .filter(
                (property) ->
                    !property.hasNonNull("description")
                        || property.get("description").asString().isBlank())
            .map((property) -> property.get("name").asString())
            .toList();
    assertThat(undocumented).isEmpty();
  }

  private static Map<String, String> metadataDefaults() throws IOException {
    Map<String, String> defaults = new LinkedHashMap<>();
    for (JsonNode property : properties()) {
      defaults.put(property.get("name").asString(), format(property.get("defaultValue")));
    }
    return defaults;
  }

  private static List<JsonNode> properties() throws IOException {
    try (InputStream in =
        ConfigurationDocumentationTests.class.getResourceAsStream(
            "/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("generated metadata").isNotNull();
      JsonNode root = JsonMapper.builder().build().readTree(in);
      return StreamSupport.stream(root.get("properties").spliterator(), false)
          .filter(
              (property) ->
                  property.get("name").asString().startsWith("aether.")
                      || property.get("name").asString().startsWith("management.health.aether."))
          .toList();
    }
  }

  private static String format(JsonNode value) {
    if (value == null || value.isNull()) {
      return "";
    }
    if (value.isArray()) {
      return StreamSupport.stream(value.spliterator(), false)
          .map(JsonNode::asString)
          .collect(Collectors.joining(","));
    }
    return value.asString();
  }

  private static Map<String, String> documentedDefaults() throws IOException {
    Path doc = Path.of("..", "docs", "configuration.md");
    Map<String, String> defaults = new LinkedHashMap<>();
    for (String line : Files.readAllLines(doc, StandardCharsets.UTF_8)) {
      Matcher matcher = ROW.matcher(line);
      if (matcher.matches()) {
        String previous =
            defaults.put(matcher.group(1), (matcher.group(2) != null) ? matcher.group(2) : "");
        assertThat(previous).as("%s is documented twice", matcher.group(1)).isNull();
      }
    }
    return defaults;
  }
}
