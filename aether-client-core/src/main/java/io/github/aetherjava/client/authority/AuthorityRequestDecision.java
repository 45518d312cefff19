/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.authority;

import io.github.aetherjava.client.admin.AccessLevel;
import io.github.aetherjava.client.internal.Arguments;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An approver's refinements when approving an authority request. Every refinement can only narrow
 * what was asked for (the gateway intersects them with the request); unset ones keep the request's
 * value. Immutable; {@link #asRequested()} approves the request as it is.
 *
 * @since 0.1.0
 */
public final class AuthorityRequestDecision {

  private static final AuthorityRequestDecision AS_REQUESTED = builder().build();

  private final String reason;
  private final List<String> workspaceScope;
  private final Map<String, List<String>> resourceScope;
  private final List<String> operationScope;
  private final @Nullable AccessLevel accessLevel;
  private final @Nullable Duration duration;
  private final int remainingHops;

  private AuthorityRequestDecision(Builder b) {
    this.reason = b.reason;
    this.workspaceScope = List.copyOf(b.workspaceScope);
    this.resourceScope = Map.copyOf(b.resourceScope);
    this.operationScope = List.copyOf(b.operationScope);
    this.accessLevel = b.accessLevel;
    this.duration = b.duration;
    this.remainingHops = b.remainingHops;
  }

  /**
   * @return approval of the request exactly as asked
   */
  public static AuthorityRequestDecision asRequested() {
    return AS_REQUESTED;
  }

  /**
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return the approver's reason ("" if none)
   */
  public String reason() {
    return reason;
  }

  /**
   * @return workspaces to keep (empty: as requested)
   */
  public List<String> workspaceScope() {
    return workspaceScope;
  }

  /**
   * @return resource types and patterns to keep (empty: as requested)
   */
  public Map<String, List<String>> resourceScope() {
    return resourceScope;
  }

  /**
   * @return operations to keep (empty: as requested)
   */
  public List<String> operationScope() {
    return operationScope;
  }

  /**
   * @return a lower access level, or null for the requested one
   */
  public @Nullable AccessLevel accessLevel() {
    return accessLevel;
  }

  /**
   * @return a shorter lifetime, or null for the requested one
   */
  public @Nullable Duration duration() {
    return duration;
  }

  /**
   * @return how many further delegations the minted grant allows (0: none)
   */
  public int remainingHops() {
    return remainingHops;
  }

  /** Builder of {@link AuthorityRequestDecision}. */
  public static final class Builder {
    private String reason = "";
    private final List<String> workspaceScope = new ArrayList<>();
    private final Map<String, List<String>> resourceScope = new LinkedHashMap<>();
    private final List<String> operationScope = new ArrayList<>();
    private @Nullable AccessLevel accessLevel;
    private @Nullable Duration duration;
    private int remainingHops;

    private Builder() {}

    /**
     * @param reason the approver's reason, recorded on the request
     * @return this
     */
    public Builder reason(String reason) {
      this.reason = Arguments.notNull(reason, "reason");
      return this;
    }

    /**
     * @param workspaces the requested workspaces to keep
     * @return this
     */
    public Builder workspaceScope(List<String> workspaces) {
      this.workspaceScope.addAll(List.copyOf(Arguments.notNull(workspaces, "workspaces")));
      return this;
    }

    /**
     * @param resourceType a requested resource type to keep
     * @param patterns its requested patterns to keep
     * @return this
     */
    public Builder resourceScope(String resourceType, List<String> patterns) {
      this.resourceScope.put(
          Arguments.notEmpty(resourceType, "resourceType"),
          List.copyOf(Arguments.notNull(patterns, "patterns")));
      return this;
    }

    /**
     * @param operations the requested operations to keep
     * @return this
     */
    public Builder operationScope(List<String> operations) {
      this.operationScope.addAll(List.copyOf(Arguments.notNull(operations, "operations")));
      return this;
    }

    /**
     * @param level a level below the requested one (a higher one is ignored)
     * @return this
     */
    public Builder accessLevel(AccessLevel level) {
      this.accessLevel = Arguments.notNull(level, "level");
      return this;
    }

    /**
     * @param duration a lifetime shorter than the requested one, at least one second
     * @return this
     */
    public Builder duration(Duration duration) {
      this.duration = AuthorityRequestSpec.atLeastOneSecond(duration);
      return this;
    }

    /**
     * @param hops further delegations the minted grant allows (0, the default, allows none)
     * @return this
     */
    public Builder remainingHops(int hops) {
      this.remainingHops = Arguments.notNegative(hops, "hops");
      return this;
    }

    /**
     * @return the decision
     */
    public AuthorityRequestDecision build() {
      return new AuthorityRequestDecision(this);
    }
  }
}
