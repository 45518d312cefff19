/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure.health;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.spring.boot.autoconfigure.AetherAutoConfiguration;
import io.github.aetherjava.spring.boot.autoconfigure.AetherConnectionDetails;
import io.github.aetherjava.spring.boot.autoconfigure.embedded.AetherEmbeddedGatewayAutoConfiguration;
import io.github.aetherjava.spring.health.AetherHealthIndicator;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.CompositeHealthContributorConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration for the {@code aether} health contributor: one component per client bean,
 * named after the bean. Disabled with {@code management.health.aether.enabled=false}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = AetherAutoConfiguration.class)
@ConditionalOnClass({
  AetherClient.class,
  AetherHealthIndicator.class,
  ConditionalOnEnabledHealthIndicator.class
})
@ConditionalOnBean(AetherClient.class)
@ConditionalOnEnabledHealthIndicator("aether")
@EnableConfigurationProperties(AetherHealthProperties.class)
public final class AetherHealthContributorAutoConfiguration
    extends CompositeHealthContributorConfiguration<AetherHealthIndicator, AetherClient> {

  AetherHealthContributorAutoConfiguration(
      AetherHealthProperties properties, ListableBeanFactory beanFactory) {
    super(
        (client) ->
            new AetherHealthIndicator(
                client,
                properties.getReconnectGracePeriod(),
                Clock.systemUTC(),
                embeddedGatewayAddress(beanFactory)));
  }

  private static @Nullable String embeddedGatewayAddress(ListableBeanFactory beanFactory) {
    if (!beanFactory.containsBean(AetherEmbeddedGatewayAutoConfiguration.GATEWAY_BEAN_NAME)) {
      return null;
    }
    // The embedded gateway's connection details carry its address without needing its class.
    AetherConnectionDetails details =
        beanFactory.getBeanProvider(AetherConnectionDetails.class).getIfUnique();
    return (details != null) ? details.getAddress() : null;
  }

  @Bean
  @ConditionalOnMissingBean(name = {"aetherHealthIndicator", "aetherHealthContributor"})
  HealthContributor aetherHealthContributor(ConfigurableListableBeanFactory beanFactory) {
    return createContributor(beanFactory, AetherClient.class);
  }
}
