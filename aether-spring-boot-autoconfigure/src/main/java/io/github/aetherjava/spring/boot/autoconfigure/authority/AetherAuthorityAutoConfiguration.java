/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure.authority;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.authority.AuthorityCache;
import io.github.aetherjava.client.authority.AuthorityGrants;
import io.github.aetherjava.client.authority.AuthorityRequests;
import io.github.aetherjava.spring.boot.autoconfigure.AetherAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Offers the application's client's {@link AuthorityGrants}, its {@link AuthorityRequests} and an
 * {@link AuthorityCache} over the grants (closed with the context), configured by {@code
 * aether.authority.cache.*}. With several client beans and none of them primary, nothing is
 * offered: use {@code client.authority()} of the one that acts for users.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = AetherAutoConfiguration.class)
@ConditionalOnClass(AuthorityGrants.class)
@ConditionalOnSingleCandidate(AetherClient.class)
@EnableConfigurationProperties(AetherAuthorityProperties.class)
public final class AetherAuthorityAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  AuthorityGrants aetherAuthorityGrants(AetherClient client) {
    return client.authority();
  }

  @Bean
  @ConditionalOnMissingBean
  AuthorityRequests aetherAuthorityRequests(AetherClient client) {
    return client.authorityRequests();
  }

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBooleanProperty(name = "aether.authority.cache.enabled", matchIfMissing = true)
  AuthorityCache aetherAuthorityCache(
      AuthorityGrants grants, AetherAuthorityProperties properties) {
    return grants.newCache(properties.getCache().toOptions());
  }
}
