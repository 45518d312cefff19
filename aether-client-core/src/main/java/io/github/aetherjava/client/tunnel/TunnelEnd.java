/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.tunnel;

/**
 * How a tunnel ended.
 *
 * @param reason why
 * @param detail the text that came with it ("" when none)
 * @param byPeer true when the other end or the gateway ended it, false when this side did
 * @since 0.1.0
 */
public record TunnelEnd(TunnelCloseReason reason, String detail, boolean byPeer) {

  /**
   * @return the exception reads and writes fail with after this end (for a {@link
   *     TunnelCloseReason#NORMAL} end, only writes)
   */
  public TunnelClosedException toException() {
    return new TunnelClosedException(reason, detail);
  }
}
