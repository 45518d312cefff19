/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.metrics;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.AetherException;
import io.github.aetherjava.client.ClientObserver;
import io.github.aetherjava.client.ConnectionState;
import io.github.aetherjava.client.FailureReason;
import io.github.aetherjava.client.GatewayError;
import io.github.aetherjava.client.IncomingMessage;
import io.github.aetherjava.client.MessageType;
import io.github.aetherjava.client.RequestObservation;
import io.github.aetherjava.spring.listener.AetherListenerContainer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Micrometer meters for Aether clients, fed by the client's {@link ClientObserver} hooks. Every
 * meter is tagged with {@code principal} (the client kind, e.g. {@code agent}) and {@code
 * identity}.
 *
 * <table>
 * <caption>Meters</caption>
 * <tr><th>Name</th><th>Type</th><th>Extra tags</th></tr>
 * <tr><td>{@value #MESSAGES_SENT}</td><td>counter</td><td>{@code type}</td></tr>
 * <tr><td>{@value #MESSAGES_RECEIVED}</td><td>counter</td><td>{@code type}</td></tr>
 * <tr><td>{@value #SEND_FAILURES}</td><td>counter</td><td>{@code reason}</td></tr>
 * <tr><td>{@value #SENDS_REJECTED}</td><td>counter</td><td>{@code reason}</td></tr>
 * <tr><td>{@value #RECONNECTS}</td><td>counter</td><td></td></tr>
 * <tr><td>{@value #GATEWAY_ERRORS}</td><td>counter</td><td>{@code code}</td></tr>
 * <tr><td>{@value #PRESSURE}</td><td>counter</td><td>{@code kind}</td></tr>
 * <tr><td>{@value #REQUESTS}</td><td>timer</td><td>{@code operation}, {@code outcome}</td></tr>
 * <tr><td>{@value #CONNECTED}</td><td>gauge (1 when READY)</td><td></td></tr>
 * <tr><td>{@value #STATE}</td><td>gauge (ordinal of the state)</td><td></td></tr>
 * <tr><td>{@value #SENDS_BUFFERED}</td><td>gauge</td><td></td></tr>
 * <tr><td>{@value #REQUESTS_PENDING}</td><td>gauge</td><td></td></tr>
 * </table>
 *
 * @since 0.1.0
 */
public class AetherClientMetrics implements ClientObserver {

  /** Messages handed to the transport. */
  public static final String MESSAGES_SENT = "aether.client.messages.sent";

  /** Messages received from the gateway. */
  public static final String MESSAGES_RECEIVED = "aether.client.messages.received";

  /** Sends that failed. */
  public static final String SEND_FAILURES = "aether.client.send.failures";

  /** Sends dropped or rejected because the outbound buffer was full or the gateway refused them. */
  public static final String SENDS_REJECTED = "aether.client.sends.rejected";

  /** Reconnection attempts. */
  public static final String RECONNECTS = "aether.client.reconnects";

  /** Error responses from the gateway. */
  public static final String GATEWAY_ERRORS = "aether.client.gateway.errors";

  /** Rate-limit, quota and back-pressure errors (also those matched to confirmed sends). */
  public static final String PRESSURE = "aether.client.pressure";

  /** Request/response operations (KV, checkpoints, tasks, admin, proxy). */
  public static final String REQUESTS = "aether.client.requests";

  /** 1 while the client is READY, else 0. */
  public static final String CONNECTED = "aether.client.connected";

  /**
   * Ordinal of the {@link ConnectionState}: 0 IDLE, 1 CONNECTING, 2 READY, 3 RECONNECTING, 4
   * CLOSED.
   */
  public static final String STATE = "aether.client.state";

  /** Sends waiting in the outbound buffer. */
  public static final String SENDS_BUFFERED = "aether.client.sends.buffered";

  /** Requests waiting for their response. */
  public static final String REQUESTS_PENDING = "aether.client.requests.pending";

  /**
   * Received messages and events waiting on the client's dispatcher for their handlers (listener
   * containers with their own lanes take them at once; see {@link #LISTENER_IN_FLIGHT}).
   */
  public static final String INBOUND_BACKLOG = "aether.client.inbound.backlog";

  /**
   * Listener invocations accepted and not finished (waiting in a lane or running), per listener.
   */
  public static final String LISTENER_IN_FLIGHT = "aether.listener.in-flight";

  private final MeterRegistry registry;

  private final Set<AetherClient> bound = ConcurrentHashMap.newKeySet();

  /**
   * Create a new instance.
   *
   * @param registry the registry to add meters to
   */
  public AetherClientMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * Register the gauges of a client. Idempotent; called for every client bean and on the first
   * callback of any other client.
   *
   * @param client the client
   */
  public void bindTo(AetherClient client) {
    if (!this.bound.add(client)) {
      return;
    }
    Tags tags = tags(client);
    Gauge.builder(CONNECTED, client, (c) -> (c.state() == ConnectionState.READY) ? 1 : 0)
        .description("Whether the Aether client is connected (1) or not (0)")
        .tags(tags)
        .register(this.registry);
    Gauge.builder(STATE, client, (c) -> c.state().ordinal())
        .description("Connection state of the Aether client (ordinal of ConnectionState)")
        .tags(tags)
        .register(this.registry);
    Gauge.builder(SENDS_BUFFERED, client, (c) -> c.status().bufferedSends())
        .description("Sends waiting in the outbound buffer")
        .tags(tags)
        .register(this.registry);
    Gauge.builder(REQUESTS_PENDING, client, (c) -> c.status().pendingRequests())
        .description("Requests waiting for their response")
        .tags(tags)
        .register(this.registry);
    Gauge.builder(INBOUND_BACKLOG, client, AetherClient::inboundBacklog)
        .description("Received messages and events waiting for their handlers")
        .tags(tags)
        .register(this.registry);
  }

  /**
   * Register the in-flight gauge of a listener container.
   *
   * @param container the container
   */
  public void bindTo(AetherListenerContainer container) {
    Gauge.builder(LISTENER_IN_FLIGHT, container, AetherListenerContainer::getInFlight)
        .description("Listener invocations waiting in a lane or running")
        .tags(
            Tags.of(
                "listener", container.getListenerId(),
                "client", container.getClientName()))
        .register(this.registry);
  }

  @Override
  public void onStateChanged(
      AetherClient client, ConnectionState from, ConnectionState to, @Nullable Throwable cause) {
    bindTo(client);
  }

  @Override
  public void onMessageSent(AetherClient client, String topic, MessageType type, int bytes) {
    counter(MESSAGES_SENT, "Messages sent", client, Tags.of("type", tagValue(type))).increment();
  }

  @Override
  public void onMessageReceived(AetherClient client, IncomingMessage message) {
    counter(
            MESSAGES_RECEIVED,
            "Messages received",
            client,
            Tags.of("type", tagValue(message.messageType())))
        .increment();
  }

  @Override
  public void onSendFailed(AetherClient client, String topic, Throwable error) {
    String reason = reason(error);
    counter(SEND_FAILURES, "Sends that failed", client, Tags.of("reason", reason)).increment();
    if (error instanceof AetherException aetherError
        && (aetherError.reason() == FailureReason.BUFFER_FULL
            || aetherError.reason() == FailureReason.REJECTED)) {
      counter(SENDS_REJECTED, "Sends dropped or rejected", client, Tags.of("reason", reason))
          .increment();
    }
  }

  @Override
  public void onReconnectAttempt(AetherClient client, int attempt) {
    counter(RECONNECTS, "Reconnection attempts", client, Tags.empty()).increment();
  }

  @Override
  public void onPressure(
      AetherClient client, io.github.aetherjava.client.delivery.PressureEvent event) {
    counter(
            PRESSURE,
            "Rate-limit, quota and back-pressure errors from the gateway",
            client,
            Tags.of("kind", event.kind().name().toLowerCase(java.util.Locale.ROOT)))
        .increment();
  }

  @Override
  public void onGatewayError(AetherClient client, GatewayError error) {
    counter(
            GATEWAY_ERRORS,
            "Error responses from the gateway",
            client,
            Tags.of("code", String.valueOf(error.code())))
        .increment();
  }

  @Override
  public RequestObservation onRequest(AetherClient client, String operation) {
    Timer.Sample sample = Timer.start(this.registry);
    return (error) ->
        sample.stop(
            Timer.builder(REQUESTS)
                .description("Aether request/response operations")
                .tags(tags(client))
                .tag("operation", operation)
                .tag("outcome", outcome(error))
                .register(this.registry));
  }

  private Counter counter(String name, String description, AetherClient client, Tags extra) {
    return Counter.builder(name)
        .description(description)
        .tags(tags(client))
        .tags(extra)
        .register(this.registry);
  }

  private static Tags tags(AetherClient client) {
    return Tags.of("principal", tagValue(client.kind()), "identity", client.identity());
  }

  private static String tagValue(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  private static String reason(Throwable error) {
    if (error instanceof AetherException aetherError) {
      return tagValue(aetherError.reason());
    }
    return error.getClass().getSimpleName();
  }

  /**
   * Outcome tag of a request: {@code success}, {@code timeout} or {@code error}.
   *
   * @param error the failure, or {@code null}
   * @return the outcome
   */
  static String outcome(@Nullable Throwable error) {
    if (error == null) {
      return "success";
    }
    if (error instanceof AetherException aetherError
        && aetherError.reason() == FailureReason.TIMEOUT) {
      return "timeout";
    }
    return "error";
  }
}
