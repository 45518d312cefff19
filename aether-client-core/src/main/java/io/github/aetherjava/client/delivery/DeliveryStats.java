/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.delivery;

/**
 * Counters of one client's delivery path since it was built.
 *
 * @param rateLimited {@link PressureKind#RATE_LIMITED} errors received
 * @param quotaExceeded {@link PressureKind#QUOTA_EXCEEDED} errors received
 * @param backpressure {@link PressureKind#BACKPRESSURE} errors received (each stands for at least
 *     one frame the gateway dropped on its way to this client)
 * @param confirmed sends confirmed ({@link DeliveryMode#CONFIRMED})
 * @param retried confirmed sends written again because the gateway refused them for a rate limit or
 *     quota
 * @param replayed confirmed sends written again after a stream ended before their confirmation
 *     (each may be a duplicate)
 * @param unconfirmed confirmed sends written and waiting for their confirmation now
 * @since 0.2.0
 */
public record DeliveryStats(
    long rateLimited,
    long quotaExceeded,
    long backpressure,
    long confirmed,
    long retried,
    long replayed,
    int unconfirmed) {}
