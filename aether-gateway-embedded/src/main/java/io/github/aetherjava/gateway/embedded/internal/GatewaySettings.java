package io.github.aetherjava.gateway.embedded.internal;

import io.github.aetherjava.gateway.embedded.CredentialsPolicy;
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
    Duration checkpointDefaultTtl) {

  /** Largest inbound frame, as on the real gateway. */
  public static final int MAX_INBOUND_BYTES = 4 * 1024 * 1024;
  /** Largest outbound frame, as on the real gateway. */
  public static final int MAX_OUTBOUND_BYTES = 16 * 1024 * 1024;
  /** Server version reported in the ack: the upstream release whose behaviour this gateway emulates. */
  public static final String SERVER_VERSION = "0.2.2";
}
