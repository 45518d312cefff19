/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.test.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aetherjava.client.Credentials;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.github.aetherjava.spring.boot.autoconfigure.AetherConnectionDetails;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactories;

class EmbeddedAetherGatewayConnectionDetailsFactoryTests {

  @Test
  void bootsFactoriesTurnAnEmbeddedGatewayIntoAetherConnectionDetails() {
    try (EmbeddedAetherGateway gateway = EmbeddedAetherGateway.builder().start()) {
      Map<Class<?>, ConnectionDetails> details =
          new ConnectionDetailsFactories(getClass().getClassLoader())
              .getConnectionDetails(gateway, true);
      assertThat(details).containsOnlyKeys(AetherConnectionDetails.class);
      AetherConnectionDetails aether =
          (AetherConnectionDetails) details.get(AetherConnectionDetails.class);
      assertThat(aether.getAddress()).isEqualTo(gateway.address());
      assertThat(aether.getCredentials()).isEqualTo(Credentials.none());
      assertThat(aether.getTls()).isNull();
    }
  }
}
