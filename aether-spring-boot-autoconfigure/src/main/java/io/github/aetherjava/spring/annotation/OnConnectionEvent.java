/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.annotation;

import io.github.aetherjava.spring.listener.AetherConnectionEvent;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.aot.hint.annotation.Reflective;

/**
 * Marks a bean method to receive {@link AetherConnectionEvent connection events} of a client
 * (connected, disconnected, reconnecting, state changed). Callbacks must be quick: they run on the
 * client's callback thread.
 *
 * @since 0.1.0
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Reflective
public @interface OnConnectionEvent {

  /**
   * Event types to receive; all types when empty.
   *
   * @return the event types
   */
  AetherConnectionEvent.Type[] value() default {};

  /**
   * Bean name of the client; all clients when empty.
   *
   * @return the client bean name
   */
  String client() default "";

  /**
   * Unique identifier of the listener; generated when empty.
   *
   * @return the listener id
   */
  String id() default "";
}
