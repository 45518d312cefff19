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
 * Marks a bean method to receive task assignments (the payload is a {@link
 * io.github.aetherjava.client.TaskAssignment}). Arguments are resolved as for {@link
 * AetherListener}.
 *
 * @since 0.1.0
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Reflective
public @interface OnTaskAssignment {

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
