/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.benchmarks;

import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** A TCP gateway the scale scenario can stop and start again on the same port. */
interface GatewayHandle extends AutoCloseable {

  /**
   * @return bound port on 127.0.0.1
   */
  int port();

  /** Graceful stop. */
  @Override
  void close() throws IOException;

  /**
   * @param hostPort {@code HOST:PORT} of a gateway this harness did not start (never stopped by it)
   * @return a handle whose close does nothing
   */
  static GatewayHandle external(String hostPort) {
    int port = Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
    return new GatewayHandle() {
      @Override
      public int port() {
        return port;
      }

      @Override
      public void close() {}
    };
  }

  /**
   * @param childJvm in a child JVM ({@link ChildGateway}) or in this one
   * @param port port, 0 for any
   * @param log child log file
   * @return the started gateway
   */
  static GatewayHandle start(boolean childJvm, int port, Path log) throws IOException {
    if (childJvm) {
      return ChildGateway.start(port, log);
    }
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (true) {
      try {
        EmbeddedAetherGateway gw = EmbeddedAetherGateway.builder().port(port).start();
        return new GatewayHandle() {
          @Override
          public int port() {
            return gw.port();
          }

          @Override
          public void close() {
            gw.close();
          }
        };
      } catch (UncheckedIOException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted", ie);
        }
      }
    }
  }
}
