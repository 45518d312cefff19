/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.tunnel;

import io.github.aetherjava.client.Registration;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

/**
 * Tunnels of one client: open byte streams to other principals, and accept the ones they open to
 * it. Every tunnel of a client ends with {@link TunnelCloseReason#PEER_RESET} when its stream to
 * the gateway ends (tunnels do not survive a reconnect).
 *
 * @since 0.1.0
 */
public interface Tunnels {

  /**
   * Opens a tunnel with {@link TunnelOptions#defaults()}.
   *
   * @param target the topic of the serving principal ({@code sv::impl::spec}, {@code sv::impl} for
   *     any instance, or any principal that serves tunnels)
   * @param protocol what the serving side should connect to
   * @return completes with the tunnel once the open was handed to the transport (the protocol has
   *     no open acknowledgement: a refused open ends the tunnel with {@link
   *     TunnelCloseReason#ERROR} or {@link TunnelCloseReason#QUOTA}); fails with {@link
   *     io.github.aetherjava.client.InvalidArgumentException} naming the argument when one is null
   *     or {@code target} is blank
   */
  CompletableFuture<Tunnel> dial(String target, TunnelProtocol protocol);

  /**
   * Opens a tunnel.
   *
   * @param target the topic of the serving principal
   * @param protocol what the serving side should connect to
   * @param options hint, metadata, idle timeout, quota and credits
   * @return completes with the tunnel once the open was handed to the transport; fails with {@link
   *     io.github.aetherjava.client.InvalidArgumentException} naming the argument when one is null
   *     or {@code target} is blank
   */
  CompletableFuture<Tunnel> dial(String target, TunnelProtocol protocol, TunnelOptions options);

  /**
   * Accepts the tunnels other principals open to this client.
   *
   * @param handler takes each tunnel
   * @return stops accepting (later opens are refused with {@link TunnelCloseReason#ERROR}; open
   *     tunnels stay open)
   * @throws IllegalStateException if this client already serves tunnels
   */
  Registration serve(TunnelHandler handler);

  /**
   * Accepts tunnels and connects each to the TCP port {@code address}, copying bytes both ways
   * until either side finishes; a refused connection ends the tunnel with {@link
   * TunnelCloseReason#ERROR}.
   *
   * @param address the local TCP address to connect tunnels to
   * @return stops accepting
   * @throws IllegalStateException if this client already serves tunnels
   */
  Registration serveTcp(InetSocketAddress address);
}
