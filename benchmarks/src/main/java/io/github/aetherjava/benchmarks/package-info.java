/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Scenario harness: runs the SDK and a raw grpc-java baseline side by side against the embedded
 * gateway and reports their ratio. Entry point {@link io.github.aetherjava.benchmarks.Harness}.
 */
@org.jspecify.annotations.NullMarked
package io.github.aetherjava.benchmarks;
