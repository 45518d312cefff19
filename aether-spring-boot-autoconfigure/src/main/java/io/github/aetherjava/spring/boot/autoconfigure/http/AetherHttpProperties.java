/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the HTTP clients over the service proxy and of serving the application's own
 * endpoints, bound to {@code aether.http}.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("aether.http")
public class AetherHttpProperties {

  /** Deadline of each proxied call (time to the first byte for streamed responses). */
  private Duration timeout = Duration.ofSeconds(30);

  /**
   * Name of the client bean AetherHttp sends from when there are several; empty for the only (or
   * the primary) one.
   */
  private String clientBean = "";

  /** Named backend on the serving side; empty for its default. */
  private String backendName = "";

  /** How long a streamed response (WebClient) may go without a chunk. */
  private Duration streamIdleTimeout = Duration.ofSeconds(30);

  /** Largest response body accepted. */
  private DataSize maxResponseBodySize = DataSize.ofMegabytes(64);

  private final Serve serve = new Serve();

  public Duration getTimeout() {
    return this.timeout;
  }

  public void setTimeout(Duration timeout) {
    this.timeout = timeout;
  }

  public String getClientBean() {
    return this.clientBean;
  }

  public void setClientBean(String clientBean) {
    this.clientBean = clientBean;
  }

  public String getBackendName() {
    return this.backendName;
  }

  public void setBackendName(String backendName) {
    this.backendName = backendName;
  }

  public Duration getStreamIdleTimeout() {
    return this.streamIdleTimeout;
  }

  public void setStreamIdleTimeout(Duration streamIdleTimeout) {
    this.streamIdleTimeout = streamIdleTimeout;
  }

  public DataSize getMaxResponseBodySize() {
    return this.maxResponseBodySize;
  }

  public void setMaxResponseBodySize(DataSize maxResponseBodySize) {
    this.maxResponseBodySize = maxResponseBodySize;
  }

  public Serve getServe() {
    return this.serve;
  }

  /** Serving the application's own web endpoints to proxied callers. */
  public static class Serve {

    /**
     * Whether proxied requests to this application's service principal are forwarded to its own web
     * server over loopback.
     */
    private boolean enabled;

    /** Port to forward to; 0 for the application's own server port (local.server.port). */
    private int port;

    /**
     * Path patterns served (for example /api/**); others are answered ACL_DENIED. Empty serves
     * every path.
     */
    private List<String> allowedPaths = new ArrayList<>();

    /** Proxied requests forwarded at once. */
    private int maxConcurrency = 64;

    /** Proxied requests waiting for a slot; more are answered with status 503. */
    private int maxQueued = 1024;

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

    public List<String> getAllowedPaths() {
      return this.allowedPaths;
    }

    public void setAllowedPaths(List<String> allowedPaths) {
      this.allowedPaths = allowedPaths;
    }

    public int getMaxConcurrency() {
      return this.maxConcurrency;
    }

    public void setMaxConcurrency(int maxConcurrency) {
      this.maxConcurrency = maxConcurrency;
    }

    public int getMaxQueued() {
      return this.maxQueued;
    }

    public void setMaxQueued(int maxQueued) {
      this.maxQueued = maxQueued;
    }
  }
}
