/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.sample;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The readable console transcript of the sample: one line per thing a principal does or receives,
 * logged under the {@code aether.sample} logger and kept (the last {@value #CAPACITY} lines) for
 * {@code GET /api/transcript}.
 */
@Component
public class Transcript {

  /** How many lines are kept in memory. */
  public static final int CAPACITY = 500;

  private static final Logger LOG = LoggerFactory.getLogger("aether.sample");

  private final Deque<String> lines = new ArrayDeque<>();

  /**
   * Records one line.
   *
   * @param actor who acts, e.g. {@code alice} or {@code assistant}
   * @param text what happened
   */
  public void say(String actor, String text) {
    String line = String.format("%-18s %s", "[" + actor + "]", text);
    LOG.info(line);
    synchronized (lines) {
      if (lines.size() == CAPACITY) {
        lines.removeFirst();
      }
      lines.addLast(line);
    }
  }

  /**
   * @return the kept lines, oldest first
   */
  public List<String> lines() {
    synchronized (lines) {
      return new ArrayList<>(lines);
    }
  }
}
