/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * No answer arrived in time (a request, the handshake, or a blocking call). Recoverable.
 *
 * @since 0.1.0
 */
public class AetherTimeoutException extends AetherException {

  private static final long serialVersionUID = 1L;

  private final String operation;
  private final @Nullable Duration timeout;

  /**
   * Creates the exception.
   *
   * @param operation what timed out, e.g. {@code kv.get} or {@code connect}
   * @param timeout the limit that was exceeded, if known
   * @param grpcStatus gRPC status code name, if from a stream status
   */
  public AetherTimeoutException(
      String operation, @Nullable Duration timeout, @Nullable String grpcStatus) {
    super(
        FailureReason.TIMEOUT,
        operation + " timed out" + (timeout == null ? "" : " after " + timeout.toMillis() + " ms"),
        null,
        true,
        grpcStatus);
    this.operation = operation;
    this.timeout = timeout;
  }

  /**
   * @return the operation that timed out
   */
  public String operation() {
    return operation;
  }

  /**
   * @return the exceeded limit, or null if unknown
   */
  public @Nullable Duration timeout() {
    return timeout;
  }
}
