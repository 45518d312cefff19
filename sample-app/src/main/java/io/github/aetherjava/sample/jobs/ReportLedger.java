/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.sample.jobs;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The reports this instance made, in order. */
public class ReportLedger {

  /**
   * One report.
   *
   * @param instance instance that made it
   * @param number report number on that instance
   * @param at when it started
   * @param finished when it finished
   */
  public record Entry(String instance, int number, Instant at, Instant finished) {}

  private final List<Entry> entries = new CopyOnWriteArrayList<>();

  void add(Entry entry) {
    entries.add(entry);
  }

  /**
   * @return the reports made so far
   */
  public List<Entry> entries() {
    return List.copyOf(entries);
  }
}
