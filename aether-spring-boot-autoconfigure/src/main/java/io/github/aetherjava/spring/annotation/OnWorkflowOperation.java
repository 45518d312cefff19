/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.annotation;

import io.github.aetherjava.client.workflow.WorkflowOperationType;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.aot.hint.annotation.Reflective;

/**
 * Marks a bean method that serves workflow operations on the application's {@link
 * io.github.aetherjava.client.WorkflowEngineClient} ({@code aether.workflow-engine.enabled=true}).
 * The method takes a {@link io.github.aetherjava.client.workflow.WorkflowRequest} (or nothing) and
 * returns a {@link io.github.aetherjava.client.workflow.WorkflowResult}, a JSON {@code String},
 * {@code byte[]} or nothing (an empty success); a thrown exception answers unsuccessfully with its
 * message.
 *
 * <pre>{@code
 * @OnWorkflowOperation(WorkflowOperationType.GET_WORKFLOW)
 * WorkflowResult get(WorkflowRequest op) { return WorkflowResult.ok(store.json(op.id())); }
 * }</pre>
 *
 * @since 0.1.0
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Reflective
public @interface OnWorkflowOperation {

  /**
   * The operation types this method serves; empty = every type no other method claims.
   *
   * @return the types
   */
  WorkflowOperationType[] value() default {};
}
