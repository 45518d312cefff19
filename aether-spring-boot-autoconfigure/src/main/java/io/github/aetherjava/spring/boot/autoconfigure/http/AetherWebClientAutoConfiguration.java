/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure.http;

import io.github.aetherjava.spring.http.AetherHttp;
import io.github.aetherjava.spring.http.AetherWebClients;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration of WebFlux {@code WebClient}s over the service proxy: an {@link
 * AetherWebClients} bean ({@code aetherWebClients.webClient("sv::memorylayer")}) beside the {@link
 * AetherHttp} bean, only when WebFlux is on the classpath.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = AetherHttpAutoConfiguration.class)
@ConditionalOnClass(WebClient.class)
@ConditionalOnBean(AetherHttp.class)
public final class AetherWebClientAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  AetherWebClients aetherWebClients(AetherHttp http) {
    return new AetherWebClients(http);
  }
}
