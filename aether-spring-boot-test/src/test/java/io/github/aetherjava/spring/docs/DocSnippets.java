/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns every {@code ```java} block of a Markdown page into a compilation unit, following the
 * convention documented in {@code CONTRIBUTING.md} ("Code snippets in the docs"):
 *
 * <ul>
 *   <li>the block's leading {@code import} lines are its imports; on top of them every snippet sees
 *       {@link #DEFAULT_IMPORTS} (the SDK's public packages and common {@code java.*} packages);
 *   <li>an HTML comment {@code <!-- snippet-context ... -->} right before the block (hidden on the
 *       rendered page) declares what the prose around it assumes: more imports, and fields, methods
 *       or types (a client called {@code agent}, a logger {@code log}, the reader's own {@code
 *       Invoice} type);
 *   <li>type declarations and members (methods, annotated or {@code static} fields) written at the
 *       block's left margin become members of a wrapper class; every other line at the left margin
 *       starts a statement of one method body, so a fragment needs no scaffolding;
 *   <li>the elisions {@code { ... }}, a line {@code ...} and {@code = ...;} stand for code the
 *       reader writes and compile as "not written here".
 * </ul>
 */
final class DocSnippets {

  /** What every snippet may use without an import. */
  static final List<String> DEFAULT_IMPORTS =
      List.of(
          "io.github.aetherjava.client.*",
          "io.github.aetherjava.client.admin.*",
          "io.github.aetherjava.client.audit.*",
          "io.github.aetherjava.client.authority.*",
          "io.github.aetherjava.client.checkpoint.*",
          "io.github.aetherjava.client.coord.*",
          "io.github.aetherjava.client.delivery.*",
          "io.github.aetherjava.client.kv.*",
          "io.github.aetherjava.client.proxy.*",
          "io.github.aetherjava.client.task.*",
          "io.github.aetherjava.client.tunnel.*",
          "io.github.aetherjava.client.workflow.*",
          "java.io.*",
          "java.net.*",
          "java.nio.*",
          "java.nio.charset.StandardCharsets",
          "java.nio.file.*",
          "java.time.*",
          "java.util.*",
          "java.util.concurrent.*",
          "static java.nio.charset.StandardCharsets.UTF_8");

  private static final Pattern BLOCK =
      Pattern.compile(
          "(?:<!--\\s*snippet-context\\s*\\n(?<context>.*?)-->\\s*\\n)?```java\\n(?<code>.*?)```",
          Pattern.DOTALL);

  private static final Pattern TYPE_START =
      Pattern.compile(
          "^(?:(?:public|protected|private|abstract|final|static|sealed|non-sealed)\\s+)*"
              + "(?:class|record|interface|enum|@interface)\\s+\\w+.*");

  private static final Pattern MEMBER_START =
      Pattern.compile(
          "^(?:(?:(?:public|protected|private|abstract|final|static|synchronized)\\s+)+"
              + "[\\w.<>\\[\\]?, ]+\\s+\\w+\\s*(?:=|;).*"
              + "|(?:(?:public|protected|private|abstract|final|static|synchronized)\\s+)*"
              + "(?:<[^>]+>\\s+)?[\\w.<>\\[\\]?,]+(?:<[^=]*>)?\\s+\\w+\\s*\\([^=]*)$");

  private static final List<String> STATEMENT_KEYWORDS =
      List.of("new ", "return ", "throw ", "else ", "try ", "try(", "yield ");

  private DocSnippets() {}

  /** One block of a page, where it starts (1-based line of its first code line). */
  record Snippet(String page, int firstLine, String code, String context) {

    String location() {
      return this.page + ":" + this.firstLine;
    }
  }

  /** A generated compilation unit; {@code docLines[i]} is the page line of source line i+1. */
  record Unit(Snippet snippet, String packageName, String source, int[] docLines) {

    /**
     * @param sourceLine 1-based line of the generated source
     * @return the page line it came from, or -1 for generated scaffolding
     */
    int docLine(long sourceLine) {
      int i = (int) sourceLine - 1;
      return (i >= 0 && i < this.docLines.length) ? this.docLines[i] : -1;
    }
  }

  static List<Snippet> read(Path page, String name) throws IOException {
    return parse(Files.readString(page, StandardCharsets.UTF_8), name);
  }

  static List<Snippet> parse(String markdown, String name) {
    List<Snippet> snippets = new ArrayList<>();
    Matcher m = BLOCK.matcher(markdown);
    while (m.find()) {
      int codeStart = m.start("code");
      int line =
          1 + (int) markdown.substring(0, codeStart).chars().filter((c) -> c == '\n').count();
      String context = (m.group("context") != null) ? m.group("context") : "";
      snippets.add(new Snippet(name, line, m.group("code"), context));
    }
    return snippets;
  }

  static Unit wrap(Snippet snippet, String packageName) {
    Source out = new Source();
    out.add("package " + packageName + ";", -1);
    for (String defaultImport : DEFAULT_IMPORTS) {
      out.add("import " + defaultImport + ";", -1);
    }
    List<String> contextMembers = new ArrayList<>();
    for (String line : snippet.context().split("\n", -1)) {
      if (line.startsWith("import ")) {
        out.add(line, -1);
      } else if (!line.isBlank()) {
        contextMembers.add(line);
      }
    }
    String[] lines = snippet.code().split("\n", -1);
    int i = 0;
    for (; i < lines.length; i++) {
      String line = lines[i];
      if (line.startsWith("import ")) {
        out.add(line, snippet.firstLine() + i);
      } else if (!line.isBlank()) {
        break;
      }
    }
    // split the rest into chunks that start at the left margin
    List<int[]> memberChunks = new ArrayList<>();
    List<int[]> statementChunks = new ArrayList<>();
    int start = -1;
    boolean member = false;
    for (int j = i; j <= lines.length; j++) {
      boolean end = j == lines.length;
      String line = end ? "" : lines[j];
      boolean startsChunk =
          end
              || (!line.isEmpty()
                  && !Character.isWhitespace(line.charAt(0))
                  && !line.startsWith("}")
                  && !line.startsWith(")")
                  && !line.startsWith(".")
                  && !line.startsWith("//")
                  && !(member && start >= 0 && lines[j - 1].stripLeading().startsWith("@")));
      if (startsChunk) {
        if (start >= 0) {
          (member ? memberChunks : statementChunks).add(new int[] {start, j});
        }
        if (!end) {
          start = j;
          member = isMemberStart(lines, j);
        }
      }
    }
    out.add("@SuppressWarnings(\"all\")", -1);
    out.add("abstract class Snippet {", -1);
    out.add("  static <T> T elided() { throw new UnsupportedOperationException(); }", -1);
    for (String line : contextMembers) {
      out.add(line, -1);
    }
    for (int[] chunk : memberChunks) {
      for (int k = chunk[0]; k < chunk[1]; k++) {
        out.add(elide(lines[k]), snippet.firstLine() + k);
      }
    }
    out.add("  void snippet() throws Throwable {", -1);
    for (int[] chunk : statementChunks) {
      for (int k = chunk[0]; k < chunk[1]; k++) {
        out.add(elide(lines[k]), snippet.firstLine() + k);
      }
    }
    out.add("  }", -1);
    out.add("}", -1);
    return new Unit(snippet, packageName, out.text.toString(), out.docLines());
  }

  private static boolean isMemberStart(String[] lines, int index) {
    int j = index;
    // annotations before a declaration belong to it
    while (j < lines.length && lines[j].startsWith("@")) {
      String rest = lines[j].replaceFirst("^@[\\w.]+(\\([^)]*\\))?\\s*", "");
      if (!rest.isEmpty() && !rest.startsWith("//")) {
        return isDeclaration(rest);
      }
      j++;
    }
    return j < lines.length && isDeclaration(lines[j]);
  }

  private static boolean isDeclaration(String line) {
    String code = line.replaceFirst("\\s*//.*$", "");
    if (STATEMENT_KEYWORDS.stream().anyMatch(code::startsWith)) {
      return false;
    }
    return TYPE_START.matcher(code).matches() || MEMBER_START.matcher(code).matches();
  }

  private static String elide(String line) {
    if (line.strip().equals("...")) {
      return line.replace("...", "// ...");
    }
    return line.replace("{ ... }", "{ throw new UnsupportedOperationException(); }")
        .replace("= ...;", "= elided();");
  }

  /** Generated text with the page line of every line. */
  private static final class Source {

    private final StringBuilder text = new StringBuilder();

    private final List<Integer> lines = new ArrayList<>();

    void add(String line, int docLine) {
      this.text.append(line).append('\n');
      this.lines.add(docLine);
    }

    int[] docLines() {
      return this.lines.stream().mapToInt(Integer::intValue).toArray();
    }
  }
}
