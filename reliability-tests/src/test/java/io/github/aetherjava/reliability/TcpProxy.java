/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP proxy for fault injection. Each accepted connection is one {@link Link} to the
 * target. Links can be black-holed (bytes are read and discarded in both directions, sockets stay
 * open: a silent network cut, no FIN, no RST) or severed (the client side is reset, the gateway
 * side stays open and silent: the gateway still believes the old connection is alive). New
 * connections are forwarded normally unless {@link #refuseNew(boolean)} is set.
 */
final class TcpProxy implements AutoCloseable {

  /** One proxied connection. */
  final class Link {
    final Socket client;
    final Socket upstream;
    volatile boolean blackholed;

    Link(Socket client, Socket upstream) {
      this.client = client;
      this.upstream = upstream;
    }

    void start() {
      pump(client, upstream, "c->s");
      pump(upstream, client, "s->c");
    }

    private void pump(Socket from, Socket to, String dir) {
      Thread t =
          new Thread(
              () -> {
                byte[] buf = new byte[16 * 1024];
                try (InputStream in = from.getInputStream()) {
                  OutputStream out = to.getOutputStream();
                  int n;
                  while ((n = in.read(buf)) >= 0) {
                    if (blackholed) {
                      dropped.addAndGet(n);
                      continue;
                    }
                    out.write(buf, 0, n);
                    out.flush();
                  }
                  if (!blackholed) {
                    to.shutdownOutput();
                  }
                } catch (IOException e) {
                  // one side went away; the other side is closed by the opposite pump or by close()
                  if (!blackholed) {
                    closeQuietly(to);
                  }
                }
              },
              "tcp-proxy-" + dir);
      t.setDaemon(true);
      t.start();
    }
  }

  private final ServerSocket server;
  private final InetSocketAddress target;
  private final List<Link> links = new CopyOnWriteArrayList<>();
  private final AtomicLong dropped = new AtomicLong();
  private volatile boolean refuseNew;
  private volatile boolean closed;

  TcpProxy(int targetPort) throws IOException {
    this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptLoop, "tcp-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String address() {
    return "127.0.0.1:" + server.getLocalPort();
  }

  private void acceptLoop() {
    while (!closed) {
      Socket c;
      try {
        c = server.accept();
      } catch (IOException e) {
        return;
      }
      if (refuseNew) {
        reset(c);
        continue;
      }
      try {
        Socket up = new Socket();
        up.connect(target, 2000);
        c.setTcpNoDelay(true);
        up.setTcpNoDelay(true);
        Link l = new Link(c, up);
        links.add(l);
        l.start();
      } catch (IOException e) {
        reset(c);
      }
    }
  }

  /** Live links, oldest first. */
  List<Link> links() {
    return List.copyOf(links);
  }

  /** Silently drops all traffic of the existing links from now on (no FIN, no RST). */
  void blackholeExisting() {
    links.forEach(l -> l.blackholed = true);
  }

  /**
   * Resets the client side of every existing link; the gateway side stays open and silent
   * (half-dead).
   */
  void severClientSides() {
    for (Link l : links) {
      l.blackholed = true;
      reset(l.client);
    }
  }

  /** Rejects (resets) new connections while true. */
  void refuseNew(boolean refuse) {
    this.refuseNew = refuse;
  }

  long droppedBytes() {
    return dropped.get();
  }

  private static void reset(Socket s) {
    try {
      s.setSoLinger(true, 0);
    } catch (SocketException e) {
      // already closed
    }
    closeQuietly(s);
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // ignore
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException e) {
      // ignore
    }
    for (Link l : links) {
      l.blackholed = true;
      closeQuietly(l.client);
      closeQuietly(l.upstream);
    }
  }
}
