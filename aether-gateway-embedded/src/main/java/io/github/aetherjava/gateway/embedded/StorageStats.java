/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded;

/**
 * Counters of the gateway's message store and KV expiry, for tests and diagnostics. Every bound has
 * a counter here that grows when the bound removes data.
 *
 * @param storedTopics identity topics holding undelivered messages
 * @param storedMessages undelivered messages held
 * @param storedBytes heap charged to undelivered messages (serialized size plus a fixed estimate
 *     per message and per topic), compared with {@link
 *     EmbeddedAetherGateway.Builder#maxStoredBytes}
 * @param droppedByTopicBound messages removed because their topic reached {@link
 *     EmbeddedAetherGateway.Builder#offlineQueueCapacity} or {@link
 *     EmbeddedAetherGateway.Builder#offlineQueueMaxBytes}
 * @param droppedByTotalBound messages removed because the gateway reached {@link
 *     EmbeddedAetherGateway.Builder#maxStoredTopics} or {@link
 *     EmbeddedAetherGateway.Builder#maxStoredBytes}
 * @param expiredMessages messages removed because they were older than {@link
 *     EmbeddedAetherGateway.Builder#messageRetention}
 * @param expiredKvEntries KV entries and checkpoints removed by the expiry sweeper
 * @param quotaRejections sends refused with {@code ERR_QUOTA_001} by the per-identity message quota
 */
public record StorageStats(
    int storedTopics,
    long storedMessages,
    long storedBytes,
    long droppedByTopicBound,
    long droppedByTotalBound,
    long expiredMessages,
    long expiredKvEntries,
    long quotaRejections) {}
