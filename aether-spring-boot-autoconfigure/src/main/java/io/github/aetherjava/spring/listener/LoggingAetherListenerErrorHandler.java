/*
 * Copyright 2026 the aether-java authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
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
	public @Nullable Object handleError(Message<?> message, AetherListenerExecutionException exception) {
		MessageHeaders headers = message.getHeaders();
		logger.error("Aether listener '" + exception.getListenerId() + "' failed [client="
				+ headers.get(AetherHeaders.CLIENT) + ", sourceTopic=" + headers.get(AetherHeaders.SOURCE_TOPIC)
				+ ", messageType=" + headers.get(AetherHeaders.MESSAGE_TYPE) + ", workspace="
				+ headers.get(AetherHeaders.WORKSPACE) + "]", exception.getCause());
		return null;
	}

}
