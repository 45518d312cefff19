/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.benchmarks;

/**
 * One line of the results table.
 *
 * @param scenario scenario name, e.g. {@code 1-throughput}
 * @param transport {@code tcp}, {@code inproc}, or {@code tcp(child)} for a gateway in another JVM
 * @param variant case within the scenario, e.g. {@code 1024 B}
 * @param metric what is measured, with unit, e.g. {@code msg/s}
 * @param sdk SDK value (NaN if not measured)
 * @param baseline raw gRPC baseline value (NaN if there is no baseline)
 * @param target pass criterion
 * @param note free text (sample counts, spread, why something was skipped)
 * @param pairLow lowest SDK / baseline ratio of one rep's back-to-back pair (NaN if not paired)
 * @param pairHigh highest such ratio (NaN if not paired)
 */
public record Row(
    String scenario,
    String transport,
    String variant,
    String metric,
    double sdk,
    double baseline,
    Target target,
    String note,
    double pairLow,
    double pairHigh) {

  /** A row without per-rep pairs: judged by its medians alone. */
  public Row(
      String scenario,
      String transport,
      String variant,
      String metric,
      double sdk,
      double baseline,
      Target target,
      String note) {
    this(scenario, transport, variant, metric, sdk, baseline, target, note, Double.NaN, Double.NaN);
  }

  /**
   * @return SDK / baseline, NaN without a baseline
   */
  public double ratio() {
    return Double.isNaN(sdk) || Double.isNaN(baseline) || baseline == 0
        ? Double.NaN
        : sdk / baseline;
  }

  /**
   * @return "met", "MISSED", "straddles" (the medians may meet the target, but not every rep's pair
   *     does) or ""
   */
  public String verdict() {
    return Double.isNaN(pairLow) || Double.isNaN(pairHigh)
        ? target.verdict(sdk, ratio())
        : target.verdict(sdk, ratio(), pairLow, pairHigh);
  }
}
