/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.test;

import io.github.aetherjava.gateway.embedded.CredentialsPolicy;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.github.aetherjava.gateway.embedded.PolicyMode;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts the embedded gateway of an {@link EmbeddedAether @EmbeddedAether} test context and
 * registers the test beans. Equal for equal settings, so contexts are cached as usual.
 */
class EmbeddedAetherContextCustomizer implements ContextCustomizer {

  private final int port;

  private final String policyMode;

  private final @Nullable String explicitAddress;

  EmbeddedAetherContextCustomizer(int port, String policyMode, @Nullable String explicitAddress) {
    this.port = port;
    this.policyMode = policyMode;
    this.explicitAddress = explicitAddress;
  }

  @Override
  public void customizeContext(
      ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
    String address = explicitAddress(mergedConfig);
    if (address != null) {
      // A gateway named on the command line or in the test's properties: run against it.
      registerTestBeans(context.getBeanFactory(), address);
      return;
    }
    EmbeddedAetherGateway gateway =
        EmbeddedAetherGateway.builder()
            .port(this.port)
            .credentialsPolicy(CredentialsPolicy.dev())
            .policyMode(
                PolicyMode.valueOf(this.policyMode.toUpperCase(Locale.ROOT).replace('-', '_')))
            .start();
    // Highest precedence: the test gateway wins over any aether.address of the application.
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "aetherEmbeddedTestGateway", Map.of("aether.address", gateway.address())));
    ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
    beanFactory.registerSingleton(EmbeddedAether.GATEWAY_BEAN_NAME, gateway);
    if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
      // Registered singletons are not destroyed by default. Disposables run in reverse registration
      // order, so the gateway goes last: after the application's clients and the test client.
      registry.registerDisposableBean(EmbeddedAether.GATEWAY_BEAN_NAME, gateway::close);
    }
    registerTestBeans(beanFactory, gateway.address());
  }

  private @Nullable String explicitAddress(MergedContextConfiguration mergedConfig) {
    for (String property : mergedConfig.getPropertySourceProperties()) {
      String trimmed = property.trim();
      if (trimmed.startsWith(EmbeddedAetherContextCustomizerFactory.ADDRESS_PROPERTY + "=")
          || trimmed.startsWith(EmbeddedAetherContextCustomizerFactory.ADDRESS_PROPERTY + ":")) {
        String value =
            trimmed.substring(EmbeddedAetherContextCustomizerFactory.ADDRESS_PROPERTY.length() + 1);
        if (!value.isBlank()) {
          return value.trim();
        }
      }
    }
    return this.explicitAddress;
  }

  private static void registerTestBeans(
      ConfigurableListableBeanFactory beanFactory, String address) {
    beanFactory.registerSingleton("aetherListenerCapture", new AetherListenerCapture());
    AetherTestClient testClient = new AetherTestClient(address);
    beanFactory.registerSingleton("aetherTestClient", testClient);
    if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
      registry.registerDisposableBean("aetherTestClient", testClient::close);
    }
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof EmbeddedAetherContextCustomizer that
        && this.port == that.port
        && this.policyMode.equals(that.policyMode)
        && Objects.equals(this.explicitAddress, that.explicitAddress);
  }

  @Override
  public int hashCode() {
    return Objects.hash(this.port, this.policyMode, this.explicitAddress);
  }
}
