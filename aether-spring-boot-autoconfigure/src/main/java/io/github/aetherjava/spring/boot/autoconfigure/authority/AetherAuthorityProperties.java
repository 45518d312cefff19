/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure.authority;

import io.github.aetherjava.client.authority.AuthorityCacheOptions;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the authority-grant integration, bound to {@code aether.authority}.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("aether.authority")
public class AetherAuthorityProperties {

  private final Cache cache = new Cache();

  public Cache getCache() {
    return this.cache;
  }

  /** The {@code AuthorityCache} bean. */
  public static class Cache {

    /** Whether an {@code AuthorityCache} bean over the application's client is offered. */
    private boolean enabled = true;

    /** How long before a grant's expiry it counts as stale and is exchanged again. */
    private Duration softRenewSkew = Duration.ofSeconds(30);

    /** Timeout of each exchange or derivation the cache makes. */
    private Duration operationTimeout = Duration.ofSeconds(10);

    /** Most grants kept; the least recently used one is dropped beyond it. */
    private int maxEntries = 1024;

    public boolean isEnabled() {
      return this.enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public Duration getSoftRenewSkew() {
      return this.softRenewSkew;
    }

    public void setSoftRenewSkew(Duration softRenewSkew) {
      this.softRenewSkew = softRenewSkew;
    }

    public Duration getOperationTimeout() {
      return this.operationTimeout;
    }

    public void setOperationTimeout(Duration operationTimeout) {
      this.operationTimeout = operationTimeout;
    }

    public int getMaxEntries() {
      return this.maxEntries;
    }

    public void setMaxEntries(int maxEntries) {
      this.maxEntries = maxEntries;
    }

    AuthorityCacheOptions toOptions() {
      return AuthorityCacheOptions.builder()
          .softRenewSkew(this.softRenewSkew)
          .operationTimeout(this.operationTimeout)
          .maxEntries(this.maxEntries)
          .build();
    }
  }
}
