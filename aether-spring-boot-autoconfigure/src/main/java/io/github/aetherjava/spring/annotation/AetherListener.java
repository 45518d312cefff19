/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.annotation;

import io.github.aetherjava.client.MessageType;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.aot.hint.annotation.Reflective;

/**
 * Marks a bean method as a listener for messages delivered to an Aether client.
 *
 * <p>Arguments are resolved like spring-messaging handler methods: an unannotated or {@link
 * org.springframework.messaging.handler.annotation.Payload @Payload} parameter receives the payload
 * converted to the parameter type ({@code byte[]}, {@code String}, protobuf messages, and any type
 * including generics through Jackson when it is on the classpath); {@link
 * org.springframework.messaging.handler.annotation.Header @Header} parameters receive the {@link
 * io.github.aetherjava.spring.listener.AetherHeaders} values; parameters of type {@link
 * io.github.aetherjava.client.IncomingMessage}, {@link io.github.aetherjava.client.AetherClient} or
 * {@link org.springframework.messaging.Message} receive the raw message, the client and the
 * spring-messaging message.
 *
 * <p>A non-{@code null} return value is sent back to the source topic of the message
 * (request/reply), or to the topic of a {@link
 * org.springframework.messaging.handler.annotation.SendTo @SendTo} annotation. An exception goes to
 * retries and then to the recoverer or error handler of the listener's {@link
 * io.github.aetherjava.spring.listener.AetherListenerContainerFactory container factory}; the
 * stream never dies because of a listener. Payload parameters annotated with {@code @Valid} are
 * validated when a validator (jakarta.validation) is available; a payload that cannot be converted
 * or validated takes the same error path, without retries.
 *
 * @since 0.1.0
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Reflective
public @interface AetherListener {

  /**
   * Unique identifier of the listener in the {@link
   * io.github.aetherjava.spring.listener.AetherListenerEndpointRegistry}. Generated when empty.
   *
   * @return the listener id
   */
  String id() default "";

  /**
   * Bean name of the client to listen on. Required only when the context holds more than one
   * client.
   *
   * @return the client bean name
   */
  String client() default "";

  /**
   * Message types to receive; all types when empty.
   *
   * @return the accepted message types
   */
  MessageType[] messageType() default {};

  /**
   * Regular expression the source topic of a message must match; any topic when empty. Supports
   * property placeholders.
   *
   * @return the source topic pattern
   */
  String sourceTopic() default "";

  /**
   * Bean name of an {@link io.github.aetherjava.spring.listener.AetherListenerErrorHandler} for
   * this listener; the default error handler when empty.
   *
   * @return the error handler bean name
   */
  String errorHandler() default "";

  /**
   * Whether the listener starts with the context: {@code "true"}, {@code "false"}, a placeholder,
   * or empty for {@code aether.listener.auto-startup}.
   *
   * @return the auto-startup setting
   */
  String autoStartup() default "";

  /**
   * Bean name of the {@link io.github.aetherjava.spring.listener.AetherListenerContainerFactory}
   * that creates this listener's container (concurrency, retry, recoverer, dead-letter topic); the
   * default factory when empty.
   *
   * @return the container factory bean name
   */
  String containerFactory() default "";

  /**
   * Number of lanes this listener runs on, overriding the container factory; messages from one
   * source topic always share a lane, so their order is kept. A number or a placeholder; the
   * factory's setting when empty.
   *
   * @return the concurrency
   */
  String concurrency() default "";

  /**
   * Topic that messages are published to when this listener failed for good (retries used up, or a
   * payload that cannot be converted or validated), overriding the container factory. Supports
   * placeholders; the factory's setting when empty.
   *
   * @return the dead-letter topic
   */
  String deadLetterTopic() default "";
}
