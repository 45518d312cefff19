/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure.clients;

import io.github.aetherjava.spring.boot.autoconfigure.AetherProperties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Named clients, each a bean named after its key, beside the single-principal sections of {@code
 * aether.*}: {@code aether.clients.billing.type=agent}, its identity, and optionally its own
 * address and credentials (everything else comes from the shared {@code aether.*} settings).
 *
 * @since 0.1.0
 */
@ConfigurationProperties("aether")
public class AetherNamedClientsProperties {

  /** Named clients: one client bean per entry, named after its key. */
  private final Map<String, NamedClient> clients = new LinkedHashMap<>();

  public Map<String, NamedClient> getClients() {
    return this.clients;
  }

  /** One named client. */
  public static class NamedClient {

    /**
     * Principal type: agent, task, user, orchestrator, bridge, service, workflow-engine or
     * metrics-bridge.
     */
    private @Nullable String type;

    /** Gateway address of this client; the shared aether.address when unset. */
    private @Nullable String address;

    /** Credentials of this client; the shared aether.credentials when none is set. */
    @NestedConfigurationProperty
    private final AetherProperties.Credentials credentials = new AetherProperties.Credentials();

    /** Workspace (agent, task, user). */
    private @Nullable String workspace;

    /** Implementation name (agent, task, orchestrator, bridge, service). */
    private @Nullable String implementation;

    /** Instance specifier (agent, orchestrator, bridge, service). */
    private @Nullable String specifier;

    /** Unique specifier of a task. */
    private @Nullable String uniqueSpecifier;

    /** User identifier (user). */
    private @Nullable String userId;

    /** Window identifier (user). */
    private @Nullable String windowId;

    /** Task profiles an orchestrator can launch. */
    private List<String> supportedProfiles = new ArrayList<>();

    /** Whether a service instance stays out of the implementation's consumer pool. */
    private boolean noPoolConsumer;

    public @Nullable String getType() {
      return this.type;
    }

    public void setType(@Nullable String type) {
      this.type = type;
    }

    public @Nullable String getAddress() {
      return this.address;
    }

    public void setAddress(@Nullable String address) {
      this.address = address;
    }

    public AetherProperties.Credentials getCredentials() {
      return this.credentials;
    }

    public @Nullable String getWorkspace() {
      return this.workspace;
    }

    public void setWorkspace(@Nullable String workspace) {
      this.workspace = workspace;
    }

    public @Nullable String getImplementation() {
      return this.implementation;
    }

    public void setImplementation(@Nullable String implementation) {
      this.implementation = implementation;
    }

    public @Nullable String getSpecifier() {
      return this.specifier;
    }

    public void setSpecifier(@Nullable String specifier) {
      this.specifier = specifier;
    }

    public @Nullable String getUniqueSpecifier() {
      return this.uniqueSpecifier;
    }

    public void setUniqueSpecifier(@Nullable String uniqueSpecifier) {
      this.uniqueSpecifier = uniqueSpecifier;
    }

    public @Nullable String getUserId() {
      return this.userId;
    }

    public void setUserId(@Nullable String userId) {
      this.userId = userId;
    }

    public @Nullable String getWindowId() {
      return this.windowId;
    }

    public void setWindowId(@Nullable String windowId) {
      this.windowId = windowId;
    }

    public List<String> getSupportedProfiles() {
      return this.supportedProfiles;
    }

    public void setSupportedProfiles(List<String> supportedProfiles) {
      this.supportedProfiles = supportedProfiles;
    }

    public boolean isNoPoolConsumer() {
      return this.noPoolConsumer;
    }

    public void setNoPoolConsumer(boolean noPoolConsumer) {
      this.noPoolConsumer = noPoolConsumer;
    }
  }
}
