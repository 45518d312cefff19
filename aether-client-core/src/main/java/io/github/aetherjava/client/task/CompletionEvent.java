/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.task;

import io.github.aetherjava.client.internal.Arguments;
import java.util.List;

/**
 * An event the gateway publishes when the task reaches one of {@code onStatuses}.
 *
 * @param enabled whether the event is published
 * @param eventName event name
 * @param onStatuses statuses that publish it (empty = every finished status)
 * @since 0.1.0
 */
public record CompletionEvent(boolean enabled, String eventName, List<TaskStatus> onStatuses) {

  /** Copies the list. */
  public CompletionEvent {
    Arguments.notNull(eventName, "eventName");
    onStatuses = List.copyOf(onStatuses);
  }

  /**
   * @param eventName event name
   * @param onStatuses statuses that publish it
   * @return an enabled completion event
   */
  public static CompletionEvent of(String eventName, TaskStatus... onStatuses) {
    return new CompletionEvent(true, eventName, List.of(onStatuses));
  }

  /**
   * @return the wire form
   */
  public io.github.aetherjava.proto.v1.TaskCompletionEvent toProto() {
    return io.github.aetherjava.proto.v1.TaskCompletionEvent.newBuilder()
        .setEnabled(enabled)
        .setEventName(eventName)
        .addAllOnStatuses(onStatuses.stream().map(TaskStatus::toProto).toList())
        .build();
  }

  /**
   * @param p wire form
   * @return value
   */
  public static CompletionEvent fromProto(io.github.aetherjava.proto.v1.TaskCompletionEvent p) {
    return new CompletionEvent(
        p.getEnabled(),
        p.getEventName(),
        p.getOnStatusesList().stream().map(TaskStatus::fromProto).toList());
  }
}
