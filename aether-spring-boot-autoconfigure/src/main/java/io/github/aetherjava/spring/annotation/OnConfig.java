/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.aot.hint.annotation.Reflective;

/**
 * Marks a bean method to receive configuration pushed by the gateway.
 *
 * <p>Without a {@link #key()}, the payload is the whole {@link
 * io.github.aetherjava.client.ConfigSnapshot}. With a key, the payload is that KV entry (looked up
 * in the workspace-exclusive entries, then the global ones) converted to the parameter type like a
 * message payload; snapshots without the key are skipped.
 *
 * @since 0.1.0
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Reflective
public @interface OnConfig {

  /**
   * KV key to extract from the snapshot; the whole snapshot when empty.
   *
   * @return the key
   */
  String key() default "";

  /**
   * Bean name of the client; required only when the context holds more than one client.
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
