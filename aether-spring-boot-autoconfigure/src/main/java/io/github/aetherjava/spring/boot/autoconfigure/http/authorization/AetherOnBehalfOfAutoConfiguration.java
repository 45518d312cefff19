/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure.http.authorization;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.AuthorizationContext;
import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.PrincipalRef;
import io.github.aetherjava.spring.boot.autoconfigure.InvalidAetherConfigurationException;
import io.github.aetherjava.spring.boot.autoconfigure.http.AetherHttpAutoConfiguration;
import io.github.aetherjava.spring.http.AetherAuthorizationResolver;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

/**
 * The {@link AetherAuthorizationResolver} that {@code AetherHttp} and {@code AetherWebClients} ask
 * for each call's authorization context: the context a web request stored in its {@link
 * AetherAuthorizationResolver#REQUEST_ATTRIBUTE} attribute ({@code
 * aether.http.on-behalf-of.request-attribute}), else the fixed subject and grant of {@code
 * aether.http.on-behalf-of.subject-id}/{@code grant-id}, else none (the caller's own authority).
 * Declare an {@code AetherAuthorizationResolver} bean to decide differently, for example from the
 * security context.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = AetherHttpAutoConfiguration.class)
@ConditionalOnClass({AetherClient.class, RestClient.class})
@EnableConfigurationProperties(AetherOnBehalfOfProperties.class)
public final class AetherOnBehalfOfAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  AetherAuthorizationResolver aetherAuthorizationResolver(AetherOnBehalfOfProperties properties) {
    AetherAuthorizationResolver fixed = fixed(properties);
    return properties.isRequestAttribute()
        ? AetherAuthorizationResolver.fromRequestAttribute().orElse(fixed)
        : fixed;
  }

  private static AetherAuthorizationResolver fixed(AetherOnBehalfOfProperties properties) {
    String subject = properties.getSubjectId();
    String grant = properties.getGrantId();
    if (subject.isBlank() && grant.isBlank()) {
      return AetherAuthorizationResolver.none();
    }
    if (subject.isBlank() || grant.isBlank()) {
      throw new InvalidAetherConfigurationException(
          subject.isBlank()
              ? "aether.http.on-behalf-of.subject-id"
              : "aether.http.on-behalf-of.grant-id",
          "subject-id and grant-id are set together or not at all",
          null);
    }
    try {
      return AetherAuthorizationResolver.fixed(
          AuthorizationContext.onBehalfOf(
              new PrincipalRef(properties.getSubjectType(), subject), grant));
    } catch (InvalidArgumentException e) {
      throw new InvalidAetherConfigurationException(
          "aether.http.on-behalf-of.subject-type", e.getMessage(), e);
    }
  }
}
