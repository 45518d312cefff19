/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure.embedded;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded gateway started for development, bound to {@code aether.embedded}.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("aether.embedded")
public class AetherEmbeddedGatewayProperties {

  /**
   * Whether to start an embedded gateway when aether-gateway-embedded is on the classpath and
   * aether.address is not set.
   */
  private boolean enabled = true;

  /** Loopback TCP port of the embedded gateway, 0 for a free port. */
  private int port = 0;

  /**
   * Policy of the embedded gateway: PERMISSIVE, or LITE_PARITY to emulate AetherLite's rate limits
   * and dev-mode ACL denials.
   */
  private String policyMode = "PERMISSIVE";

  /**
   * Directory for file-backed KV, checkpoints and offline queues that survive a restart; in memory
   * when unset.
   */
  private @Nullable Path dataDirectory;

  public boolean isEnabled() {
    return this.enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public int getPort() {
    return this.port;
  }

  public void setPort(int port) {
    this.port = port;
  }

  public String getPolicyMode() {
    return this.policyMode;
  }

  public void setPolicyMode(String policyMode) {
    this.policyMode = policyMode;
  }

  public @Nullable Path getDataDirectory() {
    return this.dataDirectory;
  }

  public void setDataDirectory(@Nullable Path dataDirectory) {
    this.dataDirectory = dataDirectory;
  }
}
