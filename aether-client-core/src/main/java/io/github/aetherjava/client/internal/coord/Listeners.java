/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal.coord;

import io.github.aetherjava.client.Registration;
import io.github.aetherjava.client.internal.Arguments;
import io.github.aetherjava.client.internal.Handoff;
import io.github.aetherjava.client.internal.SerialExecutor;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners of one primitive, called one event at a time in the order the events were fired, on
 * the callback executor.
 *
 * @param <L> listener type
 */
final class Listeners<L> {

  private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

  private final CopyOnWriteArrayList<L> list = new CopyOnWriteArrayList<>();
  private final SerialExecutor serial;

  Listeners(Executor callbacks) {
    // a Handoff never loses a listener call, even if the executor refuses it
    this.serial = new SerialExecutor(new Handoff(callbacks, () -> "coordination", e -> {}));
  }

  Registration add(L listener) {
    Arguments.notNull(listener, "listener");
    list.add(listener);
    return () -> list.remove(listener);
  }

  void fire(Consumer<L> call) {
    fireThen(call, () -> {});
  }

  /** Calls every listener, then runs {@code after} (internal code) in the same serial slot. */
  void fireThen(Consumer<L> call, Runnable after) {
    serial.execute(
        () -> {
          for (L l : list) {
            try {
              call.accept(l);
            } catch (RuntimeException e) {
              LOG.warn("coordination listener failed", e);
            }
          }
          after.run();
        });
  }
}
