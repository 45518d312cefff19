/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure.metrics;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.spring.boot.autoconfigure.AetherAutoConfiguration;
import io.github.aetherjava.spring.boot.autoconfigure.AetherClientOptionsCustomizer;
import io.github.aetherjava.spring.boot.autoconfigure.listener.AetherListenerAutoConfiguration;
import io.github.aetherjava.spring.listener.AetherListenerEndpointRegistry;
import io.github.aetherjava.spring.metrics.AetherClientMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration for Micrometer metrics of Aether clients: registers {@link
 * AetherClientMetrics} as an observer of every auto-configured client and binds its gauges to every
 * client bean.
 *
 * @since 0.1.0
 */
@AutoConfiguration(
    after = {AetherAutoConfiguration.class, AetherListenerAutoConfiguration.class},
    afterName = {
      "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"
    })
@ConditionalOnClass({AetherClient.class, MeterRegistry.class})
@ConditionalOnBean(MeterRegistry.class)
public final class AetherMetricsAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  AetherClientMetrics aetherClientMetrics(MeterRegistry meterRegistry) {
    return new AetherClientMetrics(meterRegistry);
  }

  @Bean
  AetherClientOptionsCustomizer aetherMetricsClientOptionsCustomizer(AetherClientMetrics metrics) {
    return (builder) -> builder.addObserver(metrics);
  }

  @Bean
  SmartInitializingSingleton aetherClientMetricsBinder(
      AetherClientMetrics metrics, ListableBeanFactory beanFactory) {
    // Gauges exist from startup, not only after the first state change.
    return () -> {
      beanFactory
          .getBeansOfType(AetherClient.class, false, false)
          .values()
          .forEach(metrics::bindTo);
      beanFactory
          .getBeanProvider(AetherListenerEndpointRegistry.class)
          .ifAvailable((registry) -> registry.getListenerContainers().forEach(metrics::bindTo));
    };
  }
}
