/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the Aether health contributor, bound to {@code management.health.aether}.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("management.health.aether")
public class AetherHealthProperties {

  /**
   * How long a connecting or reconnecting client is still reported UP before it becomes
   * OUT_OF_SERVICE.
   */
  private Duration reconnectGracePeriod = Duration.ofSeconds(30);

  public Duration getReconnectGracePeriod() {
    return this.reconnectGracePeriod;
  }

  public void setReconnectGracePeriod(Duration reconnectGracePeriod) {
    this.reconnectGracePeriod = reconnectGracePeriod;
  }
}
