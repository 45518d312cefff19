/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.benchmarks;

/** How clients reach the embedded gateway. */
public enum Transport {
  /** Netty over loopback TCP (127.0.0.1). */
  TCP,
  /** grpc-java in-process transport (same JVM, no sockets). */
  INPROC,
  /** TCP to a gateway already running elsewhere ({@code --gateway=HOST:PORT}). */
  EXTERNAL;

  /**
   * @return lower-case name used on the command line and in results
   */
  public String label() {
    return this == EXTERNAL ? "ext" : name().toLowerCase(java.util.Locale.ROOT);
  }
}
