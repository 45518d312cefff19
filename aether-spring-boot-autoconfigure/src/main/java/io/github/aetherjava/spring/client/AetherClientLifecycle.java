/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.client;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.ConnectionState;
import java.time.Duration;
import java.util.ArrayList;
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
import org.springframework.context.SmartLifecycle;

/**
 * Connects and disconnects the Aether clients of an application context.
 *
 * <p>Runs in phase {@link #DEFAULT_PHASE}: after the listener registry has registered its handlers
 * (so no message arrives before its listener exists) and before the web server starts taking
 * traffic. On shutdown it runs after the web server has stopped: it first stops the listeners and
 * waits for in-flight handlers (the {@code beforeDisconnect} callback), then disconnects every
 * client cleanly, which the gateway relies on to mark tasks complete.
 *
 * @since 0.1.0
 */
public class AetherClientLifecycle implements SmartLifecycle {

  /**
   * Phase of this lifecycle: earlier than the web server's start ({@code DEFAULT_PHASE - 2048}).
   */
  public static final int DEFAULT_PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

  private static final Log logger = LogFactory.getLog(AetherClientLifecycle.class);

  private final Supplier<Map<String, AetherClient>> clients;

  private final Settings settings;

  private final Runnable beforeDisconnect;

  private volatile boolean running;

  /**
   * Create a new instance.
   *
   * @param clients supplies the clients to manage, by bean name
   * @param settings connection settings
   * @param beforeDisconnect called on stop before the clients disconnect (stops listeners and
   *     drains in-flight handlers)
   */
  public AetherClientLifecycle(
      Supplier<Map<String, AetherClient>> clients, Settings settings, Runnable beforeDisconnect) {
    this.clients = clients;
    this.settings = settings;
    this.beforeDisconnect = beforeDisconnect;
  }

  @Override
  public void start() {
    this.running = true;
    if (!this.settings.connectOnStartup()) {
      return;
    }
    Map<String, AetherClient> clients = this.clients.get();
    // Connect all clients concurrently, then wait (fail-fast) or just report (background retry).
    Map<String, CompletableFuture<?>> connecting = new LinkedHashMap<>();
    clients.forEach(
        (name, client) -> {
          if (client.state() == ConnectionState.IDLE) {
            connecting.put(name, client.connect());
          }
        });
    connecting.forEach(
        (name, future) -> {
          AetherClient client = clients.get(name);
          if (this.settings.failFast()) {
            awaitConnect(name, client, future);
          } else {
            future.whenComplete(
                (info, ex) -> {
                  if (ex != null) {
                    // A terminal failure (duplicate identity, bad credentials) closes the client:
                    // say so.
                    String outcome =
                        (client.state() == ConnectionState.CLOSED)
                            ? ") could not connect and stopped for good: "
                            : ") could not connect yet; it keeps retrying in the background: ";
                    logger.warn(
                        "Aether client '"
                            + name
                            + "' ("
                            + client.identity()
                            + outcome
                            + ex.getMessage());
                  }
                });
          }
        });
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
    CompletableFuture<Void> done = new CompletableFuture<>();
    stop(() -> done.complete(null));
    try {
      // stop(callback) always calls back, at the latest when its own disconnect timeout fires.
      done.get(this.settings.disconnectTimeout().plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException ex) {
      // Already reported by stop(callback).
    }
  }

  @Override
  public void stop(Runnable callback) {
    this.running = false;
    try {
      this.beforeDisconnect.run();
    } catch (RuntimeException ex) {
      logger.warn("Failed to stop Aether listeners before disconnecting", ex);
    }
    List<CompletableFuture<Void>> disconnecting = new ArrayList<>();
    this.clients
        .get()
        .forEach(
            (name, client) -> {
              if (client.state() != ConnectionState.CLOSED
                  && client.state() != ConnectionState.IDLE) {
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
                            }));
              }
            });
    CompletableFuture.allOf(disconnecting.toArray(new CompletableFuture<?>[0]))
        .orTimeout(this.settings.disconnectTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete(
            (result, ex) -> {
              if (ex != null) {
                logger.warn(
                    "Aether clients did not disconnect within "
                        + this.settings.disconnectTimeout()
                        + "; they are closed when the context is destroyed");
              }
              callback.run();
            });
  }

  @Override
  public boolean isRunning() {
    return this.running;
  }

  @Override
  public int getPhase() {
    return DEFAULT_PHASE;
  }

  /**
   * Settings of the lifecycle.
   *
   * @param connectOnStartup whether to connect the clients on start
   * @param failFast whether a failed first connection fails the start
   * @param connectTimeout how long to wait for the first connection when failing fast
   * @param disconnectTimeout how long to wait for clean disconnects on stop
   */
  public record Settings(
      boolean connectOnStartup,
      boolean failFast,
      Duration connectTimeout,
      Duration disconnectTimeout) {}
}
