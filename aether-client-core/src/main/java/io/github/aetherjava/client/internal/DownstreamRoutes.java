/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import io.github.aetherjava.client.GatewayError;
import io.github.aetherjava.client.Registration;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Which component takes each downstream payload case that the connection itself does not handle. A
 * feature (KV, checkpoints, tasks, admin, proxy, ...) registers its cases here, so adding one never
 * touches the connection code.
 *
 * <ul>
 *   <li>{@link #correlated}: a response matched by request id to a {@link ClientCore#request} call;
 *       completed on the reading thread.
 *   <li>{@link #internal}: SDK code run on the reading thread; it must not block and must never
 *       call user code directly (hand user work to the callback executor).
 *   <li>{@link #ordered}: a push for user code, run on the client's ordered dispatcher, counted
 *       against handler flow control like messages.
 * </ul>
 */
public final class DownstreamRoutes {

  /** How a route runs. */
  public enum Kind {
    /** Matched to a pending request by its id. */
    CORRELATED,
    /** SDK code on the reading thread. */
    INTERNAL,
    /** User-facing push on the ordered dispatcher. */
    ORDERED
  }

  /**
   * One registered route.
   *
   * @param kind how it runs
   * @param requestIdOf for {@link Kind#CORRELATED}: the frame's request id
   * @param handler for the other kinds: what takes the frame
   */
  public record Route(
      Kind kind,
      Function<DownstreamMessage, String> requestIdOf,
      Consumer<DownstreamMessage> handler) {}

  private final Map<DownstreamMessage.PayloadCase, Route> routes = new ConcurrentHashMap<>();
  private final List<Predicate<GatewayError>> errorInterceptors = new CopyOnWriteArrayList<>();

  /**
   * Routes {@code payloadCase} to the pending request whose id {@code requestIdOf} returns.
   *
   * @param payloadCase the downstream case
   * @param requestIdOf extracts the request id
   * @return removes the route
   */
  public Registration correlated(
      DownstreamMessage.PayloadCase payloadCase, Function<DownstreamMessage, String> requestIdOf) {
    return put(payloadCase, new Route(Kind.CORRELATED, requestIdOf, m -> {}));
  }

  /**
   * Routes {@code payloadCase} to SDK code on the reading thread.
   *
   * @param payloadCase the downstream case
   * @param handler non-blocking SDK code
   * @return removes the route
   */
  public Registration internal(
      DownstreamMessage.PayloadCase payloadCase, Consumer<DownstreamMessage> handler) {
    return put(payloadCase, new Route(Kind.INTERNAL, m -> "", handler));
  }

  /**
   * Routes {@code payloadCase} to user-facing code on the ordered dispatcher.
   *
   * @param payloadCase the downstream case
   * @param handler the push handler
   * @return removes the route
   */
  public Registration ordered(
      DownstreamMessage.PayloadCase payloadCase, Consumer<DownstreamMessage> handler) {
    return put(payloadCase, new Route(Kind.ORDERED, m -> "", handler));
  }

  /**
   * Sees every uncorrelated gateway error before user error handlers; returning {@code true}
   * consumes it (for example to fail a call matched in order rather than by id). Runs on the
   * reading thread: must not block.
   *
   * @param interceptor the interceptor
   * @return removes it
   */
  public Registration interceptErrors(Predicate<GatewayError> interceptor) {
    Objects.requireNonNull(interceptor, "interceptor");
    errorInterceptors.add(interceptor);
    return () -> errorInterceptors.remove(interceptor);
  }

  /**
   * @param payloadCase a downstream case
   * @return its route, or null
   */
  public @Nullable Route get(DownstreamMessage.PayloadCase payloadCase) {
    return routes.get(payloadCase);
  }

  boolean interceptError(GatewayError error) {
    for (Predicate<GatewayError> i : errorInterceptors) {
      if (i.test(error)) {
        return true;
      }
    }
    return false;
  }

  private Registration put(DownstreamMessage.PayloadCase payloadCase, Route route) {
    Objects.requireNonNull(payloadCase, "payloadCase");
    if (routes.putIfAbsent(payloadCase, route) != null) {
      throw new IllegalStateException("two routes registered for " + payloadCase);
    }
    return () -> routes.remove(payloadCase, route);
  }
}
