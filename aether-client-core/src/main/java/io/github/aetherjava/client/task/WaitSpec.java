/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.task;

import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.internal.Arguments;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a paused task waits for ({@link TaskOperations#pauseTask}, {@link
 * TaskOperations#waitForTasks}).
 *
 * <pre>{@code
 * tasks.pauseTask(id, WaitSpec.builder(WaitReason.INPUT).expectedPrincipal("us::alice").build());
 * }</pre>
 *
 * @param reason why it waits (decides the status)
 * @param expectedPrincipal who is expected to answer, or empty
 * @param inputMatch attributes the awaited input must carry
 * @param authorityRequestId authority request it waits for, or empty
 * @param dependsOn tasks it waits for (same workspace)
 * @param wakeOnAny wake when any (rather than all) dependencies finish
 * @param timeout how long to wait, or null for no limit
 * @param scheduledWake when to wake regardless, or null
 * @param hibernation hibernation descriptor, or null
 * @since 0.1.0
 */
public record WaitSpec(
    WaitReason reason,
    String expectedPrincipal,
    Map<String, String> inputMatch,
    String authorityRequestId,
    List<String> dependsOn,
    boolean wakeOnAny,
    @Nullable Duration timeout,
    @Nullable Instant scheduledWake,
    @Nullable Hibernation hibernation) {

  /** Copies the collections. */
  public WaitSpec {
    Arguments.notNull(reason, "reason");
    inputMatch = Map.copyOf(inputMatch);
    dependsOn = List.copyOf(dependsOn);
  }

  /**
   * @param reason why the task waits
   * @return a builder
   */
  public static Builder builder(WaitReason reason) {
    return new Builder(reason);
  }

  /**
   * @param taskIds tasks to wait for
   * @return a dependency wait on all of them
   */
  public static WaitSpec dependencies(List<String> taskIds) {
    return builder(WaitReason.DEPENDENCY).dependsOn(taskIds).build();
  }

  /**
   * @param checkpointKey checkpoint the next worker restores
   * @return a hibernation wait
   */
  public static WaitSpec hibernate(String checkpointKey) {
    return builder(WaitReason.HIBERNATION).hibernation(Hibernation.of(checkpointKey)).build();
  }

  /**
   * @return the wire form
   */
  public io.github.aetherjava.proto.v1.WaitSpec toProto() {
    var b =
        io.github.aetherjava.proto.v1.WaitSpec.newBuilder()
            .setReason(reason.toProto())
            .setExpectedPrincipal(expectedPrincipal)
            .putAllInputMatch(inputMatch)
            .setAuthorityRequestId(authorityRequestId)
            .addAllDependsOn(dependsOn)
            .setWakeOnAny(wakeOnAny)
            .setTimeoutMs(timeout == null ? 0 : timeout.toMillis())
            .setScheduledWakeUnixMs(scheduledWake == null ? 0 : scheduledWake.toEpochMilli());
    if (hibernation != null) {
      b.setHibernation(hibernation.toProto());
    }
    return b.build();
  }

  /**
   * @param p wire form
   * @return value
   */
  public static WaitSpec fromProto(io.github.aetherjava.proto.v1.WaitSpec p) {
    return new WaitSpec(
        WaitReason.fromProto(p.getReason()),
        p.getExpectedPrincipal(),
        p.getInputMatchMap(),
        p.getAuthorityRequestId(),
        p.getDependsOnList(),
        p.getWakeOnAny(),
        p.getTimeoutMs() > 0 ? Duration.ofMillis(p.getTimeoutMs()) : null,
        p.getScheduledWakeUnixMs() > 0 ? Instant.ofEpochMilli(p.getScheduledWakeUnixMs()) : null,
        p.hasHibernation() ? Hibernation.fromProto(p.getHibernation()) : null);
  }

  /** Builder for {@link WaitSpec}. */
  public static final class Builder {
    private final WaitReason reason;
    private String expectedPrincipal = "";
    private final Map<String, String> inputMatch = new LinkedHashMap<>();
    private String authorityRequestId = "";
    private List<String> dependsOn = List.of();
    private boolean wakeOnAny;
    private @Nullable Duration timeout;
    private @Nullable Instant scheduledWake;
    private @Nullable Hibernation hibernation;

    private Builder(WaitReason reason) {
      this.reason = Arguments.notNull(reason, "reason");
    }

    /**
     * @param principal who is expected to answer
     * @return this
     */
    public Builder expectedPrincipal(String principal) {
      this.expectedPrincipal = Arguments.notNull(principal, "expectedPrincipal");
      return this;
    }

    /**
     * @param key attribute
     * @param value value the awaited input must carry
     * @return this
     */
    public Builder inputMatch(String key, String value) {
      inputMatch.put(Arguments.notNull(key, "key"), Arguments.notNull(value, "value"));
      return this;
    }

    /**
     * @param id authority request to wait for
     * @return this
     */
    public Builder authorityRequestId(String id) {
      this.authorityRequestId = Arguments.notNull(id, "authorityRequestId");
      return this;
    }

    /**
     * @param taskIds tasks to wait for
     * @return this
     */
    public Builder dependsOn(List<String> taskIds) {
      this.dependsOn = List.copyOf(taskIds);
      return this;
    }

    /**
     * @param any wake when any dependency finishes
     * @return this
     */
    public Builder wakeOnAny(boolean any) {
      this.wakeOnAny = any;
      return this;
    }

    /**
     * @param timeout how long to wait (positive)
     * @return this
     * @throws InvalidArgumentException if not positive
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Arguments.positive(timeout, "timeout");
      return this;
    }

    /**
     * @param at when to wake regardless
     * @return this
     */
    public Builder scheduledWake(Instant at) {
      this.scheduledWake = Arguments.notNull(at, "scheduledWake");
      return this;
    }

    /**
     * @param hibernation hibernation descriptor
     * @return this
     */
    public Builder hibernation(Hibernation hibernation) {
      this.hibernation = Arguments.notNull(hibernation, "hibernation");
      return this;
    }

    /**
     * @return the spec
     */
    public WaitSpec build() {
      return new WaitSpec(
          reason,
          expectedPrincipal,
          inputMatch,
          authorityRequestId,
          dependsOn,
          wakeOnAny,
          timeout,
          scheduledWake,
          hibernation);
    }
  }
}
