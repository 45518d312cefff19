/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.checkpoint;

import java.time.Instant;

/**
 * Result of a save.
 *
 * @param key key
 * @param savedAt save time reported by the gateway
 * @since 0.1.0
 */
public record CheckpointSaveResult(String key, Instant savedAt) {}
