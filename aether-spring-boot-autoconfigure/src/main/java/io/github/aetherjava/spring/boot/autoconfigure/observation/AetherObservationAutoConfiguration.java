/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure.observation;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.spring.boot.autoconfigure.AetherAutoConfiguration;
import io.github.aetherjava.spring.boot.autoconfigure.AetherClientOptionsCustomizer;
import io.github.aetherjava.spring.observation.AetherListenerObservationConvention;
import io.github.aetherjava.spring.observation.AetherRequestObservationConvention;
import io.github.aetherjava.spring.observation.ObservationAetherListenerInterceptor;
import io.github.aetherjava.spring.observation.ObservationClientObserver;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration for Micrometer observations of listener invocations and outbound requests.
 * Requests of every client bean (configured, named or built by the application) are observed, and
 * of clients built at run time from the shared {@code AetherClientOptions}; a client is never
 * observed twice. Disabled with {@code aether.observation.enabled=false}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(
    after = AetherAutoConfiguration.class,
    afterName =
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({AetherClient.class, ObservationRegistry.class})
@ConditionalOnBean(ObservationRegistry.class)
@ConditionalOnBooleanProperty(name = "aether.observation.enabled", matchIfMissing = true)
public final class AetherObservationAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  ObservationAetherListenerInterceptor aetherObservationListenerInterceptor(
      ObservationRegistry registry,
      ObjectProvider<AetherListenerObservationConvention> convention) {
    return new ObservationAetherListenerInterceptor(registry, convention.getIfAvailable());
  }

  @Bean
  @ConditionalOnMissingBean
  ObservationClientObserver aetherObservationClientObserver(
      ObservationRegistry registry, ObjectProvider<AetherRequestObservationConvention> convention) {
    return new ObservationClientObserver(registry, convention.getIfAvailable());
  }

  @Bean
  static BeanPostProcessor aetherObservationClientPostProcessor(
      ObjectProvider<ObservationClientObserver> observer) {
    // Every client bean, however it was built, before it sends its first request.
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AetherClient client) {
          client.addObserver(observer.getObject());
        }
        return bean;
      }
    };
  }

  @Bean
  AetherClientOptionsCustomizer aetherObservationClientOptionsCustomizer(
      ObservationClientObserver observer) {
    return (builder) -> builder.addObserver(observer);
  }
}
