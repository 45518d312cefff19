/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.client;

/**
 * Thrown at startup when {@code aether.fail-fast} is enabled and the first connection of a client
 * fails.
 *
 * @since 0.1.0
 */
public class AetherConnectFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String clientName;

  private final String address;

  /**
   * Create a new instance.
   *
   * @param clientName the bean name of the client
   * @param identity the identity the client connects as
   * @param address the gateway address
   * @param cause the connection failure
   */
  public AetherConnectFailedException(
      String clientName, String identity, String address, Throwable cause) {
    super(
        "Aether client '"
            + clientName
            + "' ("
            + identity
            + ") could not connect to "
            + address
            + ": "
            + cause.getMessage(),
        cause);
    this.clientName = clientName;
    this.address = address;
  }

  /**
   * Return the bean name of the client that failed to connect.
   *
   * @return the client bean name
   */
  public String getClientName() {
    return this.clientName;
  }

  /**
   * Return the gateway address that was used.
   *
   * @return the address
   */
  public String getAddress() {
    return this.address;
  }
}
