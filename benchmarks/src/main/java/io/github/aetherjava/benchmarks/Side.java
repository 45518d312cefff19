package io.github.aetherjava.benchmarks;

/** Which client implementation a peer uses. */
public enum Side {
  /** The aether-java SDK ({@code AgentClient}) with default options. */
  SDK,
  /**
   * The SDK with {@code callbackExecutor(Runnable::run)}: handlers run on the gRPC thread that delivered the frame
   * (like the baseline's), saving one thread hand-off per message; handlers must then not block.
   */
  SDK_DIRECT,
  /** Hand-written grpc-java client on the generated stub. */
  RAW
}
