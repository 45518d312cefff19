/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.listener;

import io.github.aetherjava.client.MessageType;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Description of one listener method: what it receives, from which client, with which filters.
 * Built by {@link AetherListenerAnnotationBeanPostProcessor} from annotations, or programmatically
 * through an {@link AetherListenerConfigurer}.
 *
 * @param id unique listener id
 * @param kind what the listener receives
 * @param bean the bean holding the method
 * @param method the method to invoke
 * @param clientName bean name of the client, or {@code null} for the only client (all clients for
 *     connection events)
 * @param messageTypes accepted message types, empty for all
 * @param sourceTopic pattern the source topic must match, or {@code null} for any
 * @param configKey KV key for {@link AetherListenerKind#CONFIG} listeners, or {@code null} for the
 *     snapshot
 * @param connectionEvents accepted connection event types, empty for all
 * @param sendTo reply topic overriding the source topic, or {@code null}
 * @param errorHandler bean name of the error handler, or {@code null} for the default
 * @param autoStartup whether the listener starts with the context
 * @param containerFactory bean name of the {@link AetherListenerContainerFactory}, or {@code null}
 *     for the default one
 * @param concurrency lanes for this listener, or {@code 0} for the factory's setting
 * @param deadLetterTopic topic for messages whose listener failed for good, or {@code null} for the
 *     factory's setting
 * @since 0.1.0
 */
public record AetherListenerEndpoint(
    String id,
    AetherListenerKind kind,
    Object bean,
    Method method,
    @Nullable String clientName,
    Set<MessageType> messageTypes,
    @Nullable Pattern sourceTopic,
    @Nullable String configKey,
    Set<AetherConnectionEvent.Type> connectionEvents,
    @Nullable String sendTo,
    @Nullable String errorHandler,
    boolean autoStartup,
    @Nullable String containerFactory,
    int concurrency,
    @Nullable String deadLetterTopic) {

  /** Create a new endpoint, copying the sets. */
  public AetherListenerEndpoint {
    messageTypes = Set.copyOf(messageTypes);
    connectionEvents = Set.copyOf(connectionEvents);
    if (concurrency < 0) {
      throw new IllegalArgumentException("concurrency must not be negative, was " + concurrency);
    }
  }

  /**
   * Create an endpoint with the default container factory and its concurrency and dead-letter
   * settings.
   *
   * @param id unique listener id
   * @param kind what the listener receives
   * @param bean the bean holding the method
   * @param method the method to invoke
   * @param clientName bean name of the client, or {@code null}
   * @param messageTypes accepted message types, empty for all
   * @param sourceTopic pattern the source topic must match, or {@code null} for any
   * @param configKey KV key for config listeners, or {@code null}
   * @param connectionEvents accepted connection event types, empty for all
   * @param sendTo reply topic overriding the source topic, or {@code null}
   * @param errorHandler bean name of the error handler, or {@code null} for the default
   * @param autoStartup whether the listener starts with the context
   */
  public AetherListenerEndpoint(
      String id,
      AetherListenerKind kind,
      Object bean,
      Method method,
      @Nullable String clientName,
      Set<MessageType> messageTypes,
      @Nullable Pattern sourceTopic,
      @Nullable String configKey,
      Set<AetherConnectionEvent.Type> connectionEvents,
      @Nullable String sendTo,
      @Nullable String errorHandler,
      boolean autoStartup) {
    this(
        id,
        kind,
        bean,
        method,
        clientName,
        messageTypes,
        sourceTopic,
        configKey,
        connectionEvents,
        sendTo,
        errorHandler,
        autoStartup,
        null,
        0,
        null);
  }

  /**
   * Whether a message with the given type and source topic passes the filters.
   *
   * @param type the message type
   * @param topic the source topic
   * @return whether the listener accepts the message
   */
  public boolean accepts(MessageType type, String topic) {
    return (this.messageTypes.isEmpty() || this.messageTypes.contains(type))
        && (this.sourceTopic == null || this.sourceTopic.matcher(topic).matches());
  }
}
