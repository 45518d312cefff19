/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.test.connection;

import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.github.aetherjava.spring.boot.autoconfigure.AetherConnectionDetails;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactory;

/**
 * {@link AetherConnectionDetails} of a running {@link EmbeddedAetherGateway}: its address, no
 * credentials (the embedded gateway of tests accepts any) and no TLS. Registered in {@code
 * META-INF/spring.factories}, so {@code new ConnectionDetailsFactories(classLoader)
 * .getConnectionDetails(gateway, true)} finds it like Boot's own factories.
 *
 * @since 0.1.0
 */
public final class EmbeddedAetherGatewayConnectionDetailsFactory
    implements ConnectionDetailsFactory<EmbeddedAetherGateway, AetherConnectionDetails> {

  @Override
  public AetherConnectionDetails getConnectionDetails(EmbeddedAetherGateway gateway) {
    String address = gateway.address();
    return () -> address;
  }
}
