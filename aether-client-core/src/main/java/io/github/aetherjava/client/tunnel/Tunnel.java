/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.tunnel;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;

/**
 * One open tunnel: bytes from the other end arrive on {@link #input()}, bytes written to {@link
 * #output()} go to it. Writes block while the other end has granted no credit (it has not read what
 * was sent), so a slow reader slows the writer instead of growing memory. All methods are safe from
 * any thread; one reader and one writer at a time is the intended use.
 *
 * @since 0.1.0
 */
public interface Tunnel extends AutoCloseable {

  /**
   * @return this side's tunnel id (the dialer's request id, or the gateway's wire id when serving)
   */
  String id();

  /**
   * @return bytes from the other end; {@code -1} once the other end finished writing (or closed
   *     normally) and everything was read; an {@link java.io.IOException} caused by {@link
   *     TunnelClosedException} after any other end. Closing it closes the tunnel, as closing a
   *     socket's input stream closes the socket.
   */
  InputStream input();

  /**
   * @return bytes to the other end, sent in frames of at most 256 KiB; {@code close()} tells the
   *     other end this side finished writing (the tunnel stays open for reading)
   */
  OutputStream output();

  /**
   * @return completes (never exceptionally) when the tunnel ended, with why
   */
  CompletableFuture<TunnelEnd> closed();

  /** Closes the tunnel: the other end is told {@link TunnelCloseReason#NORMAL}. Idempotent. */
  @Override
  void close();

  /**
   * Ends the tunnel with {@code reason}, telling the other end.
   *
   * @param reason why
   * @param detail text for the other end
   */
  void close(TunnelCloseReason reason, String detail);
}
