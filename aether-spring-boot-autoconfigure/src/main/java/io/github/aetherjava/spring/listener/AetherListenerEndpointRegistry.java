/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.listener;

import io.github.aetherjava.spring.client.AetherClientLifecycle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

/**
 * Holds the {@link AetherListenerContainer listener containers} of the application and starts and
 * stops them: list them, stop one or start it again at runtime.
 *
 * <p>Starts in phase {@link #DEFAULT_PHASE}, just before {@link AetherClientLifecycle} connects the
 * clients, so every handler is registered before the first message can arrive, and stops just after
 * it: the client lifecycle first drains every message already received through the registered
 * listeners ({@link #awaitIdle(long)}), then this registry removes the handlers.
 *
 * @since 0.1.0
 */
public class AetherListenerEndpointRegistry
    implements SmartLifecycle, AetherClientLifecycle.ListenerDrain {

  /** Phase of the registry: just before the clients connect. */
  public static final int DEFAULT_PHASE = AetherClientLifecycle.DEFAULT_PHASE - 100;

  private static final Log logger = LogFactory.getLog(AetherListenerEndpointRegistry.class);

  private final Map<String, Entry> containers = new LinkedHashMap<>();

  private final Duration shutdownTimeout;

  private volatile boolean running;

  // the client lifecycle's drain deadline, so stop() does not wait a second full timeout
  private volatile long drainDeadline;

  private volatile boolean drained;

  /**
   * Create a new registry.
   *
   * @param shutdownTimeout how long {@link #stop()} waits for in-flight invocations
   */
  public AetherListenerEndpointRegistry(Duration shutdownTimeout) {
    this.shutdownTimeout = shutdownTimeout;
  }

  /**
   * Register a container. Started right away when the registry is running and {@code autoStartup}
   * is set.
   *
   * @param container the container
   * @param autoStartup whether the container starts with the registry
   */
  public void registerListenerContainer(AetherListenerContainer container, boolean autoStartup) {
    synchronized (this.containers) {
      if (this.containers.containsKey(container.getListenerId())) {
        throw new IllegalStateException(
            "Another Aether listener is already registered with id '"
                + container.getListenerId()
                + "'");
      }
      this.containers.put(container.getListenerId(), new Entry(container, autoStartup));
    }
    if (this.running && autoStartup) {
      container.start();
    }
  }

  /**
   * Return the container of the given listener.
   *
   * @param id the listener id
   * @return the container or {@code null}
   */
  public @Nullable AetherListenerContainer getListenerContainer(String id) {
    synchronized (this.containers) {
      Entry entry = this.containers.get(id);
      return (entry != null) ? entry.container() : null;
    }
  }

  /**
   * Return the ids of every registered listener.
   *
   * @return the listener ids
   */
  public Set<String> getListenerContainerIds() {
    synchronized (this.containers) {
      return Set.copyOf(this.containers.keySet());
    }
  }

  /**
   * Return every registered container.
   *
   * @return the containers
   */
  public Collection<AetherListenerContainer> getListenerContainers() {
    return entries().stream().map(Entry::container).toList();
  }

  private List<Entry> entries() {
    synchronized (this.containers) {
      return new ArrayList<>(this.containers.values());
    }
  }

  @Override
  public void start() {
    for (Entry entry : entries()) {
      if (entry.autoStartup()) {
        entry.container().start();
      }
    }
    this.running = true;
  }

  @Override
  public boolean awaitIdle(long deadlineNanos) throws InterruptedException {
    this.drainDeadline = deadlineNanos;
    this.drained = true;
    for (AetherListenerContainer container : getListenerContainers()) {
      if (!container.awaitIdle(deadlineNanos)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int inFlight() {
    return getListenerContainers().stream().mapToInt(AetherListenerContainer::getInFlight).sum();
  }

  @Override
  public void stop() {
    this.running = false;
    List<AetherListenerContainer> containers = getListenerContainers().stream().toList();
    containers.forEach(AetherListenerContainer::stop);
    long deadline =
        this.drained ? this.drainDeadline : System.nanoTime() + this.shutdownTimeout.toNanos();
    this.drained = false;
    try {
      for (AetherListenerContainer container : containers) {
        if (!container.awaitIdle(deadline)) {
          logger.warn(
              "Aether listener '"
                  + container.getListenerId()
                  + "' still had "
                  + container.getInFlight()
                  + " invocation(s) in flight after "
                  + this.shutdownTimeout);
        }
      }
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return this.running;
  }

  @Override
  public int getPhase() {
    return DEFAULT_PHASE;
  }

  private record Entry(AetherListenerContainer container, boolean autoStartup) {}
}
