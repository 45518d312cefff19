/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.ClientObserver;
import io.github.aetherjava.client.ConnectionState;
import io.github.aetherjava.client.GatewayError;
import io.github.aetherjava.client.IncomingMessage;
import io.github.aetherjava.client.MessageType;
import io.github.aetherjava.client.RequestObservation;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the client's {@link ClientObserver}s, each call guarded: an observer that throws is logged
 * and never reaches the SDK path that called it (the stream, a send, a state change). State changes
 * are queued in order while the connection lock is held and told after it is released, one caller
 * at a time, so observers never run under an SDK lock yet see transitions in the order they
 * happened.
 */
final class Observers {

  private static final Logger LOG = LoggerFactory.getLogger(Observers.class);

  // copy-on-write: observers added after construction are seen by every later call
  private final CopyOnWriteArrayList<ClientObserver> observers;
  private final Supplier<AetherClient> client;
  private final Queue<Runnable> stateEvents = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();

  Observers(List<ClientObserver> observers, Supplier<AetherClient> client) {
    this.observers = new CopyOnWriteArrayList<>(observers);
    this.client = client;
  }

  /**
   * Adds an observer unless it is already one (by identity of {@code equals}).
   *
   * @return whether it was added
   */
  boolean add(ClientObserver observer) {
    return observers.addIfAbsent(observer);
  }

  boolean isEmpty() {
    return observers.isEmpty();
  }

  /** Queues a state change; the caller may hold the connection lock. Told by {@link #flush()}. */
  void queueStateChange(ConnectionState from, ConnectionState to, @Nullable Throwable cause) {
    if (!observers.isEmpty()) {
      stateEvents.add(() -> each(o -> o.onStateChanged(client.get(), from, to, cause)));
    }
  }

  /** Tells queued state changes, in order; call without holding any SDK lock. */
  void flush() {
    while (!stateEvents.isEmpty() && draining.compareAndSet(false, true)) {
      try {
        Runnable r;
        while ((r = stateEvents.poll()) != null) {
          r.run();
        }
      } finally {
        draining.set(false);
      }
    }
  }

  void messageSent(String topic, MessageType type, int bytes) {
    each(o -> o.onMessageSent(client.get(), topic, type, bytes));
  }

  void sendFailed(String topic, Throwable error) {
    each(o -> o.onSendFailed(client.get(), topic, error));
  }

  void messageReceived(IncomingMessage message) {
    each(o -> o.onMessageReceived(client.get(), message));
  }

  void reconnectAttempt(int attempt) {
    each(o -> o.onReconnectAttempt(client.get(), attempt));
  }

  void gatewayError(GatewayError error) {
    each(o -> o.onGatewayError(client.get(), error));
  }

  void pressure(io.github.aetherjava.client.delivery.PressureEvent event) {
    each(o -> o.onPressure(client.get(), event));
  }

  void handlerError(Throwable error) {
    each(o -> o.onHandlerError(client.get(), error));
  }

  void callbackRejected(RejectedExecutionException error) {
    each(o -> o.onCallbackRejected(client.get(), error));
  }

  RequestObservation request(String operation) {
    if (observers.isEmpty()) {
      return RequestObservation.NOOP;
    }
    List<RequestObservation> started = new ArrayList<>(observers.size());
    each(
        o -> {
          RequestObservation r = o.onRequest(client.get(), operation);
          if (r != null) {
            started.add(r);
          }
        });
    return error -> {
      for (RequestObservation s : started) {
        try {
          s.onComplete(error);
        } catch (RuntimeException e) {
          LOG.warn("a request observation threw; ignored", e);
        }
      }
    };
  }

  private void each(Consumer<ClientObserver> call) {
    for (ClientObserver o : observers) {
      try {
        call.accept(o);
      } catch (RuntimeException e) {
        LOG.warn("observer {} threw; ignored", o.getClass().getName(), e);
      }
    }
  }
}
