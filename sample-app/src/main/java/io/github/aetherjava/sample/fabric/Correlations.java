/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.sample.fabric;

import io.github.aetherjava.sample.Waiters;
import io.github.aetherjava.sample.messages.Answer;
import io.github.aetherjava.sample.messages.Notification;
import org.springframework.stereotype.Component;

/**
 * What the REST endpoints wait for: answers to questions, broadcast receipts and notifications,
 * each keyed by the id the endpoint put in the payload it sent.
 */
@Component
public class Correlations {

  private final Waiters<Answer> answers = new Waiters<>();
  private final Waiters<String> receipts = new Waiters<>();
  private final Waiters<Notification> notifications = new Waiters<>();

  /**
   * @return answers by question id
   */
  public Waiters<Answer> answers() {
    return answers;
  }

  /**
   * @return receiving agent identities by {@code announcementId|identity}
   */
  public Waiters<String> receipts() {
    return receipts;
  }

  /**
   * @return notifications by event id
   */
  public Waiters<Notification> notifications() {
    return notifications;
  }

  /**
   * @param announcementId id of the announcement
   * @param identity identity of a receiving agent
   * @return the receipt key
   */
  public static String receiptKey(String announcementId, String identity) {
    return announcementId + "|" + identity;
  }
}
