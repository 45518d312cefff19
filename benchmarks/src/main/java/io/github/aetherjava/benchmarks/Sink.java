/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.benchmarks;

/**
 * Receives one delivered message. Only the first eight payload bytes (big-endian) are passed on,
 * read by each side in its natural way, so neither side pays for a copy the other one avoids.
 */
@FunctionalInterface
public interface Sink {

  /** A sink that ignores everything. */
  Sink NONE = (source, header) -> {};

  /**
   * @param sourceTopic gateway-stamped topic of the sender
   * @param header first eight payload bytes as a big-endian long (0 if the payload is shorter)
   */
  void onMessage(String sourceTopic, long header);
}
