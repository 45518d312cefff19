/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.sample.fabric;

import io.github.aetherjava.client.MessageType;
import io.github.aetherjava.client.ProgressUpdate;
import io.github.aetherjava.client.UserClient;
import io.github.aetherjava.sample.Transcript;
import io.github.aetherjava.sample.messages.Answer;
import io.github.aetherjava.sample.messages.Notification;
import io.github.aetherjava.spring.annotation.AetherListener;
import io.github.aetherjava.spring.annotation.OnProgress;
import io.github.aetherjava.spring.listener.AetherHeaders;
import java.util.ArrayList;
import java.util.List;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * The user principal ({@code aether.user.*}, {@code us::alice::tab-1}): receives the assistant's
 * answers and the workflow engine's notifications, one listener each, told apart by their source
 * topic, and the progress the assistant reports for her.
 */
@Component
public class AliceUser {

  private static final String ME = "alice";

  private final UserClient user;
  private final Transcript transcript;
  private final Correlations correlations;
  private final List<String> inbox = new ArrayList<>();

  AliceUser(UserClient user, Transcript transcript, Correlations correlations) {
    this.user = user;
    this.transcript = transcript;
    this.correlations = correlations;
  }

  /**
   * Receives answers from agents.
   *
   * @param answer the answer, converted from JSON
   * @param from the answering agent's topic
   */
  @AetherListener(
      id = "alice-answers",
      client = "aetherUserClient",
      sourceTopic = "ag::.*",
      messageType = MessageType.CHAT)
  public void answer(Answer answer, @Header(AetherHeaders.SOURCE_TOPIC) String from) {
    record("<- " + from + " CHAT answer " + answer.questionId() + ": \"" + answer.text() + "\"");
    correlations.answers().arrived(answer.questionId(), answer);
  }

  /**
   * Receives notifications from the workflow engine, whose messages carry the source topic {@code
   * event::receiver0}.
   *
   * @param notification the notification
   * @param from the engine's topic
   */
  @AetherListener(
      id = "alice-notifications",
      client = "aetherUserClient",
      sourceTopic = "event::receiver0")
  public void notification(
      Notification notification, @Header(AetherHeaders.SOURCE_TOPIC) String from) {
    record("<- " + from + " notification: " + notification.text());
    correlations.notifications().arrived(notification.eventId(), notification);
  }

  /**
   * Receives progress reported for alice ({@code ProgressReport} routed by the gateway, not a
   * message).
   *
   * @param update the progress update
   */
  @OnProgress(id = "alice-progress", client = "aetherUserClient")
  public void progress(ProgressUpdate update) {
    record(
        "<- progress from "
            + update.source()
            + ": "
            + update.taskId()
            + " "
            + update.state()
            + " ("
            + Math.round(update.completion() * 100)
            + "%) "
            + update.summary());
  }

  private void record(String line) {
    transcript.say(ME, line);
    synchronized (inbox) {
      if (inbox.size() == Transcript.CAPACITY) {
        inbox.remove(0); // bounded: the sample may run for a long time
      }
      inbox.add(line);
    }
  }

  /**
   * @return what alice received, oldest first
   */
  public List<String> inbox() {
    synchronized (inbox) {
      return List.copyOf(inbox);
    }
  }

  /**
   * @return the user client
   */
  public UserClient client() {
    return user;
  }
}
