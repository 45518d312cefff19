/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns {@link InvalidAetherConfigurationException} into a startup report that names the property.
 *
 * @since 0.1.0
 */
public class AetherFailureAnalyzer
    extends AbstractFailureAnalyzer<InvalidAetherConfigurationException> {

  @Override
  protected FailureAnalysis analyze(
      Throwable rootFailure, InvalidAetherConfigurationException cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "Update your application's configuration: correct or remove '"
            + cause.getProperty()
            + "'. See docs/configuration.md for every aether.* property.",
        cause);
  }
}
