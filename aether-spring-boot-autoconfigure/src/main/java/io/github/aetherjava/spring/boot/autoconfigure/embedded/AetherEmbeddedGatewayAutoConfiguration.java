/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure.embedded;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.gateway.embedded.CredentialsPolicy;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.github.aetherjava.gateway.embedded.PolicyMode;
import io.github.aetherjava.spring.boot.autoconfigure.AetherAutoConfiguration;
import io.github.aetherjava.spring.boot.autoconfigure.AetherConnectionDetails;
import io.github.aetherjava.spring.boot.autoconfigure.InvalidAetherConfigurationException;
import java.util.Locale;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Starts an {@link EmbeddedAetherGateway} for development when {@code aether-gateway-embedded} is
 * on the classpath, {@code aether.address} is not set and no {@link AetherConnectionDetails} bean
 * exists, and points every client at it (as Boot does for embedded databases). Disabled with {@code
 * aether.embedded.enabled=false}. Keep {@code aether-gateway-embedded} out of the production jar
 * (test scope, run the app for development with {@code spring-boot:test-run}); when it does start
 * inside an application it says so at WARN and in the health details.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = AetherAutoConfiguration.class)
@ConditionalOnClass({AetherClient.class, EmbeddedAetherGateway.class})
@ConditionalOnBooleanProperty(name = "aether.embedded.enabled", matchIfMissing = true)
@Conditional(AetherEmbeddedGatewayAutoConfiguration.NoAddressCondition.class)
@EnableConfigurationProperties(AetherEmbeddedGatewayProperties.class)
public final class AetherEmbeddedGatewayAutoConfiguration {

  /** Bean name of the embedded gateway. */
  public static final String GATEWAY_BEAN_NAME = "aetherEmbeddedGateway";

  private static final Log logger = LogFactory.getLog(AetherEmbeddedGatewayAutoConfiguration.class);

  @Bean(name = GATEWAY_BEAN_NAME, destroyMethod = "close")
  // An AetherConnectionDetails bean (a test's external gateway, a container) means: not embedded.
  @ConditionalOnMissingBean({EmbeddedAetherGateway.class, AetherConnectionDetails.class})
  EmbeddedAetherGateway aetherEmbeddedGateway(AetherEmbeddedGatewayProperties properties) {
    PolicyMode mode;
    try {
      mode =
          PolicyMode.valueOf(
              properties.getPolicyMode().trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException ex) {
      throw new InvalidAetherConfigurationException(
          "aether.embedded.policy-mode", "must be PERMISSIVE or LITE_PARITY", ex);
    }
    EmbeddedAetherGateway.Builder builder =
        EmbeddedAetherGateway.builder()
            .port(properties.getPort())
            .credentialsPolicy(CredentialsPolicy.dev())
            .policyMode(mode);
    if (properties.getDataDirectory() != null) {
      builder.dataDirectory(properties.getDataDirectory());
    }
    EmbeddedAetherGateway gateway = builder.start();
    logger.warn(
        "Started an EMBEDDED Aether gateway on "
            + gateway.address()
            + " because aether.address is not set. It is for development and tests only, NOT FOR PRODUCTION:"
            + " set aether.address to use a real gateway, or aether.embedded.enabled=false to turn this off.");
    return gateway;
  }

  @Bean
  @ConditionalOnMissingBean(AetherConnectionDetails.class)
  AetherConnectionDetails aetherConnectionDetails(EmbeddedAetherGateway aetherEmbeddedGateway) {
    String address = aetherEmbeddedGateway.address();
    return () -> address;
  }

  /** Matches when {@code aether.address} is not set. */
  static class NoAddressCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(
        ConditionContext context, AnnotatedTypeMetadata metadata) {
      String address = context.getEnvironment().getProperty("aether.address");
      if (address == null || address.isBlank()) {
        return ConditionOutcome.match("aether.address is not set");
      }
      return ConditionOutcome.noMatch("aether.address is set to " + address);
    }
  }
}
