/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import java.time.Instant;
import java.util.List;

/**
 * What the gateway acknowledged for the current connection ({@code ConnectionAck}).
 *
 * @param sessionId session id (new on every connection, even when resumed)
 * @param resumed true if the previous session was resumed
 * @param assignedId id assigned by the gateway (the real gateway leaves it empty)
 * @param serverVersion gateway version
 * @param reconnectionCount how many times this identity's session was resumed
 * @param initialConnectionTime first connection of this identity lock, or {@link Instant#EPOCH} if
 *     not reported
 * @param connectedAt local time the acknowledgement arrived
 * @param supportedExtensions extension URIs the gateway accepted
 * @since 0.1.0
 */
public record ConnectionInfo(
    String sessionId,
    boolean resumed,
    String assignedId,
    String serverVersion,
    int reconnectionCount,
    Instant initialConnectionTime,
    Instant connectedAt,
    List<String> supportedExtensions) {

  /** Copies the list. */
  public ConnectionInfo {
    supportedExtensions = List.copyOf(supportedExtensions);
  }

  /**
   * @return the wire form (without build info and negotiation details)
   */
  public io.github.aetherjava.proto.v1.ConnectionAck toProto() {
    return io.github.aetherjava.proto.v1.ConnectionAck.newBuilder()
        .setSessionId(sessionId)
        .setResumed(resumed)
        .setAssignedId(assignedId)
        .setServerVersion(serverVersion)
        .setReconnectionCount(reconnectionCount)
        .setInitialConnectionUnixMs(initialConnectionTime.toEpochMilli())
        .build();
  }

  /**
   * @param ack wire form
   * @param connectedAt local arrival time
   * @return value
   */
  public static ConnectionInfo fromProto(
      io.github.aetherjava.proto.v1.ConnectionAck ack, Instant connectedAt) {
    return new ConnectionInfo(
        ack.getSessionId(),
        ack.getResumed(),
        ack.getAssignedId(),
        ack.getServerVersion(),
        ack.getReconnectionCount(),
        Instant.ofEpochMilli(ack.getInitialConnectionUnixMs()),
        connectedAt,
        ack.getNegotiatedExtensionsList().stream()
            .filter(e -> e.getSupported())
            .map(e -> e.getUri())
            .toList());
  }
}
