/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.client;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.ConnectionState;
import io.github.aetherjava.client.Registration;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Connects and disconnects the Aether clients of an application context.
 *
 * <p>Runs in phase {@link #DEFAULT_PHASE}: after the listener registry has registered its handlers
 * (so no message arrives before its listener exists) and before the web server starts taking
 * traffic. On start it waits for every client to be {@code READY}: with fail-fast up to the connect
 * timeout, and a client that does not connect fails the start; without, up to the ready timeout,
 * after which the start goes on and the client keeps connecting in the background (logged).
 *
 * <p>On stop, which on shutdown runs after the web server has stopped, nothing already received is
 * lost: every client stops taking new frames (no more inbound window), the listeners finish every
 * message that already arrived, within the shutdown timeout, and only then, when the context is
 * closing, the clients disconnect cleanly (which the gateway relies on to mark tasks complete and
 * to keep later messages for the next connection). Messages that could not finish in time are
 * counted and logged. A plain {@code stop()} of a running context keeps the clients connected but
 * paused; {@code start()} resumes them.
 *
 * @since 0.1.0
 */
public class AetherClientLifecycle
    implements SmartLifecycle, ApplicationListener<ContextClosedEvent> {

  /**
   * Phase of this lifecycle: earlier than the web server's start ({@code DEFAULT_PHASE - 2048}).
   */
  public static final int DEFAULT_PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

  private static final Log logger = LogFactory.getLog(AetherClientLifecycle.class);

  private final Supplier<Map<String, AetherClient>> clients;

  private final Settings settings;

  private final AetherInboundFlowControl flowControl;

  private final ListenerDrain listeners;

  private final Clock clock;

  private final Map<AetherClient, Registration> outageLoggers = new IdentityHashMap<>();

  private volatile boolean running;

  private volatile boolean contextClosing;

  /**
   * Create a new instance.
   *
   * @param clients supplies the clients to manage, by bean name
   * @param settings connection settings
   * @param flowControl pauses the clients' inbound window on stop
   * @param listeners the listeners to drain on stop
   */
  public AetherClientLifecycle(
      Supplier<Map<String, AetherClient>> clients,
      Settings settings,
      AetherInboundFlowControl flowControl,
      ListenerDrain listeners) {
    this(clients, settings, flowControl, listeners, Clock.systemUTC());
  }

  AetherClientLifecycle(
      Supplier<Map<String, AetherClient>> clients,
      Settings settings,
      AetherInboundFlowControl flowControl,
      ListenerDrain listeners,
      Clock clock) {
    this.clients = clients;
    this.settings = settings;
    this.flowControl = flowControl;
    this.listeners = listeners;
    this.clock = clock;
  }

  @Override
  public void onApplicationEvent(ContextClosedEvent event) {
    // Published before the lifecycle stops: this stop is a shutdown, so disconnect.
    this.contextClosing = true;
  }

  @Override
  public void start() {
    this.running = true;
    Map<String, AetherClient> clients = this.clients.get();
    clients.forEach(
        (name, client) -> {
          this.flowControl.release(client, this);
          synchronized (this.outageLoggers) {
            this.outageLoggers.computeIfAbsent(
                client,
                (key) ->
                    key.addConnectionListener(
                        new AetherOutageLogger(name, this.settings.outageWarnAfter(), this.clock)));
          }
        });
    if (!this.settings.connectOnStartup()) {
      return;
    }
    // Connect all clients concurrently, then wait for them.
    Map<String, CompletableFuture<?>> connecting = new LinkedHashMap<>();
    clients.forEach(
        (name, client) -> {
          if (client.state() == ConnectionState.IDLE) {
            connecting.put(name, client.connect());
          }
        });
    long deadline = System.nanoTime() + this.settings.readyTimeout().toNanos();
    connecting.forEach(
        (name, future) -> {
          AetherClient client = clients.get(name);
          if (this.settings.failFast()) {
            awaitConnect(name, client, future);
          } else {
            awaitReady(name, client, future, deadline);
          }
        });
  }

  private void awaitReady(
      String name, AetherClient client, CompletableFuture<?> future, long deadline) {
    try {
      future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      return;
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      return;
    } catch (ExecutionException | TimeoutException ex) {
      // reported below
    }
    if (future.isDone()) {
      future.whenComplete((info, ex) -> reportConnectFailure(name, client, ex));
    } else {
      logger.warn(
          "Aether client '"
              + name
              + "' ("
              + client.identity()
              + ") is not connected after "
              + this.settings.readyTimeout()
              + " (aether.ready-timeout); the application starts anyway and the client keeps"
              + " connecting in the background (aether.fail-fast=true fails the start instead)");
      future.whenComplete((info, ex) -> reportConnectFailure(name, client, ex));
    }
  }

  private void reportConnectFailure(String name, AetherClient client, @Nullable Throwable ex) {
    if (ex == null) {
      return;
    }
    if (!this.running || this.contextClosing) {
      // Stopped by the application while still connecting: nothing went wrong.
      logger.debug("Aether client '" + name + "' stopped before it connected");
      return;
    }
    // A terminal failure (duplicate identity, bad credentials) closes the client: say so.
    String outcome =
        (client.state() == ConnectionState.CLOSED)
            ? ") could not connect and stopped for good: "
            : ") could not connect yet; it keeps retrying in the background: ";
    logger.warn("Aether client '" + name + "' (" + client.identity() + outcome + ex.getMessage());
  }

  private void awaitConnect(String name, AetherClient client, CompletableFuture<?> future) {
    try {
      future.get(this.settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException ex) {
      Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
      throw new AetherConnectFailedException(
          name, client.identity(), client.options().address(), cause);
    } catch (TimeoutException ex) {
      throw new AetherConnectFailedException(
          name,
          client.identity(),
          client.options().address(),
          new TimeoutException("no handshake within " + this.settings.connectTimeout()));
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "Interrupted while connecting Aether client '" + name + "'", ex);
    }
  }

  @Override
  public void stop() {
    this.running = false;
    Map<String, AetherClient> clients = live(this.clients.get());
    long deadline = System.nanoTime() + this.settings.shutdownTimeout().toNanos();
    // 1. Take nothing new; 2. finish what arrived.
    clients.values().forEach((client) -> this.flowControl.hold(client, this));
    drain(clients, deadline);
    if (this.contextClosing) {
      // 3. End the streams cleanly. Frames the gateway sent before it saw the end still arrive and
      // are handled by the listeners, which stay registered until the registry stops after us.
      disconnect(clients);
      drain(clients, deadline);
    }
    report(clients);
  }

  @Override
  public void stop(Runnable callback) {
    try {
      stop();
    } finally {
      callback.run();
    }
  }

  private static Map<String, AetherClient> live(Map<String, AetherClient> clients) {
    Map<String, AetherClient> live = new LinkedHashMap<>();
    clients.forEach(
        (name, client) -> {
          if (client.state() != ConnectionState.CLOSED && client.state() != ConnectionState.IDLE) {
            live.put(name, client);
          }
        });
    return live;
  }

  private void drain(Map<String, AetherClient> clients, long deadline) {
    try {
      for (AetherClient client : clients.values()) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          return;
        }
        try {
          client.drainInbound().get(remaining, TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException ex) {
          return;
        }
      }
      this.listeners.awaitIdle(deadline);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
    }
  }

  private void disconnect(Map<String, AetherClient> clients) {
    List<CompletableFuture<Void>> disconnecting = new ArrayList<>();
    clients.forEach(
        (name, client) ->
            disconnecting.add(
                client
                    .disconnect()
                    .exceptionally(
                        (ex) -> {
                          logger.warn(
                              "Aether client '"
                                  + name
                                  + "' did not disconnect cleanly: "
                                  + ex.getMessage());
                          return null;
                        })));
    try {
      CompletableFuture.allOf(disconnecting.toArray(new CompletableFuture<?>[0]))
          .get(this.settings.disconnectTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException ex) {
      logger.warn(
          "Aether clients did not disconnect within "
              + this.settings.disconnectTimeout()
              + "; they are closed when the context is destroyed");
    }
  }

  private void report(Map<String, AetherClient> clients) {
    int waiting = clients.values().stream().mapToInt(AetherClient::inboundBacklog).sum();
    int unfinished = this.listeners.inFlight() + waiting;
    if (unfinished > 0) {
      logger.warn(
          unfinished
              + " received Aether message(s) or event(s) were not handled within the shutdown"
              + " timeout of "
              + this.settings.shutdownTimeout()
              + " (aether.listener.shutdown-timeout); the gateway will not deliver them again");
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

  /** What the lifecycle needs from the listeners to drain them on stop. */
  public interface ListenerDrain {

    /** Listeners that never wait: nothing is dispatched outside the clients' own dispatchers. */
    ListenerDrain NONE =
        new ListenerDrain() {
          @Override
          public boolean awaitIdle(long deadlineNanos) {
            return true;
          }

          @Override
          public int inFlight() {
            return 0;
          }
        };

    /**
     * Wait until no invocation is waiting or running.
     *
     * @param deadlineNanos deadline as a {@link System#nanoTime()} value
     * @return whether the listeners are idle
     * @throws InterruptedException if interrupted while waiting
     */
    boolean awaitIdle(long deadlineNanos) throws InterruptedException;

    /**
     * Return the invocations accepted and not finished.
     *
     * @return the count
     */
    int inFlight();
  }

  /**
   * Settings of the lifecycle.
   *
   * @param connectOnStartup whether to connect the clients on start
   * @param failFast whether a failed first connection fails the start
   * @param connectTimeout how long start waits for each client when failing fast
   * @param readyTimeout how long start waits for the clients to be ready when not failing fast
   * @param shutdownTimeout how long stop waits for received messages to be handled
   * @param disconnectTimeout how long to wait for clean disconnects on stop
   * @param outageWarnAfter how long a client may be disconnected before a WARN is logged
   */
  public record Settings(
      boolean connectOnStartup,
      boolean failFast,
      Duration connectTimeout,
      Duration readyTimeout,
      Duration shutdownTimeout,
      Duration disconnectTimeout,
      Duration outageWarnAfter) {}
}
