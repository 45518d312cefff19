/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import io.github.aetherjava.client.Registration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listeners of one kind of pushed event, told on the calling thread (the client's ordered
 * dispatcher), each call guarded so one failing listener neither stops the others nor the stream.
 *
 * @param <T> event type
 */
public final class EventListeners<T> {

  private static final Logger LOG = LoggerFactory.getLogger(EventListeners.class);

  private final String what;
  private final List<Consumer<T>> listeners = new CopyOnWriteArrayList<>();

  /**
   * @param what names the listeners in the log line of a failure, e.g. {@code "authority
   *     revocation"}
   */
  public EventListeners(String what) {
    this.what = what;
  }

  /**
   * @param listener told of every later event
   * @return removes it
   */
  public Registration add(@org.jspecify.annotations.Nullable Consumer<T> listener) {
    Consumer<T> l = Arguments.notNull(listener, "listener");
    listeners.add(l);
    return () -> listeners.remove(l);
  }

  /**
   * @return true if nobody listens
   */
  public boolean isEmpty() {
    return listeners.isEmpty();
  }

  /**
   * Tells every listener, in registration order.
   *
   * @param event the event
   */
  public void fire(T event) {
    for (Consumer<T> l : listeners) {
      try {
        l.accept(event);
      } catch (RuntimeException e) {
        LOG.warn("{} listener failed for {}", what, event, e);
      }
    }
  }
}
