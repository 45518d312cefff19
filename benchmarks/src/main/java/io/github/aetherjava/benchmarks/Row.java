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
 */
public record Row(
    String scenario,
    String transport,
    String variant,
    String metric,
    double sdk,
    double baseline,
    Target target,
    String note) {

  /**
   * @return SDK / baseline, NaN without a baseline
   */
  public double ratio() {
    return Double.isNaN(sdk) || Double.isNaN(baseline) || baseline == 0
        ? Double.NaN
        : sdk / baseline;
  }

  /**
   * @return "met", "MISSED" or ""
   */
  public String verdict() {
    return target.verdict(sdk, ratio());
  }
}
