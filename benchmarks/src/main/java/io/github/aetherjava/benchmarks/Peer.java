/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.benchmarks;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * One connected agent in a scenario: either the SDK ({@link SdkPeer}) or the raw baseline ({@link
 * RawPeer}).
 */
public interface Peer extends AutoCloseable {

  /**
   * @return this agent's own topic ({@code ag::ws::impl::spec})
   */
  String topic();

  /**
   * @return completes when the gateway has acknowledged the connection
   */
  CompletableFuture<?> connected();

  /**
   * @return true while the stream is acknowledged and open
   */
  boolean isReady();

  /**
   * Fire-and-forget {@code SendMessage} with type {@code OPAQUE}.
   *
   * @param topic target topic
   * @param payload payload bytes
   */
  void send(String topic, byte[] payload);

  /**
   * Workspace-exclusive KV put (a stock AetherLite denies agents the global scope), blocking until
   * the gateway answers.
   *
   * @param key key
   * @param value value
   */
  void kvPut(String key, byte[] value);

  /**
   * Workspace-exclusive KV get, blocking until the gateway answers.
   *
   * @param key key
   * @return the value's length (so the result is used)
   */
  int kvGet(String key);

  /** Closes the stream (and the channel if this peer owns it). */
  @Override
  void close();

  /**
   * Reads the big-endian long at the start of {@code b}, without moving its position.
   *
   * @param b payload
   * @return the header, 0 if shorter than 8 bytes
   */
  static long header(ByteBuffer b) {
    return b.remaining() < 8 ? 0 : b.getLong(b.position());
  }

  /**
   * Writes {@code v} big-endian into the first eight bytes of {@code b} (if it is long enough).
   *
   * @param b payload
   * @param v header value
   */
  static void putHeader(byte[] b, long v) {
    if (b.length < 8) {
      return;
    }
    for (int i = 7; i >= 0; i--) {
      b[i] = (byte) v;
      v >>>= 8;
    }
  }
}
