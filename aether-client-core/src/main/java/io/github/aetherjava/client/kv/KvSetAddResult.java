/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.kv;

/**
 * Result of {@code setAdd}.
 *
 * @param added true if the member was new
 * @param cardinality set size after the operation
 * @since 0.1.0
 */
public record KvSetAddResult(boolean added, long cardinality) {}
