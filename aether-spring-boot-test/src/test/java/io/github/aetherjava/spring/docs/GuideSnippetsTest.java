/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every Java snippet of {@code docs/spring-boot.md} preceded by {@code <!-- snippet: name -->} is
 * the code between {@code tag::name[]} and {@code end::name[]} in {@link SpringBootGuideSnippets},
 * which compiles with the build: a snippet cannot lose an import or go stale.
 */
class GuideSnippetsTest {

  private static final Path GUIDE = Path.of("..", "docs", "spring-boot.md");

  private static final Path SOURCE =
      Path.of("src/test/java/io/github/aetherjava/spring/docs/SpringBootGuideSnippets.java");

  private static final Pattern MARKED =
      Pattern.compile("<!-- snippet: ([a-z-]+) -->\\s*```java\\n(.*?)```", Pattern.DOTALL);

  private static final Pattern TAGGED =
      Pattern.compile("// tag::([a-z-]+)\\[\\]\\n(.*?)// end::\\1\\[\\]", Pattern.DOTALL);

  @Test
  void everyMarkedSnippetIsCompiledCode() throws IOException {
    String source = Files.readString(SOURCE, StandardCharsets.UTF_8);
    Map<String, String> compiled = new LinkedHashMap<>();
    Matcher tags = TAGGED.matcher(source);
    while (tags.find()) {
      compiled.put(tags.group(1), normalize(tags.group(2)));
    }
    Map<String, String> documented = new LinkedHashMap<>();
    Matcher snippets = MARKED.matcher(Files.readString(GUIDE, StandardCharsets.UTF_8));
    while (snippets.find()) {
      documented.put(snippets.group(1), normalize(snippets.group(2)));
    }
    assertThat(documented).as("marked snippets in docs/spring-boot.md").isNotEmpty();
    documented.forEach(
        (name, code) -> assertThat(code).as("snippet '%s'", name).isEqualTo(compiled.get(name)));
    // the imports a snippet shows are the ones the compiled code uses
    Matcher imports = Pattern.compile("(?m)^import [^;]+;").matcher(guideSnippets());
    while (imports.find()) {
      assertThat(source).as("import shown in the guide").contains(imports.group());
    }
  }

  private static String guideSnippets() throws IOException {
    StringBuilder all = new StringBuilder();
    Matcher snippets = MARKED.matcher(Files.readString(GUIDE, StandardCharsets.UTF_8));
    while (snippets.find()) {
      all.append(snippets.group(2));
    }
    return all.toString();
  }

  /** Drops indentation, blank lines, imports shown in the guide and the static nesting. */
  private static String normalize(String code) {
    return code.lines()
        .map(String::strip)
        .filter((line) -> !line.isEmpty() && !line.startsWith("import "))
        .map((line) -> line.replace("static class ", "class "))
        .collect(Collectors.joining("\n"));
  }
}
