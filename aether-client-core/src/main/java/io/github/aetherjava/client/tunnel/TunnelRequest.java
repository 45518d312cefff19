/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.tunnel;

import java.time.Duration;
import java.util.Map;

/**
 * A tunnel another principal opened to this one, as its {@code TunnelOpen} described it.
 *
 * @param target the topic it was opened to (this principal)
 * @param protocol what to connect it to
 * @param remoteHint where to connect, as the dialer suggested ("" when none)
 * @param metadata the dialer's metadata
 * @param idleTimeout the idle timeout this side enforces ({@link Duration#ZERO} = none)
 * @param maxBytes the byte quota this side enforces, both directions together (0 = none)
 * @param backend the backend the dialer named ("" when none)
 * @since 0.1.0
 */
public record TunnelRequest(
    String target,
    TunnelProtocol protocol,
    String remoteHint,
    Map<String, String> metadata,
    Duration idleTimeout,
    long maxBytes,
    String backend) {

  /** Copies {@code metadata}. */
  public TunnelRequest {
    metadata = Map.copyOf(metadata);
  }
}
