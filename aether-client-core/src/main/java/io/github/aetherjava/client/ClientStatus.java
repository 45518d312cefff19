/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Point-in-time view of a client, for health checks and diagnostics.
 *
 * @param state connection state
 * @param sessionId current or last session id, or null before the first acknowledgement
 * @param serverVersion gateway version, or null before the first acknowledgement
 * @param reconnectAttempt consecutive failed reconnect attempts (0 when connected)
 * @param bufferedSends sends waiting in the outbound buffer
 * @param pendingRequests requests awaiting a response
 * @param lastError last connection error, or null
 * @param stateSince when the current state was entered
 * @since 0.1.0
 */
public record ClientStatus(
    ConnectionState state,
    @Nullable String sessionId,
    @Nullable String serverVersion,
    int reconnectAttempt,
    int bufferedSends,
    int pendingRequests,
    @Nullable Throwable lastError,
    Instant stateSince) {}
