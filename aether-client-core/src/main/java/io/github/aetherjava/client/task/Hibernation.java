/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.task;

import java.util.List;

/**
 * How a hibernated task is woken: the checkpoint its next worker restores, the session it resumes,
 * and which events wake it.
 *
 * @param checkpointKey checkpoint to restore (must exist when pausing)
 * @param resumeSessionId session to resume, or empty
 * @param wakeEventTypes event types that wake the task
 * @param escalationPolicy escalation policy name, or empty
 * @since 0.1.0
 */
public record Hibernation(
    String checkpointKey,
    String resumeSessionId,
    List<String> wakeEventTypes,
    String escalationPolicy) {

  /** Copies the list. */
  public Hibernation {
    wakeEventTypes = List.copyOf(wakeEventTypes);
  }

  /**
   * @param checkpointKey checkpoint to restore
   * @return a descriptor with only the checkpoint set
   */
  public static Hibernation of(String checkpointKey) {
    return new Hibernation(checkpointKey, "", List.of(), "");
  }

  /**
   * @return the wire form
   */
  public io.github.aetherjava.proto.v1.HibernationDescriptor toProto() {
    return io.github.aetherjava.proto.v1.HibernationDescriptor.newBuilder()
        .setCheckpointKey(checkpointKey)
        .setResumeSessionId(resumeSessionId)
        .addAllWakeEventTypes(wakeEventTypes)
        .setEscalationPolicy(escalationPolicy)
        .build();
  }

  /**
   * @param p wire form
   * @return value
   */
  public static Hibernation fromProto(io.github.aetherjava.proto.v1.HibernationDescriptor p) {
    return new Hibernation(
        p.getCheckpointKey(),
        p.getResumeSessionId(),
        p.getWakeEventTypesList(),
        p.getEscalationPolicy());
  }
}
