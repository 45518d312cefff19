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

import org.jspecify.annotations.Nullable;

import org.springframework.messaging.Message;

/**
 * Handles exceptions thrown by listener methods. The stream and the listener keep running whatever the
 * handler does; a handler that itself throws is logged.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface AetherListenerErrorHandler {

	/**
	 * Handle a listener failure.
	 * @param message the spring-messaging message the listener was invoked with (payload and
	 * {@link AetherHeaders})
	 * @param exception the failure, carrying the listener id and the cause
	 * @return a reply to send to the source topic of a message listener, or {@code null} for none
	 */
	@Nullable Object handleError(Message<?> message, AetherListenerExecutionException exception);

}
