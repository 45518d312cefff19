/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import io.github.aetherjava.proto.v1.DownstreamMessage;
import java.util.List;

/** Persistence hook for durable topics: every append and every delivery (ack) is recorded. */
interface MessageJournal extends AutoCloseable {

  /** A message recovered at startup. */
  record Recovered(String topic, long seq, DownstreamMessage frame, long appendedAtMillis) {}

  void append(String topic, long seq, DownstreamMessage frame, long appendedAtMillis);

  void ack(String topic, long seq);

  /** Messages appended and not yet acknowledged before the last shutdown, in append order. */
  List<Recovered> recovered();

  @Override
  void close();

  /** A journal that keeps nothing (in-memory gateway). */
  static MessageJournal none() {
    return new MessageJournal() {
      @Override
      public void append(String topic, long seq, DownstreamMessage frame, long appendedAtMillis) {}

      @Override
      public void ack(String topic, long seq) {}

      @Override
      public List<Recovered> recovered() {
        return List.of();
      }

      @Override
      public void close() {}
    };
  }
}
