/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.tunnel;

/**
 * Takes tunnels other principals open to this client. Runs on the client's callback executor; it
 * should hand long-running I/O to its own threads and return.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface TunnelHandler {

  /**
   * @param request what the dialer asked for
   * @param tunnel the tunnel, already open; throwing closes it with {@link TunnelCloseReason#ERROR}
   * @throws Exception any failure
   */
  void accept(TunnelRequest request, Tunnel tunnel) throws Exception;
}
