package io.github.aetherjava.benchmarks;

/** Which client implementation a peer uses. */
public enum Side {
  /** The aether-java SDK ({@code AgentClient}). */
  SDK,
  /** Hand-written grpc-java client on the generated stub. */
  RAW
}
