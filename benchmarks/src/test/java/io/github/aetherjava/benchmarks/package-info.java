/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/** Smoke test of the benchmark harness. */
@org.jspecify.annotations.NullMarked
package io.github.aetherjava.benchmarks;
