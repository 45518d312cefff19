/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Whether a principal is connected ({@link AetherClient#connectionStatus}).
 *
 * @param principalType the queried type, as sent
 * @param principalId the queried id, as sent
 * @param connected whether it holds a live session
 * @param lastSeenAt when it was last seen, or null if the gateway does not report it
 * @since 0.1.0
 */
public record ConnectionStatus(
    String principalType, String principalId, boolean connected, @Nullable Instant lastSeenAt) {}
