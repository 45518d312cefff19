/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.benchmarks;

/** Which client implementation a peer uses. */
public enum Side {
  /** The aether-java SDK ({@code AgentClient}) with default options. */
  SDK,
  /**
   * The SDK with {@code callbackExecutor(Runnable::run)}: handlers run on the gRPC thread that
   * delivered the frame (like the baseline's), saving one thread hand-off per message; handlers
   * must then not block.
   */
  SDK_DIRECT,
  /**
   * The SDK with {@code CallbackExecutors.polling()}: handlers still run off the gRPC threads, on a
   * pool whose idle thread polls for new work briefly before it parks.
   */
  SDK_POLLING,
  /** Hand-written grpc-java client on the generated stub. */
  RAW
}
