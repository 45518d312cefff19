/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.listener;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * Default {@link AetherListenerErrorHandler}: logs the failure with its context (listener, client,
 * source topic, message type, workspace) and continues with the next message.
 *
 * @since 0.1.0
 */
public class LoggingAetherListenerErrorHandler implements AetherListenerErrorHandler {

  private static final Log logger = LogFactory.getLog(LoggingAetherListenerErrorHandler.class);

  @Override
  public @Nullable Object handleError(
      Message<?> message, AetherListenerExecutionException exception) {
    MessageHeaders headers = message.getHeaders();
    logger.error(
        "Aether listener '"
            + exception.getListenerId()
            + "' failed [client="
            + headers.get(AetherHeaders.CLIENT)
            + ", sourceTopic="
            + headers.get(AetherHeaders.SOURCE_TOPIC)
            + ", messageType="
            + headers.get(AetherHeaders.MESSAGE_TYPE)
            + ", workspace="
            + headers.get(AetherHeaders.WORKSPACE)
            + "]",
        exception.getCause());
    return null;
  }
}
