/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal.coord;

import io.github.aetherjava.client.GatewayErrorException;
import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.coord.CoordinationOptions;
import io.github.aetherjava.client.coord.CoordinationRefusedException;
import io.github.aetherjava.client.internal.Arguments;
import io.github.aetherjava.client.kv.KvClient;
import io.github.aetherjava.client.kv.KvScope;
import io.github.aetherjava.client.kv.KvTarget;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every primitive of one {@code Coordination} shares: the KV client and scope, the options,
 * the executors and the clock.
 */
public final class CoordContext {

  private static final Logger LOG = LoggerFactory.getLogger(CoordContext.class);

  private final KvClient kv;
  private final CoordinationOptions options;
  private final Executor callbacks;
  private final ScheduledExecutorService scheduler;
  private final LongSupplier ticker;
  private final String ownerId;
  private final Duration requestTimeout;
  private final Executor internal;

  /**
   * @param kv KV client
   * @param callbacks executor for user callbacks and for completing user-facing futures
   * @param options options
   * @param scheduler timer for renewals, retries and expiry; also runs internal continuations
   * @param ticker monotonic clock in nanoseconds
   */
  public CoordContext(
      KvClient kv,
      Executor callbacks,
      CoordinationOptions options,
      ScheduledExecutorService scheduler,
      LongSupplier ticker) {
    this.kv = kv;
    this.options = options;
    this.callbacks = callbacks;
    this.scheduler = scheduler;
    this.ticker = ticker;
    String given = options.ownerId();
    this.ownerId = given != null ? given : generatedOwnerId();
    Duration t = options.requestTimeout();
    this.requestTimeout = t != null ? t : kv.defaultTimeout();
    this.internal = this::runInternal;
  }

  private void runInternal(Runnable task) {
    try {
      scheduler.execute(task);
    } catch (RejectedExecutionException e) {
      task.run(); // the shared timer never shuts down; kept for a custom scheduler in tests
    }
  }

  private static String generatedOwnerId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException | RuntimeException e) {
      host = "unknown";
    }
    byte[] b = new byte[8];
    ThreadLocalRandom.current().nextBytes(b);
    return host.replace('#', '_') + ":" + HexFormat.of().formatHex(b);
  }

  KvClient kv() {
    return kv;
  }

  KvTarget target() {
    return options.target();
  }

  /**
   * @return the options
   */
  public CoordinationOptions options() {
    return options;
  }

  /**
   * @return owner id of this coordination's primitives
   */
  public String ownerId() {
    return ownerId;
  }

  Executor callbacks() {
    return callbacks;
  }

  Executor internal() {
    return internal;
  }

  long now() {
    return ticker.getAsLong();
  }

  /** How long after sending a confirmed write the holder still trusts its lease. */
  long trustedNanos() {
    Duration lease = options.leaseTime();
    return lease.minus(lease.dividedBy(10)).toNanos();
  }

  Duration requestTimeout() {
    return requestTimeout;
  }

  ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
    return scheduler.schedule(task, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
  }

  /** The retry interval varied by ±25 %. */
  long retryDelayNanos() {
    long base = options.retryInterval().toNanos();
    return (long) (base * (0.75 + ThreadLocalRandom.current().nextDouble() * 0.5));
  }

  byte[] newHolderValue(String owner) {
    byte[] nonce = new byte[6];
    ThreadLocalRandom.current().nextBytes(nonce);
    return (owner + "#" + HexFormat.of().formatHex(nonce)).getBytes(StandardCharsets.UTF_8);
  }

  /** The owner part of a held value ({@code owner#nonce}), or the whole value. */
  static String ownerOf(String value) {
    int i = value.lastIndexOf('#');
    return i < 0 ? value : value.substring(0, i);
  }

  /**
   * @param given name given by the caller
   * @param longestSuffix longest suffix the primitive appends to derive keys
   * @return the name
   */
  static String checkName(@Nullable String given, int longestSuffix) {
    String name = Arguments.notEmpty(given, "name");
    if (name.length() + longestSuffix > KvClient.MAX_KEY_LENGTH) {
      throw new InvalidArgumentException(
          "name is too long: "
              + name.length()
              + " characters, at most "
              + (KvClient.MAX_KEY_LENGTH - longestSuffix)
              + " (KV keys are limited to "
              + KvClient.MAX_KEY_LENGTH
              + ")");
    }
    return name;
  }

  /** Unwraps a future's failure and explains a refused scope. */
  Throwable explain(Throwable error, String operation, String key) {
    Throwable t = unwrap(error);
    if (t instanceof GatewayErrorException g
        && !(t instanceof CoordinationRefusedException)
        && ("KV_ERROR".equals(g.code()) || "ERR_PERMISSION_DENIED".equals(g.code()))) {
      KvScope scope = target().scope();
      StringBuilder m =
          new StringBuilder()
              .append("coordination: the gateway refused KV ")
              .append(operation)
              .append(" on key '")
              .append(key)
              .append("' in scope ")
              .append(scope.canonicalName())
              .append(" (")
              .append(g.getMessage())
              .append("); the principal may lack access to that scope.");
      if (!scope.isExclusive()) {
        m.append(
                " AetherLite in dev mode denies the shared scopes (global, workspace, user-shared,")
            .append(" user-workspace-shared) until an ACL grant kv_scope:")
            .append(scope.canonicalName())
            .append(" exists.");
      }
      return new CoordinationRefusedException(g.code(), m.toString());
    }
    return t;
  }

  static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof ExecutionException)
        && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }

  /** Completes a user-facing future on the callback executor (inline if it refuses work). */
  <T> void deliver(CompletableFuture<T> future, @Nullable T value, @Nullable Throwable error) {
    Runnable r =
        () -> {
          if (error != null) {
            future.completeExceptionally(error);
          } else {
            future.complete(value);
          }
        };
    try {
      callbacks.execute(r);
    } catch (RejectedExecutionException e) {
      LOG.warn("callback executor rejected a completion; completing inline", e);
      r.run();
    }
  }
}
