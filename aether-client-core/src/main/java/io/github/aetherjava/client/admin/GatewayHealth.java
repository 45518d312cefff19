/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.admin;

/**
 * The gateway's health as {@link AdminClient#health()} sees it: the standard gRPC health service's
 * status of the Aether service, and the version and build the gateway announced when this client
 * connected.
 *
 * @param status health-service status
 * @param serverVersion gateway version from the {@code ConnectionAck} ("" if not reported)
 * @param buildCommit gateway build commit ("" if not reported)
 * @param buildTime gateway build time ("" if not reported)
 * @param runtime gateway runtime, e.g. {@code go1.24} ("" if not reported)
 * @param os gateway OS/arch ("" if not reported)
 * @since 0.1.0
 */
public record GatewayHealth(
    Status status,
    String serverVersion,
    String buildCommit,
    String buildTime,
    String runtime,
    String os) {

  /** Health-service status of the Aether service. */
  public enum Status {
    /** Serving. */
    SERVING,
    /** Running but not serving (for example shutting down). */
    NOT_SERVING,
    /** The health service does not know the Aether service. */
    SERVICE_UNKNOWN,
    /** The health service answered with an unknown status. */
    UNKNOWN
  }

  /**
   * @return true if serving
   */
  public boolean isServing() {
    return status == Status.SERVING;
  }
}
