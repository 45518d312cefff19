/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the administration integration, bound to {@code aether.admin}.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("aether.admin")
public class AetherAdminProperties {

  /**
   * Whether the application's client runs with administrator credentials, so that an {@code
   * AdminClient} bean over its connection is offered.
   */
  private boolean enabled;

  public boolean isEnabled() {
    return this.enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }
}
