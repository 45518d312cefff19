/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AetherException;
import io.github.aetherjava.client.ClientObserver;
import io.github.aetherjava.client.ClientStatus;
import io.github.aetherjava.client.ConfigSnapshot;
import io.github.aetherjava.client.ConnectionException;
import io.github.aetherjava.client.ConnectionInfo;
import io.github.aetherjava.client.ConnectionListener;
import io.github.aetherjava.client.ConnectionState;
import io.github.aetherjava.client.FailureReason;
import io.github.aetherjava.client.GatewayError;
import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.MessageHandler;
import io.github.aetherjava.client.MessageType;
import io.github.aetherjava.client.PrincipalKind;
import io.github.aetherjava.client.ProgressUpdate;
import io.github.aetherjava.client.Registration;
import io.github.aetherjava.client.RequestObservation;
import io.github.aetherjava.client.SignalInfo;
import io.github.aetherjava.client.TaskAssignment;
import io.github.aetherjava.client.delivery.DeliveryMode;
import io.github.aetherjava.client.delivery.DeliveryStats;
import io.github.aetherjava.client.delivery.PressureListener;
import io.github.aetherjava.proto.v1.ConnectionStatusRequest;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.InitConnection;
import io.github.aetherjava.proto.v1.PrincipalRef;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's connection to the gateway, as the public clients and feature components see it. It
 * wires the parts, each with one job: {@link Connection} (state machine, reconnect, close), {@link
 * InboundRouter} (where each downstream frame goes), {@link HandlerRegistry} (user handlers and
 * listeners), {@link PendingRequests} (correlated requests), {@link Outbound} (the single writer),
 * {@link InboundFlow} (inbound credit) and {@link Handoff} (hand-offs to the callback executor that
 * are never lost).
 */
public final class ClientCore {

  private static final Logger LOG = LoggerFactory.getLogger(ClientCore.class);

  /** What the owning client contributes. */
  public interface Host {
    /**
     * @param init builder to set the identity oneof on
     */
    void fillIdentity(InitConnection.Builder init);

    /**
     * @return frames to re-send right after every acknowledgement (session state such as the
     *     workspace)
     */
    List<UpstreamMessage> sessionFrames();

    /**
     * @return canonical identity, for messages and exceptions
     */
    String identity();

    /**
     * @return the identity the client asks for (the gateway may bind another one)
     */
    default String requestedIdentity() {
      return identity();
    }

    /**
     * @return the public client object, for observers
     */
    AetherClient client();
  }

  private final AetherClientOptions options;
  private final Executor callbacks;
  private final Handoff handoff;
  private final SerialExecutor dispatcher;
  private final Observers observers;
  private final HandlerRegistry handlers;
  private final Outbound outbound;
  private final PendingRequests pending;
  private final InboundFlow flow;
  private final DownstreamRoutes routes = new DownstreamRoutes();
  private final Connection connection;
  private final InboundRouter router;
  private final Delivery delivery;
  private final boolean confirmed;
  private final String requestIdPrefix =
      Long.toHexString(ThreadLocalRandom.current().nextLong()) + "-";
  private final AtomicLong requestSeq = new AtomicLong();

  /**
   * @param options client options
   * @param host the owning client
   */
  public ClientCore(AetherClientOptions options, Host host) {
    this.options = options;
    Executor user = options.callbackExecutor();
    Executor own = null;
    if (user != null) {
      this.callbacks = user;
    } else {
      own = ClientExecutors.newDefaultCallbackExecutor();
      this.callbacks = own;
    }
    Executor owned = own;
    this.observers = new Observers(options.observers(), host::client);
    this.handoff = new Handoff(callbacks, host::identity, observers::callbackRejected);
    this.dispatcher = new SerialExecutor(handoff);
    this.handlers = new HandlerRegistry(this::reportHandlerError);
    this.confirmed = options.deliveryMode() == DeliveryMode.CONFIRMED;
    this.outbound =
        new Outbound(
            options.maxBufferedSends(),
            options.maxBufferedBytes(),
            options.overflowPolicy(),
            handoff,
            barrierSource(host),
            confirmed,
            options.sendPacing());
    this.pending = new PendingRequests(handoff);
    this.flow = new InboundFlow(InboundFlow.MAX_READ_AHEAD);
    this.connection =
        new Connection(
            options,
            host,
            observers,
            handlers,
            dispatcher,
            outbound,
            pending,
            flow,
            handoff,
            () -> {
              if (owned != null) {
                ClientExecutors.release(owned);
              }
            });
    this.router =
        new InboundRouter(
            connection,
            pending,
            routes,
            handlers,
            observers,
            dispatcher,
            flow,
            requestIdPrefix,
            host);
    connection.setRouter(router);
    this.delivery =
        new Delivery(outbound, observers, confirmed, host::identity, this::runOrdered, handoff);
    // barrier answers first; a user's own connectionStatus() request goes to its pending request
    routes.internal(
        DownstreamMessage.PayloadCase.CONNECTION_STATUS_RESPONSE,
        m -> {
          String id = m.getConnectionStatusResponse().getRequestId();
          if (!outbound.barrierAnswered(id)) {
            pending.complete(id, m);
          }
        });
    routes.interceptErrors(delivery::onError);
    connection.onStreamEnd(delivery::streamEnded);
    routes.correlated(DownstreamMessage.PayloadCase.KV, m -> m.getKv().getRequestId());
    routes.correlated(
        DownstreamMessage.PayloadCase.CHECKPOINT, m -> m.getCheckpoint().getRequestId());
  }

  /**
   * A barrier is a self {@code ConnectionStatusRequest}: the gateway answers it in stream order and
   * never rate-limits it. The answer's content does not matter (a refusal is an answer too).
   */
  private Outbound.BarrierSource barrierSource(Host host) {
    return new Outbound.BarrierSource() {
      @Override
      public String nextId() {
        return nextRequestId();
      }

      @Override
      public UpstreamMessage frame(String id) {
        // the requested identity needs no lock (this runs under the writer lock); if the gateway
        // bound another one, the answer is a refusal, which is just as good a barrier
        PrincipalKind kind = host.client().kind();
        String identity = host.requestedIdentity();
        String principalId = identity;
        if (kind == PrincipalKind.USER) {
          String[] parts = identity.split("::", -1);
          principalId = parts.length > 1 ? parts[1] : identity;
        }
        return UpstreamMessage.newBuilder()
            .setConnectionStatusRequest(
                ConnectionStatusRequest.newBuilder()
                    .setRequestId(id)
                    .setPrincipal(
                        PrincipalRef.newBuilder()
                            .setPrincipalType(kind.name().toLowerCase(java.util.Locale.ROOT))
                            .setPrincipalId(principalId)))
            .build();
      }
    };
  }

  private void reportHandlerError(Throwable e) {
    LOG.warn("handler threw; the stream continues", e);
    observers.handlerError(e);
  }

  // ------------------------------------------------------------------ lifecycle

  /**
   * @return completes with the first acknowledgement, or fails with a classified exception
   */
  public CompletableFuture<ConnectionInfo> connect() {
    return connection.connect();
  }

  /**
   * @return completes when the stream has ended and resources are released
   */
  public CompletableFuture<Void> disconnect() {
    // gRPC reports the stream's end only after every frame already received has been requested
    flow.resume();
    return connection.disconnect();
  }

  /** Ends the client now, without waiting for the gateway (a close that did not finish in time). */
  public void forceClose() {
    connection.forceClose();
  }

  // ------------------------------------------------------------------ outbound API

  /**
   * Queues a message frame.
   *
   * @param topic target topic (for observers)
   * @param type message type (for observers)
   * @param payloadBytes payload size (for observers)
   * @param frame the frame
   * @return completes when handed to the transport
   */
  public CompletableFuture<Void> send(
      String topic, MessageType type, int payloadBytes, UpstreamMessage frame) {
    if (observers.isEmpty()) {
      return enqueue(frame, null, null, confirmed);
    }
    return enqueue(
        frame,
        () -> observers.messageSent(topic, type, payloadBytes),
        e -> observers.sendFailed(topic, e),
        confirmed);
  }

  /**
   * Queues any frame (fire-and-forget).
   *
   * @param frame the frame
   * @param onWritten run when handed to the transport (on the writing thread, outside any lock;
   *     what it throws is logged)
   * @return completes when handed to the transport
   */
  public CompletableFuture<Void> enqueue(UpstreamMessage frame, @Nullable Runnable onWritten) {
    return enqueue(frame, onWritten, null, false);
  }

  private CompletableFuture<Void> enqueue(
      UpstreamMessage frame,
      @Nullable Runnable onWritten,
      @Nullable Consumer<Throwable> onFailed,
      boolean confirm) {
    RuntimeException refused = null;
    if (frame.getSerializedSize() > AetherClientOptions.MAX_UPSTREAM_FRAME_BYTES) {
      refused =
          new InvalidArgumentException(
              "frame of " + frame.getSerializedSize() + " bytes exceeds the gateway's 4 MiB limit");
    } else if (connection.state() == ConnectionState.IDLE) {
      refused =
          new ConnectionException(
              FailureReason.DISCONNECTED, "client is not connected: call connect() first");
    }
    if (refused != null) {
      if (onFailed != null) {
        onFailed.accept(refused);
      }
      return CompletableFuture.failedFuture(refused);
    }
    return confirm
        ? outbound.enqueueConfirmed(frame, onWritten, onFailed)
        : outbound.enqueue(frame, onWritten, onFailed);
  }

  // ------------------------------------------------------------------ delivery

  /**
   * @param timeout how long to wait for the gateway's answer
   * @return completes when the gateway has processed every frame queued before this call
   */
  public CompletableFuture<Void> flush(Duration timeout) {
    if (timeout == null || timeout.isZero() || timeout.isNegative()) {
      return CompletableFuture.failedFuture(
          new InvalidArgumentException("timeout must be positive, got " + timeout));
    }
    if (connection.state() == ConnectionState.IDLE) {
      return CompletableFuture.failedFuture(
          new ConnectionException(
              FailureReason.DISCONNECTED, "client is not connected: call connect() first"));
    }
    return delivery.flush(timeout, flow.onHandlerThread());
  }

  /**
   * @param listener told of rate-limit, quota and back-pressure errors
   * @return removes it
   */
  public Registration onPressure(PressureListener listener) {
    return delivery.onPressure(listener);
  }

  /**
   * @return delivery counters
   */
  public DeliveryStats deliveryStats() {
    return delivery.stats();
  }

  /**
   * @return a request id unique within this client: a random per-client prefix and a counter
   */
  public String nextRequestId() {
    return requestIdPrefix + requestSeq.incrementAndGet();
  }

  /**
   * Sends a correlated request; an idempotent one (a read) is re-sent on the next stream when the
   * stream drops while it is in flight and its deadline has not passed, instead of failing with
   * {@code DISCONNECTED}. The future completes on the callback executor; for a request made inside
   * a handler of this client, on the client's SDK thread instead, so it completes even while the
   * handler holds the executor's only thread.
   *
   * @param <T> value type
   * @param operation operation name, e.g. {@code kv.get}
   * @param requestId unique id carried by the frame
   * @param frame the frame
   * @param timeout deadline
   * @param idempotent whether re-sending is safe
   * @param decoder turns the response frame into the value (on the thread that read it; may throw)
   * @param mapError turns a failure into what the caller sees
   * @param observation told of the outcome
   * @return the value
   */
  public <T> CompletableFuture<T> request(
      String operation,
      String requestId,
      UpstreamMessage frame,
      Duration timeout,
      boolean idempotent,
      PendingRequests.Decoder<T> decoder,
      Function<Throwable, Throwable> mapError,
      RequestObservation observation) {
    return request(
        operation, requestId, frame, timeout, idempotent, false, decoder, mapError, observation);
  }

  /**
   * Like {@link #request}, for a caller that waits for the future at once and shows it to no one (a
   * blocking convenience): the future completes on the thread that decides the outcome, which wakes
   * the caller without a hand-off and without depending on the callback executor. Never chain user
   * code onto it.
   *
   * @param <T> value type
   * @param operation operation name, e.g. {@code kv.get}
   * @param requestId unique id carried by the frame
   * @param frame the frame
   * @param timeout deadline
   * @param idempotent whether re-sending is safe
   * @param decoder turns the response frame into the value (on the thread that read it; may throw)
   * @param mapError turns a failure into what the caller sees
   * @param observation told of the outcome
   * @return the value
   */
  public <T> CompletableFuture<T> requestInline(
      String operation,
      String requestId,
      UpstreamMessage frame,
      Duration timeout,
      boolean idempotent,
      PendingRequests.Decoder<T> decoder,
      Function<Throwable, Throwable> mapError,
      RequestObservation observation) {
    return request(
        operation, requestId, frame, timeout, idempotent, true, decoder, mapError, observation);
  }

  private <T> CompletableFuture<T> request(
      String operation,
      String requestId,
      UpstreamMessage frame,
      Duration timeout,
      boolean idempotent,
      boolean blocking,
      PendingRequests.Decoder<T> decoder,
      Function<Throwable, Throwable> mapError,
      RequestObservation observation) {
    boolean inHandler = flow.onHandlerThread();
    Executor completer = blocking ? Runnable::run : inHandler ? handoff.sdkThread() : null;
    CompletableFuture<T> response =
        pending.register(
            requestId,
            operation,
            timeout,
            frame,
            idempotent,
            completer,
            decoder,
            mapError,
            observation);
    if (inHandler) {
      flow.handlerRequestStarted(
          requestId,
          () ->
              pending.fail(
                  requestId,
                  new AetherException(
                      FailureReason.REJECTED,
                      operation
                          + " was made inside a handler of this client that waits for it while"
                          + " more than "
                          + InboundFlow.MAX_READ_AHEAD
                          + " frames queue behind that handler; compose the returned future"
                          + " (thenAccept/thenCompose) instead of blocking the handler",
                      null,
                      false)));
      response.whenComplete((v, e) -> flow.handlerRequestEnded(requestId));
    }
    enqueue(frame, null, e -> pending.fail(requestId, e), false);
    return response;
  }

  /**
   * Adds an observer to this client from now on, unless it already is one.
   *
   * @param observer the observer
   * @return whether it was added
   */
  public boolean addObserver(ClientObserver observer) {
    return observers.add(observer);
  }

  /**
   * Tells every observer that a send failed before it was queued (bad input).
   *
   * @param topic the target topic as given, or empty
   * @param error the failure
   */
  public void sendRejected(String topic, Throwable error) {
    observers.sendFailed(topic, error);
  }

  /**
   * @param operation operation name
   * @return a combined observation of every observer; each call guarded
   */
  public RequestObservation observe(String operation) {
    return observers.request(operation);
  }

  // ------------------------------------------------------------------ registration

  /**
   * @param h handler for every message
   * @return registration
   */
  public Registration onMessage(MessageHandler h) {
    return handlers.onMessage(h);
  }

  /**
   * @param type message type
   * @param h handler
   * @return registration
   */
  public Registration onMessage(MessageType type, MessageHandler h) {
    return handlers.onMessage(type, h);
  }

  /**
   * @param h config handler
   * @return registration
   */
  public Registration onConfig(Consumer<ConfigSnapshot> h) {
    return handlers.onConfig(h);
  }

  /**
   * @param h assignment handler
   * @return registration
   */
  public Registration onTaskAssignment(Consumer<TaskAssignment> h) {
    return handlers.onTaskAssignment(h);
  }

  /**
   * @param h progress handler
   * @return registration
   */
  public Registration onProgress(Consumer<ProgressUpdate> h) {
    return handlers.onProgress(h);
  }

  /**
   * @param h signal handler
   * @return registration
   */
  public Registration onSignal(Consumer<SignalInfo> h) {
    return handlers.onSignal(h);
  }

  /**
   * @param h handler for un-correlated gateway errors
   * @return registration
   */
  public Registration onError(Consumer<GatewayError> h) {
    return handlers.onError(h);
  }

  /**
   * @param l connection listener
   * @return registration
   */
  public Registration addListener(ConnectionListener l) {
    return handlers.addListener(l);
  }

  /**
   * The table feature components (KV, checkpoints, tasks, admin, proxy, ...) register their
   * downstream payload cases in.
   *
   * @return the route table of this client
   */
  public DownstreamRoutes routes() {
    return routes;
  }

  /**
   * Handler for downstream frames no typed handler covers (extension point for later features).
   *
   * @param h handler
   * @return registration
   */
  public Registration onRawDownstream(Consumer<DownstreamMessage> h) {
    return handlers.onRawDownstream(h);
  }

  // ------------------------------------------------------------------ status

  /**
   * @return current state
   */
  public ConnectionState state() {
    return connection.state();
  }

  /**
   * @return current acknowledgement, if connected once
   */
  public @Nullable ConnectionInfo connectionInfo() {
    return connection.connectionInfo();
  }

  /**
   * @return latest config snapshot, or null
   */
  public @Nullable ConfigSnapshot latestConfig() {
    return router.latestConfig();
  }

  /**
   * @return status snapshot
   */
  public ClientStatus status() {
    Connection.Snapshot s = connection.snapshot();
    ConnectionInfo info = s.info();
    return new ClientStatus(
        s.state(),
        info == null ? null : info.sessionId(),
        info == null ? null : info.serverVersion(),
        s.failedAttempts(),
        outbound.size(),
        pending.size(),
        s.lastError(),
        s.stateSince());
  }

  /**
   * @return the options
   */
  public AetherClientOptions options() {
    return options;
  }

  /**
   * @return the callback executor (the user's, or this client's default)
   */
  public Executor completions() {
    return handoff;
  }

  /**
   * @return the callback executor
   */
  public Executor callbackExecutor() {
    return callbacks;
  }

  /**
   * @return true if the calling thread runs a handler or listener of this client
   */
  public boolean onHandlerThread() {
    return flow.onHandlerThread();
  }

  /**
   * Runs on the dispatcher (ordered with handlers).
   *
   * @param task task
   */
  public void runOrdered(Runnable task) {
    dispatcher.execute(() -> flow.runAsHandler(() -> handlers.guard(task::run)));
  }

  // ------------------------------------------------------------------ hooks for feature components

  /**
   * Fails a pending request as if its response said so (for failures the gateway reports without
   * the request id).
   *
   * @param requestId the request
   * @param error the failure
   * @return true if it was pending
   */
  public boolean failRequest(String requestId, Throwable error) {
    return pending.fail(requestId, error);
  }

  /**
   * @return the gRPC channel of the current connection, for other services on the same gateway
   *     (null before the first connect and after close)
   */
  public io.grpc.@Nullable Channel channel() {
    return connection.channel();
  }

  /**
   * @return the build the gateway announced in the latest {@code ConnectionAck}, or null
   */
  public io.github.aetherjava.proto.v1.@Nullable BuildInfo serverBuildInfo() {
    return connection.serverBuild();
  }

  /**
   * Runs {@code hook} on the thread that saw a stream end, right after requests in flight on it
   * failed: for SDK components that track their own in-flight work (must not block, never user
   * code). Nothing more is written on the ended stream once it runs.
   *
   * @param hook told the failure in-flight work should see (recoverable when the client reconnects)
   * @return registration
   */
  public Registration onStreamEnd(Consumer<ConnectionException> hook) {
    return connection.onStreamEnd(hook);
  }

  // ------------------------------------------------------------------ inbound flow

  /**
   * Stops returning inbound window: frames already requested still arrive and are handled, no more
   * are asked for. A stream opened later (reconnect) starts with a full window.
   */
  public void pauseInbound() {
    flow.pause();
  }

  /** Returns the window withheld since {@link #pauseInbound()}. */
  public void resumeInbound() {
    flow.resume();
  }

  /**
   * @return whether inbound window is withheld
   */
  public boolean isInboundPaused() {
    return flow.isPaused();
  }

  /**
   * @return completes once every callback queued on the dispatcher before this call has run
   */
  public CompletableFuture<Void> drainInbound() {
    CompletableFuture<Void> drained = new CompletableFuture<>();
    dispatcher.execute(() -> drained.complete(null));
    return drained;
  }

  /**
   * @return callbacks received and waiting on the dispatcher
   */
  public int inboundBacklog() {
    return dispatcher.queued();
  }
}
