/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure.clients;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.spring.boot.autoconfigure.AetherAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of named clients ({@code aether.clients.<name>.*}): one client bean per entry,
 * beside the single-principal clients of {@link AetherAutoConfiguration}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = AetherAutoConfiguration.class)
@ConditionalOnClass(AetherClient.class)
@EnableConfigurationProperties(AetherNamedClientsProperties.class)
public final class AetherNamedClientsAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  static AetherNamedClientsRegistrar aetherNamedClientsRegistrar() {
    return new AetherNamedClientsRegistrar();
  }
}
