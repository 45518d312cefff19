/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import io.github.aetherjava.client.tunnel.Tunnel;
import io.github.aetherjava.client.tunnel.TunnelCloseReason;
import io.github.aetherjava.client.tunnel.TunnelHandler;
import io.github.aetherjava.client.tunnel.TunnelProtocol;
import io.github.aetherjava.client.tunnel.TunnelRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects each accepted tunnel to one local TCP address and copies bytes both ways on two threads
 * of its own, so blocking socket and tunnel I/O never occupies the callback executor. A finished
 * direction is passed on as a half-close; the socket closes once both directions finished or the
 * tunnel ended.
 */
final class TcpForwarder implements TunnelHandler {

  private static final Logger LOG = LoggerFactory.getLogger(TcpForwarder.class);

  /** How long connecting to the local address may take. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private static final int BUFFER_BYTES = 64 * 1024;

  private final InetSocketAddress address;

  TcpForwarder(InetSocketAddress address) {
    this.address = address;
  }

  @Override
  public void accept(TunnelRequest request, Tunnel tunnel) {
    if (request.protocol() != TunnelProtocol.TCP) {
      tunnel.close(
          TunnelCloseReason.ERROR, "only TCP tunnels are served here, got " + request.protocol());
      return;
    }
    start("aether-tunnel-tcp-" + tunnel.id(), () -> connect(tunnel));
  }

  private void connect(Tunnel tunnel) {
    Socket socket = new Socket();
    try {
      socket.connect(address, (int) CONNECT_TIMEOUT.toMillis());
    } catch (IOException e) {
      closeQuietly(socket);
      tunnel.close(TunnelCloseReason.ERROR, "dial failed: " + address + ": " + e.getMessage());
      return;
    }
    tunnel.closed().whenComplete((end, e) -> closeQuietly(socket));
    start("aether-tunnel-tcp-out-" + tunnel.id(), () -> socketToTunnel(socket, tunnel));
    tunnelToSocket(socket, tunnel);
  }

  private static void socketToTunnel(Socket socket, Tunnel tunnel) {
    byte[] buf = new byte[BUFFER_BYTES];
    try (InputStream in = socket.getInputStream()) {
      OutputStream out = tunnel.output();
      int n;
      while ((n = in.read(buf)) >= 0) {
        out.write(buf, 0, n);
      }
      out.close(); // half-close: the local side finished writing
    } catch (IOException e) {
      if (!tunnel.closed().isDone()) {
        tunnel.close(TunnelCloseReason.PEER_RESET, "local connection failed: " + e.getMessage());
      }
    }
  }

  private static void tunnelToSocket(Socket socket, Tunnel tunnel) {
    byte[] buf = new byte[BUFFER_BYTES];
    try {
      InputStream in = tunnel.input();
      OutputStream out = socket.getOutputStream();
      int n;
      while ((n = in.read(buf)) >= 0) {
        out.write(buf, 0, n);
      }
      out.flush();
      socket.shutdownOutput();
    } catch (IOException e) {
      LOG.debug("tunnel {} to {} ended: {}", tunnel.id(), socket.getRemoteSocketAddress(), e);
      if (!tunnel.closed().isDone()) {
        tunnel.close(TunnelCloseReason.PEER_RESET, "local connection failed: " + e.getMessage());
      }
      closeQuietly(socket);
    }
  }

  private static void start(String name, Runnable task) {
    Thread t = new Thread(task, name);
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      LOG.debug("closing tunnel socket failed", e);
    }
  }
}
