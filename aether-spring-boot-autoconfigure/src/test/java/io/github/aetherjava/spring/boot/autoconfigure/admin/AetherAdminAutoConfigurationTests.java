/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.admin.AdminClient;
import io.github.aetherjava.client.admin.GatewayHealth;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.github.aetherjava.spring.boot.autoconfigure.AetherAutoConfiguration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class AetherAdminAutoConfigurationTests {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  AetherAutoConfiguration.class, AetherAdminAutoConfiguration.class))
          .withClassLoader(new FilteredClassLoader(EmbeddedAetherGateway.class))
          .withPropertyValues(
              "aether.address=127.0.0.1:1",
              "aether.connect-on-startup=false",
              "aether.agent.workspace=ops",
              "aether.agent.implementation=console",
              "aether.agent.specifier=s1");

  @Test
  void offersNoAdminClientUnlessEnabled() {
    this.runner.run((context) -> assertThat(context).doesNotHaveBean(AdminClient.class));
  }

  @Test
  void offersTheClientsAdminClientWhenEnabled() {
    this.runner
        .withPropertyValues("aether.admin.enabled=true")
        .run(
            (context) -> {
              assertThat(context).hasSingleBean(AdminClient.class);
              assertThat(context.getBean(AdminClient.class))
                  .isSameAs(context.getBean(AgentClient.class).admin());
            });
  }

  @Test
  void backsOffForAUserDefinedAdminClient() {
    this.runner
        .withPropertyValues("aether.admin.enabled=true")
        .withUserConfiguration(CustomAdmin.class)
        .run(
            (context) ->
                assertThat(context)
                    .hasSingleBean(AdminClient.class)
                    .hasBean("customAdmin")
                    .doesNotHaveBean("aetherAdminClient"));
  }

  @Test
  void backsOffWithSeveralClients() {
    this.runner
        .withPropertyValues(
            "aether.admin.enabled=true",
            "aether.service.implementation=search",
            "aether.service.specifier=1")
        .run(
            (context) -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(AdminClient.class);
            });
  }

  @Test
  void backsOffWithoutAClient() {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                AetherAutoConfiguration.class, AetherAdminAutoConfiguration.class))
        .withClassLoader(new FilteredClassLoader(EmbeddedAetherGateway.class))
        .withPropertyValues("aether.admin.enabled=true")
        .run((context) -> assertThat(context).doesNotHaveBean(AdminClient.class));
  }

  @Test
  void theBeanTalksToTheGateway() {
    try (EmbeddedAetherGateway gateway = EmbeddedAetherGateway.builder().port(0).start()) {
      this.runner
          .withPropertyValues(
              "aether.admin.enabled=true",
              "aether.address=127.0.0.1:" + gateway.port(),
              "aether.connect-on-startup=true")
          .run(
              (context) -> {
                AdminClient admin = context.getBean(AdminClient.class);
                assertThat(admin.health().get(10, TimeUnit.SECONDS).status())
                    .isEqualTo(GatewayHealth.Status.SERVING);
                assertThat(admin.connections().get(10, TimeUnit.SECONDS)).hasSize(1);
              });
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class CustomAdmin {
    @Bean
    AdminClient customAdmin(AgentClient client) {
      return client.admin();
    }
  }
}
