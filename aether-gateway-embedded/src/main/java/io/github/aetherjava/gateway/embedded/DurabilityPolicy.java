/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded;

/**
 * When changes to the file store ({@link EmbeddedAetherGateway.Builder#dataDirectory}) reach the
 * disk. Either way the store is written by one background thread in batches, never by the thread
 * routing a message, and a crash never leaves a half-written store behind.
 */
public enum DurabilityPolicy {

  /**
   * Every KV and checkpoint response is sent only after its change, and every message the same
   * connection sent before it, has been committed and forced to disk. A crash (even {@code kill -9}
   * or power loss) loses nothing that was acknowledged. Concurrent requests share one commit.
   */
  ALWAYS,

  /**
   * Responses are sent at once; changes are committed every {@link
   * EmbeddedAetherGateway.Builder#commitInterval commit interval} (default 100 ms). A crash loses
   * at most the changes of the last interval. The default: what a development gateway needs.
   */
  BATCHED
}
