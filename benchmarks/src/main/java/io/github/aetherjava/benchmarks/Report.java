/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Collects rows, prints the table and writes {@code results.csv} and {@code results.json}. */
public final class Report {

  private final List<Row> rows = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, String> environment;

  /**
   * @param environment machine facts printed with the results
   */
  public Report(Map<String, String> environment) {
    this.environment = environment;
  }

  /**
   * @param row a result (also printed at once, so long runs show progress)
   */
  public void add(Row row) {
    rows.add(row);
    System.out.println("  " + line(row));
  }

  /**
   * @return rows so far
   */
  public List<Row> rows() {
    synchronized (rows) {
      return List.copyOf(rows);
    }
  }

  static String num(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    double a = Math.abs(v);
    if (a >= 100_000) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (a >= 100) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    if (a >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static String ratio(double r) {
    return Double.isNaN(r) ? "-" : String.format(Locale.ROOT, "%.2fx", r);
  }

  private static String line(Row r) {
    return String.format(
        Locale.ROOT,
        "%-14s %-10s %-22s %-16s %14s %14s %7s %-9s %-9s %s",
        r.scenario(),
        r.transport(),
        r.variant(),
        r.metric(),
        num(r.sdk()),
        num(r.baseline()),
        ratio(r.ratio()),
        r.target(),
        r.verdict(),
        r.note());
  }

  /**
   * @param out where to print the whole table
   */
  public void print(PrintStream out) {
    out.println();
    out.println(
        String.format(
            Locale.ROOT,
            "%-14s %-10s %-22s %-16s %14s %14s %7s %-9s %-9s %s",
            "scenario",
            "transport",
            "case",
            "metric",
            "sdk",
            "baseline",
            "ratio",
            "target",
            "result",
            "note"));
    for (Row r : rows()) {
      out.println(line(r));
    }
    environment.forEach((k, v) -> out.println("# " + k + ": " + v));
  }

  /**
   * Writes {@code results.csv} and {@code results.json} into {@code dir}.
   *
   * @param dir output directory (created)
   * @throws IOException on write failure
   */
  public void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    StringBuilder csv =
        new StringBuilder("scenario,transport,case,metric,sdk,baseline,ratio,target,result,note\n");
    for (Row r : rows()) {
      csv.append(
              String.join(
                  ",",
                  csv(r.scenario()),
                  csv(r.transport()),
                  csv(r.variant()),
                  csv(r.metric()),
                  raw(r.sdk()),
                  raw(r.baseline()),
                  raw(r.ratio()),
                  csv(r.target().toString()),
                  csv(r.verdict()),
                  csv(r.note())))
          .append('\n');
    }
    Files.writeString(dir.resolve("results.csv"), csv, StandardCharsets.UTF_8);

    StringBuilder json =
        new StringBuilder("{\n  \"generated\": ")
            .append(js(Instant.now().toString()))
            .append(",\n  \"environment\": {");
    boolean first = true;
    for (Map.Entry<String, String> e : environment.entrySet()) {
      json.append(first ? "\n    " : ",\n    ")
          .append(js(e.getKey()))
          .append(": ")
          .append(js(e.getValue()));
      first = false;
    }
    json.append("\n  },\n  \"results\": [");
    first = true;
    for (Row r : rows()) {
      json.append(first ? "\n    " : ",\n    ")
          .append("{\"scenario\": ")
          .append(js(r.scenario()))
          .append(", \"transport\": ")
          .append(js(r.transport()))
          .append(", \"case\": ")
          .append(js(r.variant()))
          .append(", \"metric\": ")
          .append(js(r.metric()))
          .append(", \"sdk\": ")
          .append(jn(r.sdk()))
          .append(", \"baseline\": ")
          .append(jn(r.baseline()))
          .append(", \"ratio\": ")
          .append(jn(r.ratio()))
          .append(", \"target\": ")
          .append(js(r.target().toString()))
          .append(", \"pair_ratio_low\": ")
          .append(jn(r.pairLow()))
          .append(", \"pair_ratio_high\": ")
          .append(jn(r.pairHigh()))
          .append(", \"result\": ")
          .append(js(r.verdict()))
          .append(", \"note\": ")
          .append(js(r.note()))
          .append('}');
      first = false;
    }
    json.append("\n  ]\n}\n");
    Files.writeString(dir.resolve("results.json"), json, StandardCharsets.UTF_8);
  }

  private static String raw(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
  }

  private static String jn(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? "null" : String.format(Locale.ROOT, "%.4f", v);
  }

  private static String csv(String s) {
    if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }

  private static String js(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
