/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.benchmarks;

import java.util.Arrays;
import java.util.List;

/** Small statistics helpers. */
final class Stats {

  private Stats() {}

  /** Nearest-rank percentile of {@code sorted[0..n)}, {@code p} in [0, 100]. */
  static double percentile(long[] sorted, int n, double p) {
    if (n == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * n);
    return sorted[Math.min(n - 1, Math.max(0, rank - 1))];
  }

  static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  /** "min..max" of the values, for the note column. */
  static String spread(List<Double> values) {
    if (values.size() < 2) {
      return "";
    }
    double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    return "range " + Report.num(min) + ".." + Report.num(max);
  }
}
