/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.listener;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.IncomingMessage;
import io.github.aetherjava.client.MessageSender;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * Publishes a message whose listener failed for good to a dead-letter topic, through the client
 * that received it: the original payload bytes with the original message type. The wire has no
 * message headers, so the failure itself is logged here rather than attached (other SDKs read the
 * dead-lettered message exactly like the original).
 *
 * @since 0.1.0
 */
public class DeadLetterPublishingRecoverer implements AetherListenerRecoverer {

  private static final Log logger = LogFactory.getLog(DeadLetterPublishingRecoverer.class);

  private static final long SEND_TIMEOUT_SECONDS = 10;

  private final String topic;

  /**
   * Create a recoverer publishing to the given topic.
   *
   * @param topic the dead-letter topic, in any topic form the client may send to
   */
  public DeadLetterPublishingRecoverer(String topic) {
    if (topic == null || topic.isBlank()) {
      throw new IllegalArgumentException("topic must not be blank");
    }
    this.topic = topic;
  }

  /**
   * Return the dead-letter topic.
   *
   * @return the topic
   */
  public String getTopic() {
    return this.topic;
  }

  @Override
  public void recover(Message<?> message, AetherListenerExecutionException exception) {
    MessageHeaders headers = message.getHeaders();
    IncomingMessage incoming = headers.get(AetherHeaders.RAW_MESSAGE, IncomingMessage.class);
    AetherClient client = headers.get(AetherHeaders.CLIENT_INSTANCE, AetherClient.class);
    if (incoming == null || !(client instanceof MessageSender sender)) {
      throw new IllegalStateException(
          "Listener '"
              + exception.getListenerId()
              + "' cannot dead-letter: it did not receive a message, or its client cannot send",
          exception);
    }
    logger.warn(
        "Aether listener '"
            + exception.getListenerId()
            + "' failed for good on a message from '"
            + incoming.sourceTopic()
            + "'; publishing it to dead-letter topic '"
            + this.topic
            + "'",
        exception.getCause());
    CompletableFuture<Void> sent =
        sender.send(this.topic, incoming.payload(), incoming.messageType());
    try {
      // Waiting keeps the lane (and so the order per source topic) until the copy is handed over.
      sent.get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while dead-lettering", ex);
    } catch (ExecutionException | TimeoutException ex) {
      throw new IllegalStateException(
          "Could not publish to dead-letter topic '" + this.topic + "'", ex);
    }
  }
}
