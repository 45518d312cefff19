/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.sample.fabric;

import io.github.aetherjava.client.MessageType;
import io.github.aetherjava.sample.Transcript;
import io.github.aetherjava.sample.messages.FabricEvent;
import io.github.aetherjava.sample.messages.Notification;
import io.github.aetherjava.spring.annotation.AetherListener;
import io.github.aetherjava.spring.listener.AetherHeaders;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.SendTo;
import org.springframework.stereotype.Component;

/**
 * The workflow engine principal ({@code aether.workflow-engine.enabled=true}, the singleton {@code
 * wfe::shard0}): every event published to {@code event::*} in the fabric reaches it. It records the
 * event and notifies the user; {@code @SendTo} sends the return value to the user's topic instead
 * of back to the event's source. Absent when {@code aether.workflow-engine.enabled=false}
 * (AetherLite runs its own engine, and there can only be one).
 */
@Component
@ConditionalOnBooleanProperty("aether.workflow-engine.enabled")
public class WorkflowEngine {

  private static final String ME = "workflow-engine";

  private final Transcript transcript;
  private final List<SeenEvent> events = new ArrayList<>();

  WorkflowEngine(Transcript transcript) {
    this.transcript = transcript;
  }

  /**
   * An event as the engine saw it.
   *
   * @param from the publisher's topic
   * @param event the event
   */
  public record SeenEvent(String from, FabricEvent event) {}

  /**
   * Handles one event.
   *
   * @param event the event, converted from JSON
   * @param from the publisher's topic
   * @return the notification sent to the user
   */
  @AetherListener(
      id = "engine-events",
      client = "aetherWorkflowEngineClient",
      messageType = MessageType.EVENT)
  @SendTo("us::${aether.user.user-id}::${aether.user.window-id}")
  public Notification onEvent(FabricEvent event, @Header(AetherHeaders.SOURCE_TOPIC) String from) {
    transcript.say(
        ME, "<- " + from + " EVENT " + event.type() + " (" + event.id() + "): " + event.detail());
    synchronized (events) {
      if (events.size() == Transcript.CAPACITY) {
        events.remove(0); // bounded: the sample may run for a long time
      }
      events.add(new SeenEvent(from, event));
    }
    transcript.say(ME, "-> notify alice about " + event.id());
    return new Notification(
        event.id(), event.type(), event.type() + " from " + from + ": " + event.detail());
  }

  /**
   * @return the events seen so far, oldest first
   */
  public List<SeenEvent> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }
}
