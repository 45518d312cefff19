/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure.admin;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.admin.AdminClient;
import io.github.aetherjava.spring.boot.autoconfigure.AetherAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Offers an {@link AdminClient} bean over the application's {@link AetherClient} when {@code
 * aether.admin.enabled=true}, i.e. when the client is configured with credentials of an identity
 * the gateway lets administer ({@code admin/<category>} grants, or an orchestrator). With several
 * client beans and none of them primary, no bean is offered: use {@code client.admin()} of the one
 * that holds the rights.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = AetherAutoConfiguration.class)
@ConditionalOnClass(AdminClient.class)
@ConditionalOnSingleCandidate(AetherClient.class)
@ConditionalOnProperty(prefix = "aether.admin", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(AetherAdminProperties.class)
public final class AetherAdminAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  AdminClient aetherAdminClient(AetherClient client) {
    return client.admin();
  }
}
