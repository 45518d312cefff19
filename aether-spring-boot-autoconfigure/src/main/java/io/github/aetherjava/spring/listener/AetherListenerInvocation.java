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

import java.lang.reflect.Method;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.IncomingMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.messaging.Message;

/**
 * One invocation of a listener method, as seen by {@link AetherListenerInterceptor interceptors}.
 *
 * @param listenerId the listener id
 * @param kind what the listener receives
 * @param clientName bean name of the client
 * @param client the client
 * @param method the listener method
 * @param message the spring-messaging message the method is invoked with
 * @param incomingMessage the raw message, for {@link AetherListenerKind#MESSAGE} listeners
 * @since 0.1.0
 */
public record AetherListenerInvocation(String listenerId, AetherListenerKind kind, String clientName,
		AetherClient client, Method method, Message<?> message, @Nullable IncomingMessage incomingMessage) {

}
