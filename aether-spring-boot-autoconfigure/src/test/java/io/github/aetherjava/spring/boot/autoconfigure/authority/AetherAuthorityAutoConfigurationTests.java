/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure.authority;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aetherjava.client.UserClient;
import io.github.aetherjava.client.authority.AuthorityCache;
import io.github.aetherjava.client.authority.AuthorityCacheOptions;
import io.github.aetherjava.client.authority.AuthorityGrant;
import io.github.aetherjava.client.authority.AuthorityGrants;
import io.github.aetherjava.client.authority.AuthorityRequests;
import io.github.aetherjava.client.authority.GrantSpec;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.github.aetherjava.spring.boot.autoconfigure.AetherAutoConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class AetherAuthorityAutoConfigurationTests {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  AetherAutoConfiguration.class, AetherAuthorityAutoConfiguration.class))
          .withClassLoader(new FilteredClassLoader(EmbeddedAetherGateway.class))
          .withPropertyValues(
              "aether.address=127.0.0.1:1",
              "aether.connect-on-startup=false",
              "aether.user.user-id=alice",
              "aether.user.window-id=tab-1");

  @Test
  void offersTheClientsGrantsAndACacheWithTheConfiguredBound() {
    this.runner
        .withPropertyValues("aether.authority.cache.max-entries=1")
        .run(
            (context) -> {
              assertThat(context)
                  .hasSingleBean(AuthorityGrants.class)
                  .hasSingleBean(AuthorityCache.class);
              assertThat(context.getBean(AuthorityGrants.class))
                  .isSameAs(context.getBean(UserClient.class).authority());
              assertThat(context.getBean(AuthorityRequests.class))
                  .isSameAs(context.getBean(UserClient.class).authorityRequests());
              assertThat(
                      context
                          .getBean(AetherAuthorityProperties.class)
                          .getCache()
                          .toOptions()
                          .maxEntries())
                  .isEqualTo(1);
            });
  }

  @Test
  void propertyDefaultsAreTheCacheDefaults() {
    AuthorityCacheOptions fromProperties = new AetherAuthorityProperties().getCache().toOptions();
    AuthorityCacheOptions defaults = AuthorityCacheOptions.defaults();
    assertThat(fromProperties.softRenewSkew()).isEqualTo(defaults.softRenewSkew());
    assertThat(fromProperties.operationTimeout()).isEqualTo(defaults.operationTimeout());
    assertThat(fromProperties.maxEntries()).isEqualTo(defaults.maxEntries());
  }

  @Test
  void theCacheCanBeSwitchedOff() {
    this.runner
        .withPropertyValues("aether.authority.cache.enabled=false")
        .run(
            (context) ->
                assertThat(context)
                    .hasSingleBean(AuthorityGrants.class)
                    .doesNotHaveBean(AuthorityCache.class));
  }

  @Test
  void backsOffForAUserDefinedCache() {
    this.runner
        .withUserConfiguration(CustomCache.class)
        .run(
            (context) ->
                assertThat(context)
                    .hasSingleBean(AuthorityCache.class)
                    .hasBean("customCache")
                    .doesNotHaveBean("aetherAuthorityCache"));
  }

  @Test
  void backsOffWithSeveralClientsOrNone() {
    this.runner
        .withPropertyValues("aether.service.implementation=search", "aether.service.specifier=1")
        .run(
            (context) -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(AuthorityCache.class);
            });
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                AetherAutoConfiguration.class, AetherAuthorityAutoConfiguration.class))
        .withClassLoader(new FilteredClassLoader(EmbeddedAetherGateway.class))
        .run((context) -> assertThat(context).doesNotHaveBean(AuthorityGrants.class));
  }

  @Test
  void theCacheExchangesOnceAgainstTheGateway() {
    try (EmbeddedAetherGateway gateway = EmbeddedAetherGateway.builder().port(0).start()) {
      this.runner
          .withPropertyValues(
              "aether.address=127.0.0.1:" + gateway.port(), "aether.connect-on-startup=true")
          .run(
              (context) -> {
                AuthorityCache cache = context.getBean(AuthorityCache.class);
                Instant now = Instant.now();
                GrantSpec spec =
                    GrantSpec.builder(
                            20, now.plus(Duration.ofMinutes(5)), now.plus(Duration.ofHours(1)))
                        .build();
                AuthorityGrant first = cache.getOrExchange("", spec).get(10, TimeUnit.SECONDS);
                AuthorityGrant second = cache.getOrExchange("", spec).get(10, TimeUnit.SECONDS);
                assertThat(second.grantId()).isEqualTo(first.grantId());
                assertThat(
                        context
                            .getBean(AuthorityGrants.class)
                            .listOnMe(false, Duration.ofSeconds(10))
                            .get(10, TimeUnit.SECONDS))
                    .hasSize(1);
              });
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class CustomCache {
    @Bean
    AuthorityCache customCache(UserClient client) {
      return client.authority().newCache(AuthorityCacheOptions.defaults());
    }
  }
}
