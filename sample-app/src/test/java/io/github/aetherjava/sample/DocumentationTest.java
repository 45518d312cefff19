/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aetherjava.sample.web.FlowController;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Keeps the sample's README and the user guide from drifting: every endpoint has a {@code curl}
 * example, and every relative link of the pages this module documents points at an existing file
 * and heading.
 */
class DocumentationTest {

  // Surefire runs in the module directory.
  static final Path MODULE = Path.of("").toAbsolutePath();
  static final Path README = MODULE.resolve("README.md");
  static final Path DOCS = MODULE.resolveSibling("docs");

  /**
   * The guide pages written alongside the sample (other pages belong to the modules they describe).
   */
  static final Set<String> PAGES =
      Set.of(
          "index.md",
          "principals.md",
          "messaging-and-topics.md",
          "tls-and-credentials.md",
          "testing.md",
          "production.md",
          "parity.md");

  static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

  @Test
  void readmeHasACurlExampleForEveryEndpoint() throws IOException {
    String readme = Files.readString(README);
    String base = FlowController.class.getAnnotation(RequestMapping.class).value()[0];
    List<String> missing = new ArrayList<>();
    for (Method method : FlowController.class.getDeclaredMethods()) {
      String verb;
      String[] paths;
      if (method.isAnnotationPresent(GetMapping.class)) {
        verb = "GET";
        paths = method.getAnnotation(GetMapping.class).value();
      } else if (method.isAnnotationPresent(PostMapping.class)) {
        verb = "POST";
        paths = method.getAnnotation(PostMapping.class).value();
      } else if (method.isAnnotationPresent(PutMapping.class)) {
        verb = "PUT";
        paths = method.getAnnotation(PutMapping.class).value();
      } else {
        continue;
      }
      String url = "localhost:8080" + base + paths[0];
      String expected = verb.equals("GET") ? "curl -s " + url : "curl -s -X " + verb + " " + url;
      if (!readme.contains(expected)) {
        missing.add(verb + " " + base + paths[0]);
      }
    }
    assertThat(missing).as("endpoints without a curl example in sample-app/README.md").isEmpty();
  }

  @Test
  void relativeLinksResolve() throws IOException {
    List<Path> pages = new ArrayList<>();
    pages.add(README);
    for (String page : PAGES) {
      pages.add(DOCS.resolve(page));
    }
    List<String> broken = new ArrayList<>();
    for (Path page : pages) {
      Matcher links = LINK.matcher(Files.readString(page));
      while (links.find()) {
        String link = links.group(1);
        if (link.startsWith("http://") || link.startsWith("https://")) {
          continue;
        }
        String file = link.contains("#") ? link.substring(0, link.indexOf('#')) : link;
        String anchor = link.contains("#") ? link.substring(link.indexOf('#') + 1) : null;
        Path target = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
        String name = target.getFileName().toString();
        boolean ours =
            target.equals(README) || (target.getParent().equals(DOCS) && PAGES.contains(name));
        if (!Files.exists(target)) {
          // Pages of the other modules are written with them; only ours must exist already.
          if (ours) {
            broken.add(page.getFileName() + " -> " + link);
          }
          continue;
        }
        if (anchor != null && name.endsWith(".md") && !anchors(target).contains(anchor)) {
          broken.add(page.getFileName() + " -> " + link + " (no such heading)");
        }
      }
    }
    assertThat(broken).isEmpty();
  }

  @Test
  void guideNeverUsesDottedTopicsOutsideTheParityWarnings() throws IOException {
    Pattern dotted = Pattern.compile("\\b(ag|us|tu|tb|ga|gu|br)\\.[a-z]+\\.[a-z0-9-]+");
    for (String page : PAGES) {
      if (page.equals("parity.md") || page.equals("messaging-and-topics.md")) {
        continue; // these quote the stale TypeScript README on purpose, next to the correct form
      }
      assertThat(dotted.matcher(Files.readString(DOCS.resolve(page))).find()).as(page).isFalse();
    }
  }

  static Set<String> anchors(Path markdown) throws IOException {
    Set<String> anchors = new HashSet<>();
    for (String line : Files.readAllLines(markdown)) {
      if (line.startsWith("#")) {
        String heading = line.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT);
        anchors.add(heading.replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'));
      }
    }
    return anchors;
  }
}
