/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import io.github.aetherjava.gateway.embedded.CredentialsPolicy;
import io.github.aetherjava.gateway.embedded.DurabilityPolicy;
import io.github.aetherjava.gateway.embedded.PolicyMode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Everything the internals need from the public builder.
 *
 * @param credentials credential policy
 * @param policyMode permissive or lite-parity
 * @param dataDirectory where file-backed stores live, or null for in-memory only
 * @param clock time source for TTLs and timestamps
 * @param initTimeout how long a new stream may take to send {@code InitConnection}
 * @param sessionQueueCapacity bound of each session's response queue and broadcast queue (frames)
 * @param offlineQueueCapacity bound of each identity topic's stored backlog (messages)
 * @param offlineQueueMaxBytes bound of each identity topic's stored backlog (bytes)
 * @param checkpointDefaultTtl TTL used for checkpoint SAVE with ttl -1 (zero = never expires)
 * @param senderPushbackThreshold backlog of a connected consumer at which senders to it are paused
 * @param maxStoredTopics gateway-wide bound on topics holding undelivered messages
 * @param maxStoredBytes gateway-wide bound on undelivered messages, in (estimated heap) bytes
 * @param messageRetention age after which an undelivered message is removed
 * @param durability when file-store changes reach the disk
 * @param commitInterval how often {@link DurabilityPolicy#BATCHED} commits
 * @param kvSweepInterval how often expired KV entries and checkpoints are removed
 * @param rateLimitPerSecond per-connection message and progress rate (burst twice that); 0 = off
 */
public record GatewaySettings(
    CredentialsPolicy credentials,
    PolicyMode policyMode,
    @Nullable Path dataDirectory,
    Clock clock,
    Duration initTimeout,
    int sessionQueueCapacity,
    int offlineQueueCapacity,
    long offlineQueueMaxBytes,
    Duration checkpointDefaultTtl,
    int senderPushbackThreshold,
    int maxStoredTopics,
    long maxStoredBytes,
    Duration messageRetention,
    DurabilityPolicy durability,
    Duration commitInterval,
    Duration kvSweepInterval,
    double rateLimitPerSecond) {

  /** Largest inbound frame, as on the real gateway. */
  public static final int MAX_INBOUND_BYTES = 4 * 1024 * 1024;

  /**
   * What the transport itself accepts: larger than {@link #MAX_INBOUND_BYTES} so that frames up to
   * this size are refused by the service with the real gateway's status; beyond it grpc-java resets
   * the stream.
   */
  public static final int TRANSPORT_MAX_INBOUND_BYTES = 16 * 1024 * 1024;

  /**
   * Upstream frames requested from the transport ahead of handling (manual inbound flow control).
   * One frame at a time would leave a client that honours {@code isReady()} with a single frame in
   * flight on the in-process transport. While a sender is paused by push-back, the frames already
   * requested (at most this many) are still handled; no new ones are requested until it resumes.
   */
  public static final int INBOUND_WINDOW = 32;

  /**
   * Handled frames are replaced by transport requests in batches of this many: each request makes a
   * client that honours {@code isReady()} run an {@code onReady} hand-off, and one per frame halved
   * in-process throughput for large frames. At least {@code INBOUND_WINDOW - INBOUND_REQUEST_BATCH
   * + 1} frames stay requested.
   */
  public static final int INBOUND_REQUEST_BATCH = 8;

  /** Largest outbound frame, as on the real gateway. */
  public static final int MAX_OUTBOUND_BYTES = 16 * 1024 * 1024;

  /**
   * Server version reported in the ack: the upstream release whose behaviour this gateway emulates.
   */
  public static final String SERVER_VERSION = "0.2.2";
}
