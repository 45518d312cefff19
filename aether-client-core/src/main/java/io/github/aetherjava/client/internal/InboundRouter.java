/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import io.github.aetherjava.client.ConfigSnapshot;
import io.github.aetherjava.client.ConnectionInfo;
import io.github.aetherjava.client.GatewayError;
import io.github.aetherjava.client.GatewayErrorException;
import io.github.aetherjava.client.IncomingMessage;
import io.github.aetherjava.client.ProgressUpdate;
import io.github.aetherjava.client.SignalInfo;
import io.github.aetherjava.client.TaskAssignment;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.Signal;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where each downstream frame goes, decided on the thread that read it (a gRPC thread, which runs
 * no user code): the acknowledgement and signals to the connection, correlated responses and
 * request errors to their pending request, registered routes to their component, and everything for
 * user code onto the ordered dispatcher, with its inbound credit returned when the handlers finish.
 */
final class InboundRouter {

  private static final Logger LOG = LoggerFactory.getLogger(InboundRouter.class);

  private final Connection connection;
  private final PendingRequests pending;
  private final DownstreamRoutes routes;
  private final HandlerRegistry handlers;
  private final Observers observers;
  private final SerialExecutor dispatcher;
  private final InboundFlow flow;
  private final String requestIdPrefix;
  private final ClientCore.Host host;
  private final Clock clock = Clock.systemUTC();
  private volatile @Nullable ConfigSnapshot latestConfig;

  InboundRouter(
      Connection connection,
      PendingRequests pending,
      DownstreamRoutes routes,
      HandlerRegistry handlers,
      Observers observers,
      SerialExecutor dispatcher,
      InboundFlow flow,
      String requestIdPrefix,
      ClientCore.Host host) {
    this.connection = connection;
    this.pending = pending;
    this.routes = routes;
    this.handlers = handlers;
    this.observers = observers;
    this.dispatcher = dispatcher;
    this.flow = flow;
    this.requestIdPrefix = requestIdPrefix;
    this.host = host;
  }

  @Nullable ConfigSnapshot latestConfig() {
    return latestConfig;
  }

  void route(Connection.Attempt a, DownstreamFrame frame) {
    if (frame.isUndecodedMessage()) {
      // decoded by the handler's thread: the transport thread only stamps, counts and queues it
      Instant receivedAt = clock.instant();
      InboundFlow.Credit credit = a.credit;
      flow.queued(credit);
      dispatcher.execute(() -> decodeAndDeliver(a, credit, frame, receivedAt));
    } else {
      route(a, frame.parsed());
    }
  }

  void route(Connection.Attempt a, DownstreamMessage m) {
    InboundFlow.Credit credit = a.credit;
    switch (m.getPayloadCase()) {
      case CONNECTION_ACK -> {
        connection.onAck(
            a,
            ConnectionInfo.fromProto(m.getConnectionAck(), clock.instant()),
            m.getConnectionAck().getServerBuildInfo());
        flow.consumed(credit);
      }
      case ERROR -> error(credit, GatewayError.fromProto(m.getError()));
      case SIGNAL -> {
        SignalInfo signal = SignalInfo.fromProto(m.getSignal());
        if (m.getSignal().getType() == Signal.SignalType.GRACEFUL_DISCONNECT) {
          connection.onGracefulDisconnect(a);
        }
        dispatch(credit, () -> handlers.signal(signal));
        if (m.getSignal().getType() != Signal.SignalType.GRACEFUL_DISCONNECT) {
          connection.onForceDisconnect(a, signal);
        }
      }
      case MSG -> {
        IncomingMessage msg = IncomingMessage.fromProto(m.getMsg(), clock.instant());
        flow.queued(credit);
        dispatcher.execute(() -> deliver(credit, msg));
      }
      case CONFIG -> {
        ConfigSnapshot config = ConfigSnapshot.fromProto(m.getConfig());
        latestConfig = config;
        dispatch(credit, () -> handlers.config(config));
      }
      case PROGRESS_UPDATE -> {
        ProgressUpdate update = ProgressUpdate.fromProto(m.getProgressUpdate());
        dispatch(credit, () -> handlers.progress(update));
      }
      case TASK_ASSIGNMENT -> {
        TaskAssignment task = TaskAssignment.fromProto(m.getTaskAssignment());
        dispatch(credit, () -> handlers.assignment(task));
      }
      default -> other(credit, m);
    }
  }

  private void error(InboundFlow.Credit credit, GatewayError error) {
    String id = error.requestId();
    if (id != null && pending.fail(id, new GatewayErrorException(error, null))) {
      flow.consumed(credit);
    } else if (routes.interceptError(error)) {
      // components that correlate their own calls see the error before it is judged uncorrelated
      flow.consumed(credit);
    } else if (id != null && id.startsWith(requestIdPrefix)) {
      // a request of ours that has already ended (for example a KV failure answered with both a
      // KVResponse and an ErrorResponse): its caller has been told once, so this is not news
      LOG.debug("{}: gateway error for ended request {}: {}", host.identity(), id, error.code());
      flow.consumed(credit);
    } else {
      observers.gatewayError(error);
      dispatch(credit, () -> handlers.error(error));
    }
  }

  private void other(InboundFlow.Credit credit, DownstreamMessage m) {
    DownstreamRoutes.Route route = routes.get(m.getPayloadCase());
    if (route != null) {
      switch (route.kind()) {
        case CORRELATED -> {
          pending.complete(route.requestIdOf().apply(m), m);
          flow.consumed(credit);
        }
        case INTERNAL -> {
          try {
            route.handler().accept(m);
          } catch (RuntimeException e) {
            LOG.warn("{}: internal route for {} failed", host.identity(), m.getPayloadCase(), e);
          } finally {
            flow.consumed(credit);
          }
        }
        case ORDERED -> dispatch(credit, () -> handlers.guard(() -> route.handler().accept(m)));
      }
    } else if (handlers.hasRawHandlers()) {
      dispatch(credit, () -> handlers.raw(m));
    } else {
      LOG.debug("{}: ignoring downstream {}", host.identity(), m.getPayloadCase());
      flow.consumed(credit);
    }
  }

  private void decodeAndDeliver(
      Connection.Attempt a, InboundFlow.Credit credit, DownstreamFrame frame, Instant receivedAt) {
    IncomingMessage msg;
    try {
      msg = IncomingMessage.fromProto(frame.decodeMessage(), receivedAt);
    } catch (IOException e) {
      flow.handled(credit);
      LOG.warn("{}: unreadable message frame from the gateway", host.identity(), e);
      a.failUnreadable(e);
      return;
    }
    deliver(credit, msg);
  }

  /** The message case of {@link #dispatch}, with one task per message instead of two. */
  private void deliver(InboundFlow.Credit credit, IncomingMessage msg) {
    @Nullable InboundFlow outer = flow.enterHandler();
    try {
      if (!observers.isEmpty()) {
        observers.messageReceived(msg);
      }
      handlers.message(msg);
    } finally {
      flow.exitHandler(outer);
      flow.handled(credit);
    }
  }

  /**
   * Runs user code on the dispatcher, marked as a handler of this client, and returns the frame's
   * credit when it is done (back-pressure).
   */
  private void dispatch(InboundFlow.Credit credit, Runnable r) {
    flow.queued(credit);
    dispatcher.execute(
        () -> {
          try {
            flow.runAsHandler(r);
          } finally {
            flow.handled(credit);
          }
        });
  }
}
