/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.ConnectionState;
import io.github.aetherjava.client.Credentials;
import io.github.aetherjava.gateway.embedded.ApiKey;
import io.github.aetherjava.gateway.embedded.CredentialsPolicy;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.github.aetherjava.proto.v1.PrincipalType;
import io.github.aetherjava.spring.boot.autoconfigure.clients.AetherNamedClientsAutoConfiguration;
import io.github.aetherjava.spring.boot.autoconfigure.embedded.AetherEmbeddedGatewayAutoConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * An {@link AetherConnectionDetails} bean decides where and as whom every client connects: it wins
 * over {@code aether.address} and {@code aether.credentials.*} for the configured and the named
 * clients, and a named client's own {@code address}/{@code credentials} still win over it.
 */
class AetherConnectionDetailsTests {

  private static final String KEY = "details-key";

  private static EmbeddedAetherGateway gateway;

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  AetherEmbeddedGatewayAutoConfiguration.class,
                  AetherAutoConfiguration.class,
                  AetherNamedClientsAutoConfiguration.class))
          .withPropertyValues(
              // where the properties point: nowhere, with a key the gateway refuses
              "aether.address=127.0.0.1:1",
              "aether.credentials.api-key=wrong-key",
              "aether.fail-fast=true",
              "aether.connect-timeout=10s",
              "aether.agent.workspace=prod",
              "aether.agent.implementation=configured",
              "aether.agent.specifier=1",
              "aether.clients.named.type=agent",
              "aether.clients.named.workspace=prod",
              "aether.clients.named.implementation=named",
              "aether.clients.named.specifier=1");

  @BeforeAll
  static void start() {
    gateway =
        EmbeddedAetherGateway.builder()
            .credentialsPolicy(
                CredentialsPolicy.apiKeys(ApiKey.of(KEY, PrincipalType.PRINCIPAL_AGENT)))
            .start();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static AetherConnectionDetails details() {
    return new AetherConnectionDetails() {
      @Override
      public String getAddress() {
        return gateway.address();
      }

      @Override
      public Credentials getCredentials() {
        return Credentials.apiKey(KEY);
      }
    };
  }

  @Test
  void aConnectionDetailsBeanConnectsConfiguredAndNamedClients() {
    this.runner
        .withBean(AetherConnectionDetails.class, AetherConnectionDetailsTests::details)
        .run(
            (context) -> {
              assertThat(context)
                  .hasNotFailed()
                  .doesNotHaveBean(PropertiesAetherConnectionDetails.class)
                  .doesNotHaveBean(EmbeddedAetherGateway.class);
              assertThat(context.getBeansOfType(AetherClient.class))
                  .containsOnlyKeys("aetherAgentClient", "named");
              for (AetherClient client : context.getBeansOfType(AetherClient.class).values()) {
                assertThat(client.options().address()).isEqualTo(gateway.address());
                assertThat(client.options().credentials()).isEqualTo(Credentials.apiKey(KEY));
                // fail-fast: the context only started because the gateway accepted the key
                assertThat(client.state()).isEqualTo(ConnectionState.READY);
              }
            });
  }

  @Test
  void aNamedClientsOwnAddressAndCredentialsWinOverTheDetails() {
    this.runner
        .withBean(AetherConnectionDetails.class, AetherConnectionDetailsTests::details)
        .withPropertyValues(
            "aether.connect-on-startup=false",
            "aether.clients.named.address=elsewhere.internal:50051",
            "aether.clients.named.credentials.token=named-token")
        .run(
            (context) -> {
              AetherClient named = context.getBean("named", AetherClient.class);
              assertThat(named.options().address()).isEqualTo("elsewhere.internal:50051");
              assertThat(named.options().credentials())
                  .isEqualTo(Credentials.bearerToken("named-token"));
              AetherClient configured = context.getBean("aetherAgentClient", AetherClient.class);
              assertThat(configured.options().address()).isEqualTo(gateway.address());
            });
  }

  @Test
  void withoutTheBeanThePropertiesDecide() {
    this.runner
        .withPropertyValues("aether.connect-on-startup=false")
        .run(
            (context) -> {
              assertThat(context).hasSingleBean(PropertiesAetherConnectionDetails.class);
              for (AetherClient client : context.getBeansOfType(AetherClient.class).values()) {
                assertThat(client.options().address()).isEqualTo("127.0.0.1:1");
                assertThat(client.options().credentials())
                    .isEqualTo(Credentials.apiKey("wrong-key"));
              }
            });
  }
}
