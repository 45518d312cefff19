/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import org.jspecify.annotations.Nullable;

/**
 * Why a connection ended.
 *
 * @param reason short human-readable reason
 * @param cause classified cause, or null for a requested disconnect
 * @param willReconnect true if the client is going to reconnect
 * @since 0.1.0
 */
public record DisconnectInfo(
    String reason, @Nullable AetherException cause, boolean willReconnect) {}
