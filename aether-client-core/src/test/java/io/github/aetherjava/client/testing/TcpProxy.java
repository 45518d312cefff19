/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP forwarder for network-failure tests: {@link #cutClients()} drops the client side
 * of every connection while the gateway side stays open (a half-open drop the gateway does not
 * notice), and the upstream port can be switched (gateway restarted elsewhere).
 */
public final class TcpProxy implements AutoCloseable {

  private final ServerSocket server;
  private final List<Socket> clientSockets = new CopyOnWriteArrayList<>();
  private final List<Socket> upstreamSockets = new CopyOnWriteArrayList<>();
  private volatile int upstreamPort;
  private volatile boolean closed;
  private final java.util.Set<Socket> cut = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /**
   * @param upstreamPort gateway port on 127.0.0.1
   */
  public TcpProxy(int upstreamPort) {
    this.upstreamPort = upstreamPort;
    try {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread t = new Thread(this::acceptLoop, "tcp-proxy-accept");
    t.setDaemon(true);
    t.start();
  }

  /**
   * @return address clients use
   */
  public String address() {
    return "127.0.0.1:" + server.getLocalPort();
  }

  /**
   * @param port new gateway port
   */
  public void upstreamPort(int port) {
    this.upstreamPort = port;
  }

  /** Closes the client side of every open connection; the gateway side stays open. */
  public void cutClients() {
    for (Socket s : clientSockets) {
      cut.add(s);
      closeQuietly(s);
    }
    clientSockets.clear();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket client = server.accept();
        Socket upstream;
        try {
          upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
        } catch (IOException e) {
          closeQuietly(client);
          continue;
        }
        clientSockets.add(client);
        upstreamSockets.add(upstream);
        pump(client, upstream, false);
        pump(upstream, client, true);
      } catch (IOException e) {
        if (!closed) {
          continue;
        }
        return;
      }
    }
  }

  private void pump(Socket from, Socket to, boolean fromUpstream) {
    Thread t =
        new Thread(
            () -> {
              byte[] buf = new byte[16 * 1024];
              try {
                // streams are not closed here: closing one would close its socket (and the
                // half-open trick)
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                int n;
                while ((n = in.read(buf)) >= 0) {
                  out.write(buf, 0, n);
                  out.flush();
                }
              } catch (IOException e) {
                // connection cut
              }
              if (fromUpstream || !cut.contains(from)) {
                // an orderly end on either side is passed on; a cut client side deliberately leaves
                // the
                // gateway side open (half-open)
                closeQuietly(to);
              }
            },
            "tcp-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    clientSockets.forEach(TcpProxy::closeQuietly);
    upstreamSockets.forEach(TcpProxy::closeQuietly);
  }
}
