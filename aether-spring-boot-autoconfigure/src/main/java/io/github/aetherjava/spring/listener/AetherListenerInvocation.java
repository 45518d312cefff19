/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.listener;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.IncomingMessage;
import java.lang.reflect.Method;
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
public record AetherListenerInvocation(
    String listenerId,
    AetherListenerKind kind,
    String clientName,
    AetherClient client,
    Method method,
    Message<?> message,
    @Nullable IncomingMessage incomingMessage) {}
