/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.tunnel;

import io.github.aetherjava.client.AetherException;
import io.github.aetherjava.client.FailureReason;

/**
 * The tunnel ended; carried as the cause of the {@link java.io.IOException} that a tunnel's streams
 * throw, and thrown as is by {@link Tunnels#dial} futures.
 *
 * @since 0.1.0
 */
public class TunnelClosedException extends AetherException {

  private static final long serialVersionUID = 1L;

  private final TunnelCloseReason closeReason;
  private final String detail;

  /**
   * @param closeReason why the tunnel ended
   * @param detail the accompanying text
   */
  public TunnelClosedException(TunnelCloseReason closeReason, String detail) {
    super(
        reasonOf(closeReason),
        "tunnel closed: " + closeReason + (detail.isEmpty() ? "" : ": " + detail),
        null,
        closeReason == TunnelCloseReason.PEER_RESET
            || closeReason == TunnelCloseReason.IDLE_TIMEOUT);
    this.closeReason = closeReason;
    this.detail = detail;
  }

  /**
   * @return why the tunnel ended
   */
  public TunnelCloseReason closeReason() {
    return closeReason;
  }

  /**
   * @return the text that came with the close ("" when none)
   */
  public String detail() {
    return detail;
  }

  private static FailureReason reasonOf(TunnelCloseReason reason) {
    return switch (reason) {
      case NORMAL -> FailureReason.CLOSED;
      case PEER_RESET -> FailureReason.DISCONNECTED;
      case IDLE_TIMEOUT -> FailureReason.TIMEOUT;
      case QUOTA -> FailureReason.REJECTED;
      case ERROR -> FailureReason.GATEWAY_ERROR;
    };
  }
}
