/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import io.github.aetherjava.client.GatewayErrorException;

/**
 * Turns the failure of a correlated request into the exception its caller sees, naming the
 * operation.
 */
final class RequestErrors {

  private RequestErrors() {}

  /**
   * @param failure what failed the request
   * @param context operation and key, prefixed to gateway errors so the caller knows which call
   *     failed
   * @return the exception to throw from the request's completion stage
   */
  static RuntimeException withContext(Throwable failure, String context) {
    if (failure instanceof GatewayErrorException g) {
      return new GatewayErrorException(
          g.code(), context + ": " + g.getMessage(), g.retryable(), g.retryAfter());
    }
    return failure instanceof RuntimeException re ? re : new IllegalStateException(failure);
  }
}
