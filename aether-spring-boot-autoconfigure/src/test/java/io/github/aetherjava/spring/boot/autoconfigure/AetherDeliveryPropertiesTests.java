/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.delivery.DeliveryMode;
import io.github.aetherjava.client.delivery.SendPacing;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The {@code aether.delivery.*} properties, keepalive and failover addresses. */
class AetherDeliveryPropertiesTests {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(AetherAutoConfiguration.class))
          .withClassLoader(new FilteredClassLoader(EmbeddedAetherGateway.class))
          .withPropertyValues("aether.connect-on-startup=false");

  @Test
  void defaultsAreAtMostOnceWithoutPacing() {
    this.runner
        .withPropertyValues("aether.address=127.0.0.1:1")
        .run(
            (context) -> {
              AetherClientOptions options = context.getBean(AetherClientOptions.class);
              assertThat(options.deliveryMode()).isEqualTo(DeliveryMode.AT_MOST_ONCE);
              assertThat(options.sendPacing()).isEqualTo(SendPacing.off());
            });
  }

  @Test
  void deliveryKeepaliveAndAListOfInstancesReachTheOptions() {
    this.runner
        .withPropertyValues(
            "aether.address=gw1:50051,gw2:50051",
            "aether.delivery.mode=confirmed",
            "aether.delivery.pacing-rate=80",
            "aether.delivery.pacing-burst=10",
            "aether.keepalive.time=10s",
            "aether.keepalive.timeout=2s")
        .run(
            (context) -> {
              AetherClientOptions options = context.getBean(AetherClientOptions.class);
              assertThat(options.address()).isEqualTo("gw1:50051,gw2:50051");
              assertThat(options.deliveryMode()).isEqualTo(DeliveryMode.CONFIRMED);
              assertThat(options.sendPacing()).isEqualTo(SendPacing.aetherLite());
              assertThat(options.keepAliveTime()).hasSeconds(10);
              assertThat(options.keepAliveTimeout()).hasSeconds(2);
            });
  }

  @Test
  void aDnsTargetIsAccepted() {
    this.runner
        .withPropertyValues("aether.address=dns:///gw.example:50051")
        .run(
            (context) ->
                assertThat(context.getBean(AetherClientOptions.class).address())
                    .isEqualTo("dns:///gw.example:50051"));
  }

  @Test
  void badValuesFailNamingTheProperty() {
    this.runner
        .withPropertyValues(
            "aether.address=gw1:50051,gw2",
            "aether.delivery.pacing-rate=-1",
            "aether.delivery.pacing-burst=0")
        .run(
            (context) ->
                assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("address")
                    .hasMessageContaining("address entry 2 must be host:port: gw2")
                    .hasMessageContaining("delivery.pacingRate")
                    .hasMessageContaining("delivery.pacingBurst"));
  }
}
