/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * An explicit {@code aether.address} wins over {@link EmbeddedAether @EmbeddedAether}: no gateway
 * is started and the test beans point at the given one (how the same tests run against a real
 * gateway).
 */
class EmbeddedAetherExplicitAddressTests {

  private static MergedContextConfiguration config(String... properties) {
    return new MergedContextConfiguration(
        EmbeddedAetherExplicitAddressTests.class,
        new String[0],
        new Class<?>[0],
        Set.of(),
        new String[0],
        List.of(),
        properties,
        Set.of(),
        null,
        null,
        null);
  }

  @Test
  void addressInTheTestPropertiesIsUsedAndNoGatewayStarts() {
    try (EmbeddedAetherGateway external = EmbeddedAetherGateway.builder().start();
        GenericApplicationContext context = new GenericApplicationContext()) {
      new EmbeddedAetherContextCustomizer(0, "PERMISSIVE", null)
          .customizeContext(context, config("aether.address=" + external.address()));
      context.refresh();
      assertThat(context.containsBean(EmbeddedAether.GATEWAY_BEAN_NAME)).isFalse();
      AetherTestClient testClient = context.getBean(AetherTestClient.class);
      assertThat(testClient.client().options().address()).isEqualTo(external.address());
      assertThat(external.connectedIdentities()).contains(testClient.client().identity());
      assertThat(context.getBean(AetherListenerCapture.class)).isNotNull();
    }
  }

  @Test
  void addressFromTheCommandLineIsUsedAndNoGatewayStarts() {
    try (EmbeddedAetherGateway external = EmbeddedAetherGateway.builder().start();
        GenericApplicationContext context = new GenericApplicationContext()) {
      // what the factory passes on for -Daether.address=... or AETHER_ADDRESS
      new EmbeddedAetherContextCustomizer(0, "PERMISSIVE", external.address())
          .customizeContext(context, config());
      context.refresh();
      assertThat(context.containsBean(EmbeddedAether.GATEWAY_BEAN_NAME)).isFalse();
      assertThat(context.getBean(AetherTestClient.class).client().options().address())
          .isEqualTo(external.address());
    }
  }

  @Test
  void withoutAnAddressTheEmbeddedGatewayStarts() {
    try (GenericApplicationContext context = new GenericApplicationContext()) {
      new EmbeddedAetherContextCustomizer(0, "PERMISSIVE", null)
          .customizeContext(context, config());
      context.refresh();
      EmbeddedAetherGateway gateway =
          context.getBean(EmbeddedAether.GATEWAY_BEAN_NAME, EmbeddedAetherGateway.class);
      assertThat(context.getEnvironment().getProperty("aether.address"))
          .isEqualTo(gateway.address());
    }
  }
}
