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

  EmbeddedAetherContextCustomizer(int port, String policyMode) {
    this.port = port;
    this.policyMode = policyMode;
  }

  @Override
  public void customizeContext(
      ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
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
    AetherListenerCapture capture = new AetherListenerCapture();
    beanFactory.registerSingleton("aetherListenerCapture", capture);
    AetherTestClient testClient = new AetherTestClient(gateway.address());
    beanFactory.registerSingleton("aetherTestClient", testClient);
    if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
      // Registered singletons are not destroyed by default. Disposables run in reverse registration
      // order, so the gateway goes last: after the application's clients and the test client.
      registry.registerDisposableBean(EmbeddedAether.GATEWAY_BEAN_NAME, gateway::close);
      registry.registerDisposableBean("aetherTestClient", testClient::close);
    }
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof EmbeddedAetherContextCustomizer that
        && this.port == that.port
        && this.policyMode.equals(that.policyMode);
  }

  @Override
  public int hashCode() {
    return Objects.hash(this.port, this.policyMode);
  }
}
