/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.authority;

import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.PrincipalRef;
import io.github.aetherjava.client.admin.AccessLevel;
import io.github.aetherjava.client.internal.Arguments;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What an authority request asks for: who should approve it, the access level and scopes of the
 * grant an approval mints, how long that grant should live, and for whom. Immutable; build with
 * {@link #builder(AuthorityRequestRouting, AccessLevel, Duration)}.
 *
 * @since 0.1.0
 */
public final class AuthorityRequestSpec {

  private final AuthorityRequestRouting routing;
  private final AccessLevel accessLevel;
  private final Duration duration;
  private final @Nullable PrincipalRef requestingActor;
  private final @Nullable PrincipalRef targetSubject;
  private final List<String> workspaceScope;
  private final Map<String, List<String>> resourceScope;
  private final List<String> operationScope;
  private final String audienceType;
  private final String audienceId;
  private final String reason;
  private final String taskId;
  private final Map<String, String> metadata;

  private AuthorityRequestSpec(Builder b) {
    this.routing = b.routing;
    this.accessLevel = b.accessLevel;
    this.duration = b.duration;
    this.requestingActor = b.requestingActor;
    this.targetSubject = b.targetSubject;
    this.workspaceScope = List.copyOf(b.workspaceScope);
    this.resourceScope = Map.copyOf(b.resourceScope);
    this.operationScope = List.copyOf(b.operationScope);
    this.audienceType = b.audienceType;
    this.audienceId = b.audienceId;
    this.reason = b.reason;
    this.taskId = b.taskId;
    this.metadata = Map.copyOf(b.metadata);
  }

  /**
   * @param routing who may approve
   * @param accessLevel access level of the grant an approval mints
   * @param duration lifetime of that grant, whole seconds from one second (the gateway caps it at
   *     an hour)
   * @return a builder
   * @throws InvalidArgumentException naming the argument when one is null or out of range
   */
  public static Builder builder(
      AuthorityRequestRouting routing, AccessLevel accessLevel, Duration duration) {
    return new Builder(routing, accessLevel, duration);
  }

  /**
   * @return who may approve
   */
  public AuthorityRequestRouting routing() {
    return routing;
  }

  /**
   * @return the access level asked for
   */
  public AccessLevel accessLevel() {
    return accessLevel;
  }

  /**
   * @return the grant lifetime asked for
   */
  public Duration duration() {
    return duration;
  }

  /**
   * @return the delegate of the grant, or null for the caller
   */
  public @Nullable PrincipalRef requestingActor() {
    return requestingActor;
  }

  /**
   * @return the subject to act for, or null to act as the requester itself
   */
  public @Nullable PrincipalRef targetSubject() {
    return targetSubject;
  }

  /**
   * @return workspaces asked for (empty: unrestricted)
   */
  public List<String> workspaceScope() {
    return workspaceScope;
  }

  /**
   * @return resource type to patterns asked for (empty: unrestricted)
   */
  public Map<String, List<String>> resourceScope() {
    return resourceScope;
  }

  /**
   * @return operations asked for (empty: unrestricted)
   */
  public List<String> operationScope() {
    return operationScope;
  }

  /**
   * @return audience type of the grant ("" if not set)
   */
  public String audienceType() {
    return audienceType;
  }

  /**
   * @return audience id of the grant ("" if not set)
   */
  public String audienceId() {
    return audienceId;
  }

  /**
   * @return why the requester asks
   */
  public String reason() {
    return reason;
  }

  /**
   * @return the task the request belongs to ("" if none)
   */
  public String taskId() {
    return taskId;
  }

  /**
   * @return free-form metadata
   */
  public Map<String, String> metadata() {
    return metadata;
  }

  // the gateway counts whole seconds (also for a decision's duration); less would be sent as zero
  static Duration atLeastOneSecond(@Nullable Duration duration) {
    Duration d = Arguments.positive(duration, "duration");
    if (d.toSeconds() < 1) {
      throw new InvalidArgumentException("duration must be at least one second, was " + d);
    }
    return d;
  }

  /** Builder of {@link AuthorityRequestSpec}. */
  public static final class Builder {
    private final AuthorityRequestRouting routing;
    private final AccessLevel accessLevel;
    private final Duration duration;
    private @Nullable PrincipalRef requestingActor;
    private @Nullable PrincipalRef targetSubject;
    private final List<String> workspaceScope = new ArrayList<>();
    private final Map<String, List<String>> resourceScope = new LinkedHashMap<>();
    private final List<String> operationScope = new ArrayList<>();
    private String audienceType = "";
    private String audienceId = "";
    private String reason = "";
    private String taskId = "";
    private final Map<String, String> metadata = new LinkedHashMap<>();

    private Builder(AuthorityRequestRouting routing, AccessLevel accessLevel, Duration duration) {
      this.routing = Arguments.notNull(routing, "routing");
      this.accessLevel = Arguments.notNull(accessLevel, "accessLevel");
      this.duration = atLeastOneSecond(duration);
    }

    /**
     * @param actor the principal that will hold the grant (default: the caller)
     * @return this
     */
    public Builder requestingActor(PrincipalRef actor) {
      this.requestingActor = principal(actor, "actor");
      return this;
    }

    /**
     * @param subject the principal to act for; an approval mints a grant with this subject
     * @return this
     */
    public Builder targetSubject(PrincipalRef subject) {
      this.targetSubject = principal(subject, "subject");
      return this;
    }

    /**
     * @param workspaces workspaces the grant should cover
     * @return this
     */
    public Builder workspaceScope(List<String> workspaces) {
      this.workspaceScope.addAll(List.copyOf(Arguments.notNull(workspaces, "workspaces")));
      return this;
    }

    /**
     * @param resourceType resource type, e.g. {@code kv_key}
     * @param patterns patterns of that type
     * @return this
     */
    public Builder resourceScope(String resourceType, List<String> patterns) {
      this.resourceScope.put(
          Arguments.notEmpty(resourceType, "resourceType"),
          List.copyOf(Arguments.notNull(patterns, "patterns")));
      return this;
    }

    /**
     * @param operations operations the grant should cover
     * @return this
     */
    public Builder operationScope(List<String> operations) {
      this.operationScope.addAll(List.copyOf(Arguments.notNull(operations, "operations")));
      return this;
    }

    /**
     * The audience of the grant an approval mints; the gateway refuses to approve a request without
     * one.
     *
     * @param type {@code session}, {@code task}, {@code agent} or {@code service}
     * @param id the audience's id
     * @return this
     */
    public Builder audience(String type, String id) {
      this.audienceType = Arguments.notEmpty(type, "type");
      this.audienceId = Arguments.notEmpty(id, "id");
      return this;
    }

    /**
     * @param reason why the requester asks (shown to approvers)
     * @return this
     */
    public Builder reason(String reason) {
      this.reason = Arguments.notNull(reason, "reason");
      return this;
    }

    /**
     * @param taskId the task waiting for this request
     * @return this
     */
    public Builder taskId(String taskId) {
      this.taskId = Arguments.notEmpty(taskId, "taskId");
      return this;
    }

    /**
     * @param key metadata key
     * @param value metadata value
     * @return this
     */
    public Builder metadata(String key, String value) {
      this.metadata.put(Arguments.notEmpty(key, "key"), Arguments.notNull(value, "value"));
      return this;
    }

    /**
     * @return the spec
     */
    public AuthorityRequestSpec build() {
      return new AuthorityRequestSpec(this);
    }

    private static PrincipalRef principal(@Nullable PrincipalRef checked, String name) {
      PrincipalRef ref = Arguments.notNull(checked, name);
      Arguments.notEmpty(ref.type(), name + ".type");
      Arguments.notEmpty(ref.id(), name + ".id");
      return ref;
    }
  }
}
