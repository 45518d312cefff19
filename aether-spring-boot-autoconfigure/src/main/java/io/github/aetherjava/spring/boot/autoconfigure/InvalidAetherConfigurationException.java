/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * Thrown at startup when an {@code aether.*} setting cannot be turned into a working client.
 * Carries the name of the offending property so that {@link AetherFailureAnalyzer} can point at it.
 *
 * @since 0.1.0
 */
public class InvalidAetherConfigurationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String property;

  /**
   * Create a new instance.
   *
   * @param property the name of the property (or section) that is invalid
   * @param reason why it is invalid
   * @param cause the underlying failure, if any
   */
  public InvalidAetherConfigurationException(
      String property, String reason, @Nullable Throwable cause) {
    super("Invalid Aether configuration '" + property + "': " + reason, cause);
    this.property = property;
  }

  /**
   * Return the name of the property (or property section) that is invalid.
   *
   * @return the property name
   */
  public String getProperty() {
    return this.property;
  }
}
