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
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration for Micrometer metrics of Aether clients: {@link AetherClientMetrics} observes
 * every client bean (configured, named or built by the application) and binds its gauges to it, and
 * is in the shared {@code AetherClientOptions} so clients built from them at run time are counted
 * too. A client is never observed twice.
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
  static BeanPostProcessor aetherClientMetricsPostProcessor(
      ObjectProvider<AetherClientMetrics> metrics) {
    // Every client bean, however it was built, before it connects; gauges exist from then on.
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AetherClient client) {
          AetherClientMetrics clientMetrics = metrics.getObject();
          client.addObserver(clientMetrics);
          clientMetrics.bindTo(client);
        }
        return bean;
      }
    };
  }

  @Bean
  SmartInitializingSingleton aetherListenerMetricsBinder(
      AetherClientMetrics metrics, ListableBeanFactory beanFactory) {
    return () ->
        beanFactory
            .getBeanProvider(AetherListenerEndpointRegistry.class)
            .ifAvailable((registry) -> registry.getListenerContainers().forEach(metrics::bindTo));
  }
}
