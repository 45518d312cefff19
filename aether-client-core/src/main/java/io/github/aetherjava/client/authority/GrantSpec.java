/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.authority;

import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.internal.Arguments;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a new grant should allow: scopes, access level, audience, lifetime and delegation. Used by
 * exchange, derive and derive-for-target; a derived grant may only narrow its parent. Immutable;
 * build with {@link #builder(int, Instant, Instant)}.
 *
 * @since 0.1.0
 */
public final class GrantSpec {

  private final List<String> workspaceScope;
  private final Map<String, List<String>> resourceScope;
  private final List<String> operationScope;
  private final int maxAccessLevel;
  private final String audienceType;
  private final String audienceId;
  private final boolean validWhileAudienceActive;
  private final Instant expiresAt;
  private final Instant renewableUntil;
  private final int remainingHops;
  private final String reason;
  private final Map<String, String> metadata;

  private GrantSpec(Builder b) {
    this.workspaceScope = List.copyOf(b.workspaceScope);
    this.resourceScope = Map.copyOf(b.resourceScope);
    this.operationScope = List.copyOf(b.operationScope);
    this.maxAccessLevel = b.maxAccessLevel;
    this.audienceType = b.audienceType;
    this.audienceId = b.audienceId;
    this.validWhileAudienceActive = b.validWhileAudienceActive;
    this.expiresAt = b.expiresAt;
    this.renewableUntil = b.renewableUntil;
    this.remainingHops = b.remainingHops;
    this.reason = b.reason;
    this.metadata = Map.copyOf(b.metadata);
  }

  /**
   * @param maxAccessLevel highest access level, a multiple of 10 from 10 (read) to 50
   * @param expiresAt end of validity
   * @param renewableUntil latest time a renewal may reach (not before {@code expiresAt})
   * @return a builder
   * @throws InvalidArgumentException naming the argument when a value is out of range
   */
  public static Builder builder(int maxAccessLevel, Instant expiresAt, Instant renewableUntil) {
    return new Builder(maxAccessLevel, expiresAt, renewableUntil);
  }

  /**
   * @return workspaces covered (empty: unrestricted)
   */
  public List<String> workspaceScope() {
    return workspaceScope;
  }

  /**
   * @return resource type to patterns (empty: unrestricted)
   */
  public Map<String, List<String>> resourceScope() {
    return resourceScope;
  }

  /**
   * @return operations covered (empty: unrestricted)
   */
  public List<String> operationScope() {
    return operationScope;
  }

  /**
   * @return highest access level
   */
  public int maxAccessLevel() {
    return maxAccessLevel;
  }

  /**
   * @return audience type, or empty for the gateway's default (the current or source session)
   */
  public String audienceType() {
    return audienceType;
  }

  /**
   * @return audience id, or empty for the gateway's default
   */
  public String audienceId() {
    return audienceId;
  }

  /**
   * @return whether the grant lapses when its audience goes away
   */
  public boolean validWhileAudienceActive() {
    return validWhileAudienceActive;
  }

  /**
   * @return end of validity
   */
  public Instant expiresAt() {
    return expiresAt;
  }

  /**
   * @return latest time a renewal may reach
   */
  public Instant renewableUntil() {
    return renewableUntil;
  }

  /**
   * @return further derivation steps allowed (0: may not delegate)
   */
  public int remainingHops() {
    return remainingHops;
  }

  /**
   * @return free-text reason
   */
  public String reason() {
    return reason;
  }

  /**
   * @return string metadata
   */
  public Map<String, String> metadata() {
    return metadata;
  }

  /** Builder of {@link GrantSpec}. */
  public static final class Builder {
    private final List<String> workspaceScope = new ArrayList<>();
    private final Map<String, List<String>> resourceScope = new LinkedHashMap<>();
    private final List<String> operationScope = new ArrayList<>();
    private final int maxAccessLevel;
    private String audienceType = "";
    private String audienceId = "";
    private boolean validWhileAudienceActive;
    private final Instant expiresAt;
    private final Instant renewableUntil;
    private int remainingHops;
    private String reason = "";
    private final Map<String, String> metadata = new LinkedHashMap<>();

    private Builder(int maxAccessLevel, Instant expiresAt, Instant renewableUntil) {
      if (maxAccessLevel < 10 || maxAccessLevel > 50 || maxAccessLevel % 10 != 0) {
        throw new InvalidArgumentException(
            "maxAccessLevel must be 10, 20, 30, 40 or 50, got " + maxAccessLevel);
      }
      Arguments.notNull(expiresAt, "expiresAt");
      Arguments.notNull(renewableUntil, "renewableUntil");
      if (renewableUntil.isBefore(expiresAt)) {
        throw new InvalidArgumentException(
            "renewableUntil must not be before expiresAt, got " + renewableUntil);
      }
      this.maxAccessLevel = maxAccessLevel;
      this.expiresAt = expiresAt;
      this.renewableUntil = renewableUntil;
    }

    /**
     * @param workspaces workspaces the grant covers
     * @return this
     */
    public Builder workspaceScope(String... workspaces) {
      for (String w : workspaces) {
        workspaceScope.add(Arguments.notBlank(w, "workspaceScope"));
      }
      return this;
    }

    /**
     * @param resourceType resource type, e.g. {@code kv}
     * @param patterns patterns of that type
     * @return this
     */
    public Builder resourceScope(String resourceType, String... patterns) {
      resourceScope.put(Arguments.notBlank(resourceType, "resourceType"), List.of(patterns));
      return this;
    }

    /**
     * @param operations operations the grant covers
     * @return this
     */
    public Builder operationScope(String... operations) {
      for (String o : operations) {
        operationScope.add(Arguments.notBlank(o, "operationScope"));
      }
      return this;
    }

    /**
     * @param type {@code session}, {@code task}, {@code agent} or {@code service}
     * @param id the session id, task id or canonical principal id
     * @return this
     */
    public Builder audience(String type, String id) {
      this.audienceType = Arguments.notBlank(type, "audienceType");
      this.audienceId = Arguments.notNull(id, "audienceId");
      return this;
    }

    /**
     * @param value whether the grant lapses when its audience goes away
     * @return this
     */
    public Builder validWhileAudienceActive(boolean value) {
      this.validWhileAudienceActive = value;
      return this;
    }

    /**
     * Lets the delegate derive further grants.
     *
     * @param hops derivation steps allowed, at least 1
     * @return this
     */
    public Builder delegable(int hops) {
      if (hops < 1) {
        throw new InvalidArgumentException("hops must be at least 1, got " + hops);
      }
      this.remainingHops = hops;
      return this;
    }

    /**
     * @param value free-text reason
     * @return this
     */
    public Builder reason(String value) {
      this.reason = Arguments.notNull(value, "reason");
      return this;
    }

    /**
     * @param key metadata key
     * @param value metadata value
     * @return this
     */
    public Builder metadata(String key, String value) {
      metadata.put(Arguments.notBlank(key, "key"), Arguments.notNull(value, "value"));
      return this;
    }

    /**
     * @return the spec
     */
    public GrantSpec build() {
      return new GrantSpec(this);
    }
  }
}
