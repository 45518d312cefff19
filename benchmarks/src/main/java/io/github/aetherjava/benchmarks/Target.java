/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.benchmarks;

import java.util.Locale;

/**
 * A pass criterion for one result row.
 *
 * @param kind what is compared
 * @param limit the bound
 */
public record Target(Kind kind, double limit) {

  /** What a target compares. */
  public enum Kind {
    /** No target: informational row. */
    NONE,
    /** SDK / baseline must be at least {@code limit}. */
    RATIO_AT_LEAST,
    /** SDK / baseline must be at most {@code limit}. */
    RATIO_AT_MOST,
    /** The SDK value must be at most {@code limit} (absolute, in the row's unit). */
    VALUE_AT_MOST
  }

  /** Informational row. */
  public static final Target NONE = new Target(Kind.NONE, 0);

  /**
   * @return ratio at least {@code r}
   */
  public static Target ratioAtLeast(double r) {
    return new Target(Kind.RATIO_AT_LEAST, r);
  }

  /**
   * @return ratio at most {@code r}
   */
  public static Target ratioAtMost(double r) {
    return new Target(Kind.RATIO_AT_MOST, r);
  }

  /**
   * @return SDK value at most {@code v}
   */
  public static Target valueAtMost(double v) {
    return new Target(Kind.VALUE_AT_MOST, v);
  }

  /**
   * @param sdk SDK value
   * @param ratio SDK / baseline (NaN if no baseline)
   * @return "met", "MISSED", or "" when there is no target or no data
   */
  public String verdict(double sdk, double ratio) {
    return switch (kind) {
      case NONE -> "";
      case RATIO_AT_LEAST -> Double.isNaN(ratio) ? "" : ratio >= limit ? "met" : "MISSED";
      case RATIO_AT_MOST -> Double.isNaN(ratio) ? "" : ratio <= limit ? "met" : "MISSED";
      case VALUE_AT_MOST -> Double.isNaN(sdk) ? "" : sdk <= limit ? "met" : "MISSED";
    };
  }

  /**
   * A ratio target judged by every rep's back-to-back pair (the baseline and the SDK measured one
   * after the other): met if all pairs meet it, MISSED if none does, otherwise straddles. Pairs
   * cancel the machine's drift between reps, which per-side ranges do not.
   *
   * @param sdk SDK value (median)
   * @param ratio SDK / baseline of the medians
   * @param low lowest pair ratio
   * @param high highest pair ratio
   * @return "met", "MISSED", "straddles", or "" when there is no target or no data
   */
  public String verdict(double sdk, double ratio, double low, double high) {
    return switch (kind) {
      case NONE, VALUE_AT_MOST -> verdict(sdk, ratio);
      case RATIO_AT_LEAST -> low >= limit ? "met" : high < limit ? "MISSED" : "straddles";
      case RATIO_AT_MOST -> high <= limit ? "met" : low > limit ? "MISSED" : "straddles";
    };
  }

  @Override
  public String toString() {
    return switch (kind) {
      case NONE -> "";
      case RATIO_AT_LEAST -> String.format(Locale.ROOT, ">= %.2fx", limit);
      case RATIO_AT_MOST -> String.format(Locale.ROOT, "<= %.2fx", limit);
      case VALUE_AT_MOST -> String.format(Locale.ROOT, "<= %s", Report.num(limit));
    };
  }
}
