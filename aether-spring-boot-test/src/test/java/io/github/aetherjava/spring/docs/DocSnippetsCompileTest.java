/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block of {@code docs/*.md}, {@code README.md}, {@code BENCHMARKS.md} and
 * {@code CONTRIBUTING.md} compiles against this module's test classpath (the SDK, the Spring
 * starter, the embedded gateway, the test support, Spring Boot, JUnit and AssertJ), wrapped as
 * {@link DocSnippets} describes. One dynamic test per block, named after its page and line.
 */
class DocSnippetsCompileTest {

  private static final Path ROOT = Path.of("..");

  @TestFactory
  Stream<DynamicTest> everyJavaBlockOfTheDocsCompiles(@TempDir Path classes) throws IOException {
    List<DocSnippets.Snippet> snippets = new ArrayList<>();
    for (Path page : pages()) {
      snippets.addAll(DocSnippets.read(page, ROOT.relativize(page).toString().replace('\\', '/')));
    }
    assertThat(snippets).as("java blocks in the docs").hasSizeGreaterThan(40);
    Map<String, List<String>> errors = compile(snippets, classes);
    return snippets.stream()
        .map(
            (snippet) ->
                DynamicTest.dynamicTest(
                    snippet.location(),
                    () ->
                        assertThat(errors.get(snippet.location()))
                            .as("compile errors of the snippet at %s", snippet.location())
                            .isEmpty()));
  }

  @Test
  void aBrokenSnippetIsReportedAtItsPageLine(@TempDir Path classes) {
    String page =
        """
        Text.

        <!-- snippet-context
        AgentClient agent;
        -->
        ```java
        agent.connectBlocking();
        agent.sendNowhere("x");
        ```

        ```java
        @Bean
        Object ok() { ... }
        ```
        """;
    List<DocSnippets.Snippet> snippets = DocSnippets.parse(page, "page.md");
    assertThat(snippets)
        .extracting(DocSnippets.Snippet::location)
        .containsExactly("page.md:7", "page.md:12");
    Map<String, List<String>> errors = compile(snippets, classes);
    assertThat(errors.get("page.md:7"))
        .singleElement()
        .asString()
        .startsWith("page.md:8:")
        .contains("sendNowhere");
    // @Bean is not imported: the second block fails too, at its annotation
    assertThat(errors.get("page.md:12")).anySatisfy((e) -> assertThat(e).startsWith("page.md:12:"));
  }

  private static List<Path> pages() throws IOException {
    List<Path> pages = new ArrayList<>();
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter((p) -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    for (String top : List.of("README.md", "BENCHMARKS.md", "CONTRIBUTING.md")) {
      if (Files.exists(ROOT.resolve(top))) {
        pages.add(ROOT.resolve(top));
      }
    }
    return pages;
  }

  /** Compiles every snippet in one javac run; errors per snippet location, as page:line: text. */
  private static Map<String, List<String>> compile(
      List<DocSnippets.Snippet> snippets, Path classes) {
    Map<URI, DocSnippets.Unit> units = new LinkedHashMap<>();
    List<JavaFileObject> sources = new ArrayList<>();
    Map<String, List<String>> errors = new LinkedHashMap<>();
    for (int i = 0; i < snippets.size(); i++) {
      DocSnippets.Unit unit = DocSnippets.wrap(snippets.get(i), "docsnippet.s" + i);
      JavaFileObject source = new SnippetSource(unit);
      units.put(source.toUri(), unit);
      sources.add(source);
      errors.put(snippets.get(i).location(), new ArrayList<>());
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, null)) {
      List<String> options =
          List.of(
              "-proc:none",
              "-Xmaxerrs",
              "100000",
              "--release",
              "17",
              "-classpath",
              testClasspath(),
              "-d",
              classes.toString());
      compiler.getTask(null, files, diagnostics, options, null, sources).call();
    } catch (IOException ex) {
      throw new IllegalStateException(ex);
    }
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() != Diagnostic.Kind.ERROR) {
        continue;
      }
      DocSnippets.Unit unit = (d.getSource() != null) ? units.get(d.getSource().toUri()) : null;
      if (unit == null) {
        throw new IllegalStateException("compiler error outside the snippets: " + d);
      }
      int line = unit.docLine(d.getLineNumber());
      String where = unit.snippet().page() + ":" + ((line > 0) ? line : unit.snippet().firstLine());
      errors
          .get(unit.snippet().location())
          .add(where + ": " + d.getMessage(Locale.ROOT) + ((line > 0) ? "" : " (in its context)"));
    }
    return errors;
  }

  private static String testClasspath() {
    // surefire runs the tests from a manifest-only jar and passes the real classpath here
    String classpath = System.getProperty("surefire.test.class.path");
    return (classpath != null && !classpath.isBlank())
        ? classpath
        : System.getProperty("java.class.path", "") + File.pathSeparator;
  }

  private static final class SnippetSource extends SimpleJavaFileObject {

    private final String code;

    SnippetSource(DocSnippets.Unit unit) {
      super(
          URI.create(
              "string:///"
                  + unit.packageName().replace('.', '/')
                  + "/Snippet"
                  + Kind.SOURCE.extension),
          Kind.SOURCE);
      this.code = unit.source();
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return this.code;
    }
  }
}
