/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.listener;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.TaskAssignment;
import io.github.aetherjava.spring.task.TaskContext;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;

/**
 * Resolves {@link TaskContext} parameters of {@link
 * io.github.aetherjava.spring.annotation.OnTaskAssignment @OnTaskAssignment} methods.
 *
 * @since 0.1.0
 */
public class TaskContextArgumentResolver implements HandlerMethodArgumentResolver {

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == TaskContext.class;
  }

  @Override
  public @Nullable Object resolveArgument(MethodParameter parameter, Message<?> message) {
    Object client = message.getHeaders().get(AetherHeaders.CLIENT_INSTANCE);
    if (!(message.getPayload() instanceof TaskAssignment assignment)
        || !(client instanceof AetherClient c)) {
      throw new IllegalStateException(
          "Parameter " + parameter + " is only available in @OnTaskAssignment methods");
    }
    return new TaskContext(assignment, c);
  }
}
