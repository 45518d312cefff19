/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.test;

import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.IncomingMessage;
import io.github.aetherjava.client.MessageType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A separate agent principal for tests ({@code ag::test::aether-test::<random>}) that sends
 * messages to the application's listeners and collects what is sent back to it (replies). Connects
 * on first use.
 *
 * @since 0.1.0
 */
public class AetherTestClient implements AutoCloseable {

  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private final String address;

  private final BlockingQueue<IncomingMessage> received = new LinkedBlockingQueue<>();

  private @Nullable AgentClient client;

  /**
   * Create a test client for a gateway.
   *
   * @param address the gateway address
   */
  public AetherTestClient(String address) {
    this.address = address;
  }

  /**
   * Return the underlying client, connecting it on first use.
   *
   * @return the connected client
   */
  public synchronized AgentClient client() {
    if (this.client == null) {
      AgentClient agent =
          AgentClient.builder(AetherClientOptions.builder().address(this.address).build())
              .workspace("test")
              .implementation("aether-test")
              .specifier(UUID.randomUUID().toString().substring(0, 8))
              .build();
      agent.onMessage(this.received::add);
      agent.connect().orTimeout(DEFAULT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
      this.client = agent;
    }
    return this.client;
  }

  /**
   * Return the topic of this test client, where replies arrive.
   *
   * @return the topic
   */
  public String topic() {
    return client().topic();
  }

  /**
   * Send a message and wait until it is handed to the gateway.
   *
   * @param topic the destination topic
   * @param payload the payload
   * @param type the message type
   */
  public void send(String topic, byte[] payload, MessageType type) {
    client()
        .send(topic, payload, type)
        .orTimeout(DEFAULT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .join();
  }

  /**
   * Send a UTF-8 text message of type {@link MessageType#CHAT}.
   *
   * @param topic the destination topic
   * @param text the text
   */
  public void send(String topic, String text) {
    send(topic, text.getBytes(StandardCharsets.UTF_8), MessageType.CHAT);
  }

  /**
   * Send a UTF-8 text message of type {@link MessageType#CHAT} and wait for the next message sent
   * back to this client.
   *
   * @param topic the destination topic
   * @param text the text
   * @return the reply
   */
  public IncomingMessage request(String topic, String text) {
    send(topic, text);
    return awaitMessage(DEFAULT_TIMEOUT);
  }

  /**
   * Wait for the next message sent to this client.
   *
   * @param timeout how long to wait
   * @return the message
   * @throws AssertionError if none arrives in time
   */
  public IncomingMessage awaitMessage(Duration timeout) {
    client();
    try {
      IncomingMessage message = this.received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (message == null) {
        throw new AssertionError("No message for the Aether test client within " + timeout);
      }
      return message;
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted while waiting for a message", ex);
    }
  }

  @Override
  public synchronized void close() {
    if (this.client != null) {
      this.client.close();
      this.client = null;
    }
  }
}
