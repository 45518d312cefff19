/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.kv;

/**
 * Result of a guarded counter operation ({@code incrementIf}, {@code decrementIf}).
 *
 * @param value counter value after the operation (unchanged when not applied)
 * @param applied whether the guard allowed the change
 * @since 0.1.0
 */
public record KvCounterResult(long value, boolean applied) {}
