/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

/**
 * A sending client named by an implementation and a specifier; its inbound topic is its identity.
 */
abstract class NamedClient extends SendingClient {

  private final String implementation;
  private final String specifier;

  NamedClient(
      AetherClientOptions options, PrincipalKind kind, String implementation, String specifier) {
    super(options, kind);
    this.implementation = implementation;
    this.specifier = specifier;
  }

  /**
   * @return the identity (this client's inbound topic)
   */
  @Override
  public String topic() {
    return identity();
  }

  /**
   * @return implementation
   */
  public String implementation() {
    return implementation;
  }

  /**
   * @return specifier
   */
  public String specifier() {
    return specifier;
  }
}
