/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import org.jspecify.annotations.Nullable;

/**
 * Instrumentation hooks (the Spring layer turns them into Micrometer metrics and observations). All
 * methods default to no-ops. Contract: fast, must not throw, must not block, must not call back
 * into the client; they may be called on any thread (gRPC transport threads included).
 *
 * @since 0.1.0
 */
public interface ClientObserver {

  /**
   * Connection state changed.
   *
   * @param client the client
   * @param from previous state
   * @param to new state
   * @param cause failure that caused it, if any
   */
  default void onStateChanged(
      AetherClient client, ConnectionState from, ConnectionState to, @Nullable Throwable cause) {}

  /**
   * A message was handed to the transport.
   *
   * @param client the client
   * @param topic target topic
   * @param type message type
   * @param bytes payload size
   */
  default void onMessageSent(AetherClient client, String topic, MessageType type, int bytes) {}

  /**
   * A send failed (validation, buffer full, closed).
   *
   * @param client the client
   * @param topic target topic
   * @param error why
   */
  default void onSendFailed(AetherClient client, String topic, Throwable error) {}

  /**
   * A message arrived (called before the handlers run).
   *
   * @param client the client
   * @param message the message
   */
  default void onMessageReceived(AetherClient client, IncomingMessage message) {}

  /**
   * A reconnect attempt starts.
   *
   * @param client the client
   * @param attempt 1-based attempt number
   */
  default void onReconnectAttempt(AetherClient client, int attempt) {}

  /**
   * The gateway sent an {@code ErrorResponse}.
   *
   * @param client the client
   * @param error the error
   */
  default void onGatewayError(AetherClient client, GatewayError error) {}

  /**
   * A handler or listener threw.
   *
   * @param client the client
   * @param error what it threw
   */
  default void onHandlerError(AetherClient client, Throwable error) {}

  /**
   * The callback executor refused a task (it threw, for example {@code RejectedExecutionException}
   * from a bounded or shut-down executor). The task still ran, on the client's rescue thread;
   * nothing was lost. Frequent refusals mean the executor is too small.
   *
   * @param client the client
   * @param error what the executor threw
   * @since 0.1.0
   */
  default void onCallbackRejected(
      AetherClient client, java.util.concurrent.RejectedExecutionException error) {}

  /**
   * A request/response operation starts.
   *
   * @param client the client
   * @param operation operation name, e.g. {@code kv.get}, {@code kv.put}, {@code checkpoint.save}
   * @return an observation completed when the operation ends
   */
  default RequestObservation onRequest(AetherClient client, String operation) {
    return RequestObservation.NOOP;
  }

  /**
   * The gateway reported a rate limit, quota or back-pressure drop (also reported to {@link
   * #onGatewayError} unless the refusal was matched to a confirmed send). Called on the thread that
   * read it: keep it cheap, such as incrementing a counter.
   *
   * @param client the client
   * @param event the event
   * @since 0.2.0
   */
  default void onPressure(
      AetherClient client, io.github.aetherjava.client.delivery.PressureEvent event) {}
}
