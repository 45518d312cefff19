/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure.coordination;

import io.github.aetherjava.client.kv.KvScope;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of Aether coordination, bound to {@code aether.coordination}. Setting {@code scope}
 * turns it on. The defaults are those of {@code CoordinationOptions} and of the lock registry and
 * provider classes.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("aether.coordination")
public class AetherCoordinationProperties {

  /**
   * KV scope holding the coordination keys; setting it enables coordination (locks, leader
   * election, ShedLock). Every instance must use the same scope and workspace: use a shared scope
   * (global, workspace), which AetherLite in dev mode denies until an ACL grant exists.
   */
  private @Nullable KvScope scope;

  /** Workspace of the scope, for workspace scopes (default: the client's own workspace). */
  private @Nullable String workspace;

  /** User id of the scope, for user scopes. */
  private @Nullable String userId;

  /** Lease of a lock, leadership or permit; a crashed holder's lock frees itself after it. */
  private Duration leaseTime = Duration.ofSeconds(30);

  /** Interval between renewals of a held lease (below 90 % of the lease time). */
  private Duration renewInterval = Duration.ofSeconds(10);

  /** Pause between acquisition attempts (varied by 25 %). */
  private Duration retryInterval = Duration.ofSeconds(1);

  /** Timeout of each KV request of the coordination (default: aether.request-timeout). */
  private @Nullable Duration requestTimeout;

  /** Owner id written into held keys (default: host name and a random suffix). */
  private @Nullable String ownerId;

  private final Leader leader = new Leader();

  private final LockRegistry lockRegistry = new LockRegistry();

  private final Shedlock shedlock = new Shedlock();

  public @Nullable KvScope getScope() {
    return this.scope;
  }

  public void setScope(@Nullable KvScope scope) {
    this.scope = scope;
  }

  public @Nullable String getWorkspace() {
    return this.workspace;
  }

  public void setWorkspace(@Nullable String workspace) {
    this.workspace = workspace;
  }

  public @Nullable String getUserId() {
    return this.userId;
  }

  public void setUserId(@Nullable String userId) {
    this.userId = userId;
  }

  public Duration getLeaseTime() {
    return this.leaseTime;
  }

  public void setLeaseTime(Duration leaseTime) {
    this.leaseTime = leaseTime;
  }

  public Duration getRenewInterval() {
    return this.renewInterval;
  }

  public void setRenewInterval(Duration renewInterval) {
    this.renewInterval = renewInterval;
  }

  public Duration getRetryInterval() {
    return this.retryInterval;
  }

  public void setRetryInterval(Duration retryInterval) {
    this.retryInterval = retryInterval;
  }

  public @Nullable Duration getRequestTimeout() {
    return this.requestTimeout;
  }

  public void setRequestTimeout(@Nullable Duration requestTimeout) {
    this.requestTimeout = requestTimeout;
  }

  public @Nullable String getOwnerId() {
    return this.ownerId;
  }

  public void setOwnerId(@Nullable String ownerId) {
    this.ownerId = ownerId;
  }

  public Leader getLeader() {
    return this.leader;
  }

  public LockRegistry getLockRegistry() {
    return this.lockRegistry;
  }

  public Shedlock getShedlock() {
    return this.shedlock;
  }

  /** Leader election run with the application context. */
  public static class Leader {

    /**
     * Name (KV key) of the election; setting it makes the application campaign while it runs and
     * publish LeadershipGrantedEvent / LeadershipRevokedEvent.
     */
    private @Nullable String name;

    /** This instance's candidate id (default: the coordination owner id). */
    private @Nullable String candidateId;

    public @Nullable String getName() {
      return this.name;
    }

    public void setName(@Nullable String name) {
      this.name = name;
    }

    public @Nullable String getCandidateId() {
      return this.candidateId;
    }

    public void setCandidateId(@Nullable String candidateId) {
      this.candidateId = candidateId;
    }
  }

  /** The Spring Integration lock registry. */
  public static class LockRegistry {

    /** Whether to register the lock registry when Spring Integration is on the classpath. */
    private boolean enabled = true;

    /** Prefix of the KV keys of the registry's locks. */
    private String keyPrefix = "lock/";

    public boolean isEnabled() {
      return this.enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public String getKeyPrefix() {
      return this.keyPrefix;
    }

    public void setKeyPrefix(String keyPrefix) {
      this.keyPrefix = keyPrefix;
    }
  }

  /** The ShedLock lock provider. */
  public static class Shedlock {

    /** Whether to register the ShedLock lock provider when ShedLock is on the classpath. */
    private boolean enabled = true;

    /** Prefix of the KV keys of ShedLock's locks. */
    private String keyPrefix = "shedlock/";

    public boolean isEnabled() {
      return this.enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public String getKeyPrefix() {
      return this.keyPrefix;
    }

    public void setKeyPrefix(String keyPrefix) {
      this.keyPrefix = keyPrefix;
    }
  }
}
