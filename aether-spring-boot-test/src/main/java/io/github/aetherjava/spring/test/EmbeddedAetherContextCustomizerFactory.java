/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.test;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.util.ClassUtils;

/**
 * Creates the {@link ContextCustomizer} of {@link EmbeddedAether @EmbeddedAether} test classes.
 *
 * @since 0.1.0
 */
public class EmbeddedAetherContextCustomizerFactory implements ContextCustomizerFactory {

  static final String ADDRESS_PROPERTY = "aether.address";

  private static final String ADDRESS_VARIABLE = "AETHER_ADDRESS";

  private static final boolean GATEWAY_PRESENT =
      ClassUtils.isPresent(
          "io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway",
          EmbeddedAetherContextCustomizerFactory.class.getClassLoader());

  /** The address given on the command line or in the environment, which wins over the gateway. */
  private static @Nullable String explicitAddress() {
    String address = System.getProperty(ADDRESS_PROPERTY);
    if (address == null || address.isBlank()) {
      address = System.getenv(ADDRESS_VARIABLE);
    }
    return (address != null && !address.isBlank()) ? address.trim() : null;
  }

  @Override
  public @Nullable ContextCustomizer createContextCustomizer(
      Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
    EmbeddedAether annotation =
        TestContextAnnotationUtils.findMergedAnnotation(testClass, EmbeddedAether.class);
    if (annotation == null) {
      return null;
    }
    if (!GATEWAY_PRESENT && explicitAddress() == null) {
      throw new IllegalStateException(
          "@EmbeddedAether needs io.github.aetherjava:aether-gateway-embedded on the test classpath");
    }
    return new EmbeddedAetherContextCustomizer(
        annotation.port(), annotation.policyMode(), explicitAddress());
  }
}
