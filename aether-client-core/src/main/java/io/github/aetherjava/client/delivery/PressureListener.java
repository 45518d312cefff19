/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.delivery;

/**
 * Told of rate-limit, quota and back-pressure errors, on the client's ordered dispatcher (never on
 * a gRPC thread). Events queue in a bounded buffer: a listener slower than the gateway's errors
 * misses some events, never the totals they carry.
 *
 * @since 0.2.0
 */
@FunctionalInterface
public interface PressureListener {

  /**
   * @param event the event
   */
  void onPressure(PressureEvent event);
}
