/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import io.github.aetherjava.client.ConfigSnapshot;
import io.github.aetherjava.client.ConnectionListener;
import io.github.aetherjava.client.GatewayError;
import io.github.aetherjava.client.IncomingMessage;
import io.github.aetherjava.client.MessageHandler;
import io.github.aetherjava.client.MessageType;
import io.github.aetherjava.client.ProgressUpdate;
import io.github.aetherjava.client.Registration;
import io.github.aetherjava.client.SignalInfo;
import io.github.aetherjava.client.TaskAssignment;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The user handlers and listeners of one client, and how each kind is called. Every call is
 * guarded: what a handler throws goes to the error sink, never to the caller. Callers run these on
 * the client's ordered dispatcher.
 */
final class HandlerRegistry {

  /** User code that may throw anything. */
  @FunctionalInterface
  interface UserCall {
    void run() throws Exception;
  }

  private final Consumer<Throwable> handlerErrors;
  private final List<MessageHandler> messageHandlers = new CopyOnWriteArrayList<>();
  private final Map<MessageType, List<MessageHandler>> typedHandlers =
      new EnumMap<>(MessageType.class);
  private final List<Consumer<ConfigSnapshot>> configHandlers = new CopyOnWriteArrayList<>();
  private final List<Consumer<TaskAssignment>> assignmentHandlers = new CopyOnWriteArrayList<>();
  private final List<Consumer<ProgressUpdate>> progressHandlers = new CopyOnWriteArrayList<>();
  private final List<Consumer<SignalInfo>> signalHandlers = new CopyOnWriteArrayList<>();
  private final List<Consumer<GatewayError>> errorHandlers = new CopyOnWriteArrayList<>();
  private final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<DownstreamMessage>> rawHandlers = new CopyOnWriteArrayList<>();

  /**
   * @param handlerErrors told of everything a handler or listener throws
   */
  HandlerRegistry(Consumer<Throwable> handlerErrors) {
    this.handlerErrors = handlerErrors;
    for (MessageType t : MessageType.values()) {
      typedHandlers.put(t, new CopyOnWriteArrayList<>());
    }
  }

  Registration onMessage(MessageHandler h) {
    return add(messageHandlers, h);
  }

  Registration onMessage(MessageType type, MessageHandler h) {
    List<MessageHandler> list = typedHandlers.get(Arguments.notNull(type, "type"));
    if (list == null) {
      throw new IllegalStateException("no handler list for " + type);
    }
    return add(list, h);
  }

  Registration onConfig(Consumer<ConfigSnapshot> h) {
    return add(configHandlers, h);
  }

  Registration onTaskAssignment(Consumer<TaskAssignment> h) {
    return add(assignmentHandlers, h);
  }

  Registration onProgress(Consumer<ProgressUpdate> h) {
    return add(progressHandlers, h);
  }

  Registration onSignal(Consumer<SignalInfo> h) {
    return add(signalHandlers, h);
  }

  Registration onError(Consumer<GatewayError> h) {
    return add(errorHandlers, h);
  }

  Registration addListener(ConnectionListener l) {
    return add(listeners, l);
  }

  Registration onRawDownstream(Consumer<DownstreamMessage> h) {
    return add(rawHandlers, h);
  }

  boolean hasRawHandlers() {
    return !rawHandlers.isEmpty();
  }

  void message(IncomingMessage msg) {
    for (MessageHandler h : messageHandlers) {
      handle(h, msg);
    }
    List<MessageHandler> typed = typedHandlers.get(msg.messageType());
    if (typed != null) {
      for (MessageHandler h : typed) {
        handle(h, msg);
      }
    }
  }

  /** {@link #guard} without a task object: this runs for every message. */
  private void handle(MessageHandler h, IncomingMessage msg) {
    try {
      h.handle(msg);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      handlerErrors.accept(e);
    }
  }

  void config(ConfigSnapshot config) {
    each(configHandlers, config);
  }

  void assignment(TaskAssignment task) {
    each(assignmentHandlers, task);
  }

  void progress(ProgressUpdate update) {
    each(progressHandlers, update);
  }

  void signal(SignalInfo signal) {
    each(signalHandlers, signal);
  }

  void error(GatewayError error) {
    each(errorHandlers, error);
  }

  void raw(DownstreamMessage m) {
    each(rawHandlers, m);
  }

  void listeners(Consumer<ConnectionListener> call) {
    for (ConnectionListener l : listeners) {
      guard(() -> call.accept(l));
    }
  }

  /**
   * Runs user code; reports what it throws (Errors from user code too, except the JVM's own).
   *
   * @param r user code
   */
  void guard(UserCall r) {
    try {
      r.run();
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      handlerErrors.accept(e);
    }
  }

  private <T> void each(List<Consumer<T>> handlers, T value) {
    for (Consumer<T> h : handlers) {
      guard(() -> h.accept(value));
    }
  }

  private static <T> Registration add(List<T> list, T item) {
    Arguments.notNull(item, "handler");
    list.add(item);
    return () -> list.remove(item);
  }
}
