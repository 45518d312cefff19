/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * JMH micro-benchmarks of the send and receive paths (run with {@code -prof gc} for bytes per
 * message).
 */
@org.jspecify.annotations.NullMarked
package io.github.aetherjava.benchmarks.jmh;
