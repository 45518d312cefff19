/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.benchmarks;

import java.lang.management.ManagementFactory;

/**
 * CPU time of this JVM (every thread: clients, and the gateway when it runs in this JVM), for the
 * CPU-per-message rows. Against a gateway in another process ({@code --gateway}) it is the clients'
 * CPU alone.
 */
final class Cpu {

  private static final java.lang.management.OperatingSystemMXBean OS =
      ManagementFactory.getOperatingSystemMXBean();

  private Cpu() {}

  /**
   * @return CPU nanoseconds used by this process so far, or -1 if the JVM cannot tell
   */
  static long processNanos() {
    return OS instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
  }

  /**
   * @param cpu0 {@link #processNanos()} at the start
   * @param cpu1 {@link #processNanos()} at the end
   * @param operations messages or round trips in between
   * @return microseconds of CPU per operation, NaN if unknown
   */
  static double microsPer(long cpu0, long cpu1, long operations) {
    return cpu0 < 0 || cpu1 < 0 || operations <= 0 ? Double.NaN : (cpu1 - cpu0) / 1e3 / operations;
  }
}
