/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.core;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.AetherTimeoutException;
import io.github.aetherjava.client.IncomingMessage;
import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.MessageSender;
import io.github.aetherjava.client.MessageType;
import io.github.aetherjava.spring.listener.AetherMessageConverters;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.messaging.converter.MessageConverter;

/**
 * Sends messages from application code through one Aether client, converting payloads with the same
 * {@link MessageConverter} the listeners use ({@code byte[]}, {@code String}, protobuf messages,
 * and any other type as JSON when Jackson is present): the {@code KafkaTemplate} of this project.
 *
 * <pre class="code">
 * template.convertAndSend(Topics.agent("prod", "billing", "1"), new Invoice("inv-7", 42));
 * template.reply(request, new Receipt("inv-7"));   // back to where the request came from
 * </pre>
 *
 * <p>Topics are given in any form the client may send to ({@code ag::…}, {@code sv::…}, {@code
 * us::…}, {@code ga::…}, …; build them with {@link io.github.aetherjava.client.Topics}). Sends
 * complete when the frame is handed to the transport (the gateway sends no acknowledgement).
 *
 * <p>Request/reply: Aether messages carry no headers or correlation id, so the template does not
 * invent an envelope other SDKs could not read. A listener replies by returning a value (or with
 * {@code @SendTo}, or {@link #reply}), which goes to the request's source topic; true
 * request/response calls go through the service proxy (HTTP over the fabric).
 *
 * @since 0.1.0
 */
public class AetherTemplate {

  /** Message type of {@code convertAndSend} without one, as the SDK's send helpers use. */
  public static final MessageType DEFAULT_MESSAGE_TYPE = MessageType.OPAQUE;

  /** Deadline of the blocking sends without one. */
  public static final Duration DEFAULT_SEND_TIMEOUT = Duration.ofSeconds(10);

  private final AetherClient client;

  private final MessageSender sender;

  private final MessageConverter converter;

  /**
   * Create a template sending through the given client.
   *
   * @param client the client; it must be able to send (every principal except the metrics bridge)
   * @param converter converts payload objects to bytes
   */
  public AetherTemplate(AetherClient client, MessageConverter converter) {
    if (!(client instanceof MessageSender messageSender)) {
      throw new IllegalArgumentException(
          "client " + client.identity() + " (" + client.kind() + ") cannot send messages");
    }
    this.client = client;
    this.sender = messageSender;
    this.converter = converter;
  }

  /**
   * Return the client this template sends through.
   *
   * @return the client
   */
  public AetherClient getClient() {
    return this.client;
  }

  /**
   * Send raw bytes.
   *
   * @param topic the target topic
   * @param payload the payload
   * @param type the message type
   * @return completes when the frame is handed to the transport
   */
  public CompletableFuture<Void> send(String topic, byte[] payload, MessageType type) {
    return this.sender.send(topic, payload, type);
  }

  /**
   * Convert a payload and send it as {@link #DEFAULT_MESSAGE_TYPE}.
   *
   * @param topic the target topic
   * @param payload the payload object
   * @return completes when the frame is handed to the transport; fails with {@link
   *     InvalidArgumentException} when the payload cannot be converted
   */
  public CompletableFuture<Void> convertAndSend(String topic, Object payload) {
    return convertAndSend(topic, payload, DEFAULT_MESSAGE_TYPE);
  }

  /**
   * Convert a payload and send it.
   *
   * @param topic the target topic
   * @param payload the payload object
   * @param type the message type
   * @return completes when the frame is handed to the transport; fails with {@link
   *     InvalidArgumentException} when the payload cannot be converted
   */
  public CompletableFuture<Void> convertAndSend(String topic, Object payload, MessageType type) {
    byte[] bytes;
    try {
      bytes = toBytes(payload);
    } catch (InvalidArgumentException ex) {
      return CompletableFuture.failedFuture(ex);
    }
    return this.sender.send(topic, bytes, type);
  }

  /**
   * Convert a payload, send it and wait until it is handed to the transport.
   *
   * @param topic the target topic
   * @param payload the payload object
   * @param type the message type
   * @param timeout how long to wait
   * @throws InvalidArgumentException when the payload cannot be converted
   * @throws io.github.aetherjava.client.AetherException when the send fails or times out
   */
  public void convertAndSendBlocking(
      String topic, Object payload, MessageType type, Duration timeout) {
    await(convertAndSend(topic, payload, type), timeout, topic);
  }

  /**
   * Blocking {@link #convertAndSend(String, Object)} with {@link #DEFAULT_SEND_TIMEOUT}.
   *
   * @param topic the target topic
   * @param payload the payload object
   */
  public void convertAndSendBlocking(String topic, Object payload) {
    convertAndSendBlocking(topic, payload, DEFAULT_MESSAGE_TYPE, DEFAULT_SEND_TIMEOUT);
  }

  /**
   * Send a reply to the source topic of a received message, with the request's message type.
   *
   * @param request the message being answered
   * @param payload the reply payload object
   * @return completes when the frame is handed to the transport
   */
  public CompletableFuture<Void> reply(IncomingMessage request, Object payload) {
    return convertAndSend(request.sourceTopic(), payload, request.messageType());
  }

  /**
   * Convert a payload to the bytes this template would send.
   *
   * @param payload the payload object
   * @return the bytes
   * @throws InvalidArgumentException when the payload cannot be converted
   */
  public byte[] toBytes(Object payload) {
    return AetherMessageConverters.toBytes(payload, this.converter);
  }

  private static void await(CompletableFuture<Void> future, Duration timeout, String topic) {
    try {
      future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while sending to '" + topic + "'", ex);
    } catch (TimeoutException ex) {
      throw new AetherTimeoutException("send", timeout, null);
    } catch (ExecutionException ex) {
      if (ex.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("Send to '" + topic + "' failed", ex.getCause());
    }
  }
}
