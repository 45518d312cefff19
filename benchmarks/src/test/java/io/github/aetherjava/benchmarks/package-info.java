/** Smoke test of the benchmark harness. */
@org.jspecify.annotations.NullMarked
package io.github.aetherjava.benchmarks;
