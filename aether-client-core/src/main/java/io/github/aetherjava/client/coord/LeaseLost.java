/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.coord;

import org.jspecify.annotations.Nullable;

/**
 * A held lease ended without being released: the renewal found another owner or no key, or no
 * renewal was confirmed before the lease ran out (for example while disconnected).
 *
 * @param name name of the primitive (the lock, election, semaphore or once key)
 * @param key KV key of the lease
 * @param reason human-readable reason
 * @param cause last renewal failure, if one caused the loss
 * @since 0.1.0
 */
public record LeaseLost(String name, String key, String reason, @Nullable Throwable cause) {}
