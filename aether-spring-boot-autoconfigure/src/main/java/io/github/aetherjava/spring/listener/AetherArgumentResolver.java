/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.listener;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.IncomingMessage;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;

/**
 * Resolves unannotated {@link IncomingMessage} parameters to the raw message and {@link
 * AetherClient} parameters (or a specific client type) to the client that received it.
 *
 * @since 0.1.0
 */
public class AetherArgumentResolver implements HandlerMethodArgumentResolver {

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    if (parameter.hasParameterAnnotation(Payload.class)) {
      return false;
    }
    Class<?> type = parameter.getParameterType();
    return IncomingMessage.class == type || AetherClient.class.isAssignableFrom(type);
  }

  @Override
  public @Nullable Object resolveArgument(MethodParameter parameter, Message<?> message) {
    Class<?> type = parameter.getParameterType();
    if (IncomingMessage.class == type) {
      return message.getHeaders().get(AetherHeaders.RAW_MESSAGE);
    }
    Object client = message.getHeaders().get(AetherHeaders.CLIENT_INSTANCE);
    if (client != null && !type.isInstance(client)) {
      throw new IllegalStateException(
          "Parameter "
              + parameter
              + " expects a "
              + type.getSimpleName()
              + " but the listener runs on a "
              + client.getClass().getSimpleName());
    }
    return client;
  }
}
