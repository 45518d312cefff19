/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AetherException;
import io.github.aetherjava.client.AetherTimeoutException;
import io.github.aetherjava.client.ClientObserver;
import io.github.aetherjava.client.ClientStatus;
import io.github.aetherjava.client.ConfigSnapshot;
import io.github.aetherjava.client.ConnectionException;
import io.github.aetherjava.client.ConnectionInfo;
import io.github.aetherjava.client.ConnectionListener;
import io.github.aetherjava.client.ConnectionState;
import io.github.aetherjava.client.DisconnectInfo;
import io.github.aetherjava.client.DuplicateIdentityException;
import io.github.aetherjava.client.FailureReason;
import io.github.aetherjava.client.GatewayError;
import io.github.aetherjava.client.GatewayErrorException;
import io.github.aetherjava.client.IncomingMessage;
import io.github.aetherjava.client.MessageHandler;
import io.github.aetherjava.client.MessageType;
import io.github.aetherjava.client.ProgressUpdate;
import io.github.aetherjava.client.ReconnectPolicy;
import io.github.aetherjava.client.Registration;
import io.github.aetherjava.client.RequestObservation;
import io.github.aetherjava.client.SignalInfo;
import io.github.aetherjava.client.TaskAssignment;
import io.github.aetherjava.proto.v1.AetherGatewayGrpc;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.InitConnection;
import io.github.aetherjava.proto.v1.Signal;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection of one client: channel, the current {@code Connect} call, handshake, state
 * machine, reconnect loop, inbound routing and handler registry. Outbound writing lives in {@link
 * Outbound}, request correlation in {@link PendingRequests}, ordered handler execution in {@link
 * SerialExecutor}.
 */
public final class ClientCore {

  private static final Logger LOG = LoggerFactory.getLogger(ClientCore.class);

  /** How long a requested close waits for the gateway to end the stream before cancelling it. */
  private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

  /**
   * Bytes the transport may hold unsent before {@code isReady()} turns false. gRPC's default (32
   * KiB) is less than one large frame, so every 64 KiB send would wait for an {@code onReady} round
   * trip.
   */
  private static final int ON_READY_THRESHOLD_BYTES = 256 * 1024;

  /** Inbound window returned in quarters (8 frames at the default window of 32). */
  private static final int REQUEST_BATCH_DIVISOR = 4;

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
     * @return the public client object, for observers
     */
    AetherClient client();
  }

  /** One attempt = one {@code Connect} call. */
  private final class Attempt extends ClientCall.Listener<DownstreamMessage> {
    final ClientCall<UpstreamMessage, DownstreamMessage> call;
    volatile boolean acked;
    volatile boolean done;
    volatile boolean timedOut;
    volatile boolean graceful;
    volatile @Nullable SignalInfo force;
    @Nullable ScheduledFuture<?> handshakeTimer;
    // guarded by the writer lock
    boolean halfClosed;

    /** Frames handled but not yet requested again; see {@link #requestMore()}. */
    final AtomicInteger consumed = new AtomicInteger();

    Attempt(ClientCall<UpstreamMessage, DownstreamMessage> call) {
      this.call = call;
    }

    @Override
    public void onMessage(DownstreamMessage message) {
      handleInbound(this, message);
    }

    @Override
    public void onReady() {
      outbound.drain();
    }

    @Override
    public void onClose(Status status, Metadata trailers) {
      handleClose(this, status);
    }

    /**
     * Ends our side of the stream once (EOF); the gateway then processes everything written before
     * it.
     */
    void halfCloseOnce() {
      outbound.withLock(
          () -> {
            if (!halfClosed && !done) {
              halfClosed = true;
              // nothing may be written after the half-close: later sends stay queued
              outbound.detach();
              call.halfClose();
            }
          });
    }

    /**
     * Returns one frame of inbound window. Requests go out in batches of {@code requestBatch}: each
     * {@code request} from a callback thread costs a wake-up of the transport thread, and the
     * window still never holds more than {@code inboundWindow} frames.
     */
    void requestMore() {
      if (done) {
        return;
      }
      // the increment comes before the paused check, so resumeInbound() always sees this frame
      if (consumed.incrementAndGet() < requestBatch || inboundPaused) {
        return;
      }
      returnWithheld();
    }

    /** Requests every frame handled since the last request. */
    void returnWithheld() {
      int n = consumed.getAndSet(0);
      if (n > 0 && !done) {
        outbound.withLock(() -> call.request(n));
      }
    }
  }

  private final AetherClientOptions options;
  private final Host host;
  private final Clock clock = Clock.systemUTC();
  private final Executor callbacks;
  private final SerialExecutor dispatcher;
  private final Outbound outbound;
  private final PendingRequests pending;
  private final ReentrantLock lock = new ReentrantLock();
  private final int requestBatch;
  private final String requestIdPrefix =
      Long.toHexString(ThreadLocalRandom.current().nextLong()) + "-";
  private final AtomicLong requestSeq = new AtomicLong();

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
  private final DownstreamRoutes routes = new DownstreamRoutes();
  private final List<Consumer<ConnectionException>> streamEndHooks = new CopyOnWriteArrayList<>();

  // guarded by lock
  private ConnectionState state = ConnectionState.IDLE;
  private Instant stateSince;
  private @Nullable ManagedChannel channel;
  private volatile io.github.aetherjava.proto.v1.@Nullable BuildInfo serverBuild;
  private @Nullable Attempt current;
  private @Nullable String lastSessionId;
  private @Nullable ConnectionInfo info;
  private boolean everConnected;
  private boolean closing;
  private int failedAttempts;
  private int backoffIndex;
  private int duplicateAttempts;
  private @Nullable ScheduledFuture<?> retryTimer;
  private @Nullable Throwable lastError;
  private final CompletableFuture<ConnectionInfo> connectFuture = new CompletableFuture<>();
  private final CompletableFuture<Void> closeFuture = new CompletableFuture<>();
  private volatile @Nullable ConfigSnapshot latestConfig;
  private volatile boolean inboundPaused;

  /**
   * @param options client options
   * @param host the owning client
   */
  public ClientCore(AetherClientOptions options, Host host) {
    this.options = options;
    this.host = host;
    Executor user = options.callbackExecutor();
    this.callbacks = user != null ? user : ClientExecutors.defaultCallbackExecutor();
    this.dispatcher = new SerialExecutor(callbacks);
    this.outbound =
        new Outbound(
            options.maxBufferedSends(),
            options.maxBufferedBytes(),
            options.overflowPolicy(),
            callbacks);
    this.pending = new PendingRequests(callbacks);
    routes.correlated(DownstreamMessage.PayloadCase.KV, m -> m.getKv().getRequestId());
    routes.correlated(
        DownstreamMessage.PayloadCase.CHECKPOINT, m -> m.getCheckpoint().getRequestId());
    this.requestBatch = Math.max(1, options.inboundWindow() / REQUEST_BATCH_DIVISOR);
    this.stateSince = clock.instant();
    for (MessageType t : MessageType.values()) {
      typedHandlers.put(t, new CopyOnWriteArrayList<>());
    }
  }

  // ------------------------------------------------------------------ lifecycle

  /**
   * @return completes with the first acknowledgement, or fails with a classified exception
   */
  public CompletableFuture<ConnectionInfo> connect() {
    boolean start = false;
    lock.lock();
    try {
      if (state == ConnectionState.CLOSED
          && connectFuture.isDone()
          && !connectFuture.isCompletedExceptionally()) {
        // connected once, closed since: a closed client never reconnects
        return CompletableFuture.failedFuture(
            new ConnectionException(
                FailureReason.CLOSED,
                "client is closed; build a new client to connect again",
                lastError,
                false,
                null));
      }
      if (state == ConnectionState.IDLE) {
        setState(ConnectionState.CONNECTING, null);
        start = true;
      }
    } finally {
      lock.unlock();
    }
    if (start) {
      startAttempt();
    }
    return connectFuture.copy();
  }

  /**
   * @return completes when the stream has ended and resources are released
   */
  public CompletableFuture<Void> disconnect() {
    Attempt a;
    lock.lock();
    try {
      if (state == ConnectionState.CLOSED || closing) {
        return closeFuture.copy();
      }
      closing = true;
      if (retryTimer != null) {
        retryTimer.cancel(false);
      }
      a = current;
    } finally {
      lock.unlock();
    }
    // gRPC reports the stream's end only after every frame already received has been requested
    resumeInbound();
    if (a != null && a.acked) {
      // write what is queued, then end the stream cleanly (EOF): task-token workers get COMPLETED
      outbound.flushAll();
      a.halfCloseOnce();
      ClientExecutors.scheduler()
          .schedule(
              () -> {
                if (!a.done) {
                  outbound.withLock(() -> a.call.cancel("client closed", null));
                }
              },
              CLOSE_GRACE.toMillis(),
              TimeUnit.MILLISECONDS);
    } else if (a != null) {
      outbound.withLock(() -> a.call.cancel("client closed", null));
    } else {
      finishClose(
          new ConnectionException(FailureReason.CLOSED, "client closed", null, false, null),
          "client closed");
    }
    return closeFuture.copy();
  }

  private void startAttempt() {
    Attempt a = null;
    AetherException setupFailure = null;
    lock.lock();
    try {
      retryTimer = null;
      if (closing || state == ConnectionState.CLOSED) {
        return;
      }
      if (channel == null) {
        channel =
            options.channelPool() != null
                ? options.channelPool().acquire(options)
                : ChannelFactory.create(options);
      }
      CallOptions callOptions =
          CallOptions.DEFAULT
              .withMaxOutboundMessageSize(AetherClientOptions.MAX_UPSTREAM_FRAME_BYTES)
              .withOnReadyThreshold(ON_READY_THRESHOLD_BYTES);
      if (everConnected) {
        // The ReconnectPolicy decided to retry now, so the channel must not also sit out its own,
        // independent
        // reconnect backoff (1 s x 1.6 ...), and the call waits for the connection instead of
        // failing fast
        // while the channel is still in TRANSIENT_FAILURE. The handshake timer (connectTimeout)
        // still
        // bounds the attempt.
        channel.resetConnectBackoff();
        callOptions = callOptions.withWaitForReady();
      }
      ClientCall<UpstreamMessage, DownstreamMessage> call =
          channel.newCall(AetherGatewayGrpc.getConnectMethod(), callOptions);
      a = new Attempt(call);
      current = a;
    } catch (RuntimeException e) {
      LOG.warn("{}: cannot create the gRPC channel or call", host.identity(), e);
      setupFailure =
          e instanceof AetherException ae
              ? ae
              : new ConnectionException(
                  FailureReason.UNAVAILABLE,
                  "cannot create channel: " + e.getMessage(),
                  e,
                  false,
                  null);
    } finally {
      lock.unlock();
    }
    if (setupFailure != null || a == null) {
      if (setupFailure != null) {
        finishClose(setupFailure, "cannot create channel");
      }
      return;
    }
    Attempt attempt = a;
    Metadata headers = new Metadata();
    options
        .headers()
        .forEach((k, v) -> headers.put(Metadata.Key.of(k, Metadata.ASCII_STRING_MARSHALLER), v));
    InitConnection.Builder init =
        InitConnection.newBuilder()
            .putAllCredentials(options.credentials().asMap())
            .setClientSdk(SdkVersion.SDK)
            .setClientVersion(SdkVersion.VERSION)
            .setClientBuildInfo(SdkVersion.buildInfo());
    String resume = lastSessionId;
    if (resume != null) {
      init.setResumeSessionId(resume);
    }
    host.fillIdentity(init);
    UpstreamMessage frame = UpstreamMessage.newBuilder().setInit(init).build();
    outbound.withLock(
        () -> {
          attempt.call.start(attempt, headers);
          attempt.call.request(options.inboundWindow());
          attempt.call.sendMessage(frame);
        });
    attempt.handshakeTimer =
        ClientExecutors.scheduler()
            .schedule(
                () -> {
                  if (!attempt.acked && !attempt.done) {
                    attempt.timedOut = true;
                    outbound.withLock(
                        () ->
                            attempt.call.cancel(
                                "no ConnectionAck within " + options.connectTimeout(), null));
                  }
                },
                options.connectTimeout().toNanos(),
                TimeUnit.NANOSECONDS);
    LOG.debug(
        "{}: connecting to {} (resume={})", host.identity(), options.address(), resume != null);
  }

  // ------------------------------------------------------------------ inbound

  private void handleInbound(Attempt a, DownstreamMessage m) {
    switch (m.getPayloadCase()) {
      case CONNECTION_ACK -> {
        onAck(a, m);
        a.requestMore();
      }
      case ERROR -> {
        GatewayError error = GatewayError.fromProto(m.getError());
        for (ClientObserver o : options.observers()) {
          o.onGatewayError(host.client(), error);
        }
        if (error.requestId() != null
            && pending.fail(error.requestId(), new GatewayErrorException(error, null))) {
          a.requestMore();
        } else if (routes.interceptError(error)) {
          a.requestMore();
        } else {
          dispatch(a, () -> errorHandlers.forEach(h -> h.accept(error)));
        }
      }
      case SIGNAL -> {
        SignalInfo signal = SignalInfo.fromProto(m.getSignal());
        if (m.getSignal().getType() == Signal.SignalType.GRACEFUL_DISCONNECT) {
          a.graceful = true;
          // stop writing (new sends stay buffered for the next stream) and end our side cleanly, so
          // the gateway can process exactly what was already written before it goes away
          a.halfCloseOnce();
        } else {
          a.force = signal;
        }
        dispatch(a, () -> signalHandlers.forEach(h -> h.accept(signal)));
        if (a.force != null) {
          // administrator kick: close our side now, never reconnect
          outbound.withLock(() -> a.call.cancel("FORCE_DISCONNECT: " + signal.reason(), null));
        }
      }
      case MSG -> {
        IncomingMessage msg = IncomingMessage.fromProto(m.getMsg(), clock.instant());
        dispatch(a, () -> deliver(msg));
      }
      case CONFIG -> {
        ConfigSnapshot config = ConfigSnapshot.fromProto(m.getConfig());
        latestConfig = config;
        dispatch(a, () -> configHandlers.forEach(h -> h.accept(config)));
      }
      case PROGRESS_UPDATE -> {
        ProgressUpdate update = ProgressUpdate.fromProto(m.getProgressUpdate());
        dispatch(a, () -> progressHandlers.forEach(h -> h.accept(update)));
      }
      case TASK_ASSIGNMENT -> {
        TaskAssignment task = TaskAssignment.fromProto(m.getTaskAssignment());
        dispatch(a, () -> assignmentHandlers.forEach(h -> h.accept(task)));
      }
      default -> {
        DownstreamRoutes.Route route = routes.get(m.getPayloadCase());
        if (route != null) {
          route(a, route, m);
        } else if (rawHandlers.isEmpty()) {
          LOG.debug("{}: ignoring downstream {}", host.identity(), m.getPayloadCase());
          a.requestMore();
        } else {
          dispatch(a, () -> rawHandlers.forEach(h -> h.accept(m)));
        }
      }
    }
  }

  private void route(Attempt a, DownstreamRoutes.Route route, DownstreamMessage m) {
    switch (route.kind()) {
      case CORRELATED -> {
        pending.complete(route.requestIdOf().apply(m), m);
        a.requestMore();
      }
      case INTERNAL -> {
        try {
          route.handler().accept(m);
        } catch (RuntimeException e) {
          LOG.warn("{}: internal route for {} failed", host.identity(), m.getPayloadCase(), e);
        } finally {
          a.requestMore();
        }
      }
      case ORDERED -> dispatch(a, () -> route.handler().accept(m));
    }
  }

  private void deliver(IncomingMessage msg) {
    for (ClientObserver o : options.observers()) {
      o.onMessageReceived(host.client(), msg);
    }
    for (MessageHandler h : messageHandlers) {
      invoke(h, msg);
    }
    for (MessageHandler h : typedHandlers.get(msg.messageType())) {
      invoke(h, msg);
    }
  }

  private void invoke(MessageHandler h, IncomingMessage msg) {
    try {
      h.handle(msg);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      // includes AssertionError and other Errors thrown by user code: report, keep the stream going
      reportHandlerError(e);
    }
  }

  /**
   * Runs a callback on the dispatcher and asks for the next frame only when it is done
   * (back-pressure).
   */
  private void dispatch(Attempt a, Runnable r) {
    dispatcher.execute(
        () -> {
          try {
            r.run();
          } catch (RuntimeException e) {
            reportHandlerError(e);
          } finally {
            a.requestMore();
          }
        });
  }

  private void dispatchEvent(Runnable r) {
    dispatcher.execute(
        () -> {
          try {
            r.run();
          } catch (RuntimeException e) {
            reportHandlerError(e);
          }
        });
  }

  private void reportHandlerError(Throwable e) {
    LOG.warn("{}: handler threw; the stream continues", host.identity(), e);
    for (ClientObserver o : options.observers()) {
      o.onHandlerError(host.client(), e);
    }
  }

  private void onAck(Attempt a, DownstreamMessage m) {
    ConnectionInfo ci = ConnectionInfo.fromProto(m.getConnectionAck(), clock.instant());
    serverBuild = m.getConnectionAck().getServerBuildInfo();
    lock.lock();
    try {
      if (a != current || a.done || a.acked || closing) {
        return;
      }
      a.acked = true;
      if (a.handshakeTimer != null) {
        a.handshakeTimer.cancel(false);
      }
      info = ci;
      lastSessionId = ci.sessionId();
      failedAttempts = 0;
      backoffIndex = 0;
      duplicateAttempts = 0;
      everConnected = true;
      lastError = null;
      setState(ConnectionState.READY, null);
    } finally {
      lock.unlock();
    }
    LOG.debug(
        "{}: connected, session {} (resumed={})", host.identity(), ci.sessionId(), ci.resumed());
    outbound.prepend(host.sessionFrames());
    // attach (and flush) before anyone learns about the connection, so a send right after connect()
    // completes is written to this stream
    outbound.withLock(
        () -> {
          if (!a.halfClosed && !a.done) {
            outbound.attach(a.call);
          }
        });
    callbacks.execute(() -> connectFuture.complete(ci));
    dispatchEvent(() -> listeners.forEach(l -> l.onConnect(ci)));
  }

  // ------------------------------------------------------------------ stream end and reconnect

  private void handleClose(Attempt a, Status status) {
    AetherException error;
    boolean willReconnect = false;
    boolean notifyDisconnect;
    Duration delay = Duration.ZERO;
    int attemptNo = 0;
    lock.lock();
    try {
      a.done = true;
      if (a.handshakeTimer != null) {
        a.handshakeTimer.cancel(false);
      }
      if (a != current) {
        return;
      }
      current = null;
      outbound.detach();
      if (closing) {
        error = new ConnectionException(FailureReason.CLOSED, "client closed", null, false, null);
      } else if (a.force != null) {
        error =
            new ConnectionException(
                FailureReason.FORCE_DISCONNECTED,
                "gateway forced a disconnect: " + a.force.reason(),
                null,
                false,
                status.getCode().name());
      } else if (a.timedOut) {
        error = new AetherTimeoutException("connect", options.connectTimeout(), null);
      } else {
        error = StatusMapping.fromStatus(status, host.identity(), options.address(), a.acked);
      }
      lastError = closing ? null : error;
      notifyDisconnect = a.acked;
      ReconnectPolicy policy = options.reconnect();
      boolean duplicate = error instanceof DuplicateIdentityException;
      if (!closing
          && policy.enabled()
          && (everConnected
              || policy.retryInitialConnect()
              || (duplicate && policy.retryOnDuplicate()))) {
        if (duplicate) {
          willReconnect =
              policy.retryOnDuplicate() && ++duplicateAttempts <= policy.duplicateMaxAttempts();
          delay = policy.duplicateRetryDelay();
        } else {
          willReconnect = error.isRecoverable();
          boolean clean = status.isOk() || a.graceful;
          if (a.acked && clean && policy.immediateFirstRetry()) {
            delay = Duration.ZERO;
          } else {
            delay =
                Backoff.delay(
                    policy, backoffIndex++, () -> ThreadLocalRandom.current().nextDouble());
          }
        }
        if (willReconnect) {
          failedAttempts++;
          if (policy.maxAttempts() > 0 && failedAttempts > policy.maxAttempts()) {
            willReconnect = false;
            error =
                new ConnectionException(
                    FailureReason.UNAVAILABLE,
                    "gave up reconnecting after "
                        + policy.maxAttempts()
                        + " attempts: "
                        + error.getMessage(),
                    error,
                    false,
                    error.grpcStatus());
            lastError = error;
          }
        }
        attemptNo = failedAttempts;
      }
      if (willReconnect) {
        setState(everConnected ? ConnectionState.RECONNECTING : ConnectionState.CONNECTING, error);
        retryTimer =
            ClientExecutors.scheduler()
                .schedule(this::startAttempt, delay.toNanos(), TimeUnit.NANOSECONDS);
      }
    } finally {
      lock.unlock();
    }
    // recoverable only when the client reconnects (retrying after a terminal close cannot help)
    ConnectionException dropped =
        new ConnectionException(
            FailureReason.DISCONNECTED,
            "stream dropped before the response arrived: " + error.getMessage(),
            error,
            willReconnect,
            error.grpcStatus());
    if (willReconnect) {
      pending.failSent(
          dropped,
          (id, frame) -> enqueue(frame, () -> pending.markSent(id), e -> pending.fail(id, e)));
    } else {
      pending.failSent(dropped);
    }
    for (Consumer<ConnectionException> hook : streamEndHooks) {
      try {
        hook.accept(dropped);
      } catch (RuntimeException e) {
        LOG.warn("{}: stream-end hook failed", host.identity(), e);
      }
    }
    if (notifyDisconnect) {
      DisconnectInfo di =
          new DisconnectInfo(error.getMessage(), closing ? null : error, willReconnect);
      dispatchEvent(() -> listeners.forEach(l -> l.onDisconnect(di)));
    }
    if (willReconnect) {
      int n = attemptNo;
      if (n == 1 || n % 10 == 0) {
        LOG.info(
            "{}: stream ended ({}); reconnect attempt {} in {} ms",
            host.identity(),
            error.getMessage(),
            n,
            delay.toMillis());
      } else {
        LOG.debug(
            "{}: attempt failed ({}); reconnect attempt {} in {} ms",
            host.identity(),
            error.getMessage(),
            n,
            delay.toMillis());
      }
      for (ClientObserver o : options.observers()) {
        o.onReconnectAttempt(host.client(), n);
      }
      dispatchEvent(() -> listeners.forEach(l -> l.onReconnecting(n)));
    } else {
      if (!closing) {
        LOG.warn("{}: connection closed for good: {}", host.identity(), error.getMessage());
      }
      finishClose(error, error.getMessage());
    }
  }

  private void finishClose(AetherException error, String reason) {
    ManagedChannel ch;
    lock.lock();
    try {
      if (state == ConnectionState.CLOSED) {
        return;
      }
      setState(ConnectionState.CLOSED, closing ? null : error);
      ch = channel;
      channel = null;
    } finally {
      lock.unlock();
    }
    ConnectionException closed =
        error instanceof ConnectionException ce && ce.reason() == FailureReason.CLOSED
            ? ce
            : new ConnectionException(
                FailureReason.CLOSED, "client closed: " + reason, error, false, error.grpcStatus());
    outbound.close(closed);
    pending.failAll(closed);
    callbacks.execute(() -> connectFuture.completeExceptionally(error));
    if (ch != null) {
      if (options.channelPool() != null) {
        options.channelPool().release(ch);
      } else {
        ch.shutdown();
      }
    }
    callbacks.execute(() -> closeFuture.complete(null));
  }

  /** Caller holds the lock. */
  private void setState(ConnectionState to, @Nullable Throwable cause) {
    ConnectionState from = state;
    if (from == to) {
      return;
    }
    state = to;
    stateSince = clock.instant();
    for (ClientObserver o : options.observers()) {
      try {
        o.onStateChanged(host.client(), from, to, cause);
      } catch (RuntimeException e) {
        LOG.warn("observer threw", e);
      }
    }
    dispatchEvent(() -> listeners.forEach(l -> l.onStateChanged(from, to)));
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
    CompletableFuture<Void> f =
        enqueue(
            frame,
            () -> {
              for (ClientObserver o : options.observers()) {
                o.onMessageSent(host.client(), topic, type, payloadBytes);
              }
            });
    if (!options.observers().isEmpty()) {
      f.whenComplete(
          (v, e) -> {
            if (e != null) {
              options.observers().forEach(o -> o.onSendFailed(host.client(), topic, e));
            }
          });
    }
    return f;
  }

  /**
   * Queues any frame (fire-and-forget).
   *
   * @param frame the frame
   * @param onWritten run when handed to the transport
   * @return completes when handed to the transport
   */
  public CompletableFuture<Void> enqueue(UpstreamMessage frame, @Nullable Runnable onWritten) {
    return enqueue(frame, onWritten, null);
  }

  private CompletableFuture<Void> enqueue(
      UpstreamMessage frame, @Nullable Runnable onWritten, @Nullable Consumer<Throwable> onFailed) {
    RuntimeException refused = null;
    if (frame.getSerializedSize() > AetherClientOptions.MAX_UPSTREAM_FRAME_BYTES) {
      refused =
          new io.github.aetherjava.client.InvalidArgumentException(
              "frame of " + frame.getSerializedSize() + " bytes exceeds the gateway's 4 MiB limit");
    } else if (state() == ConnectionState.IDLE) {
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
    return outbound.enqueue(frame, onWritten, onFailed);
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
   * {@code DISCONNECTED}.
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
    CompletableFuture<T> response =
        pending.register(
            requestId,
            operation,
            timeout,
            idempotent ? frame : null,
            decoder,
            mapError,
            observation);
    // the failure hook instead of a dependent stage: the send future then completes inline when
    // written
    enqueue(frame, () -> pending.markSent(requestId), e -> pending.fail(requestId, e));
    return response;
  }

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
    lock.lock();
    try {
      return channel;
    } finally {
      lock.unlock();
    }
  }

  /**
   * @return the build the gateway announced in the latest {@code ConnectionAck}, or null
   */
  public io.github.aetherjava.proto.v1.@Nullable BuildInfo serverBuildInfo() {
    return serverBuild;
  }

  /**
   * @param operation operation name
   * @return a combined observation of every observer
   */
  public RequestObservation observe(String operation) {
    List<ClientObserver> obs = options.observers();
    if (obs.isEmpty()) {
      return RequestObservation.NOOP;
    }
    List<RequestObservation> started = new ArrayList<>(obs.size());
    for (ClientObserver o : obs) {
      started.add(o.onRequest(host.client(), operation));
    }
    return error -> started.forEach(s -> s.onComplete(error));
  }

  // ------------------------------------------------------------------ registration

  /**
   * @param h handler for every message
   * @return registration
   */
  public Registration onMessage(MessageHandler h) {
    return add(messageHandlers, h);
  }

  /**
   * @param type message type
   * @param h handler
   * @return registration
   */
  public Registration onMessage(MessageType type, MessageHandler h) {
    return add(typedHandlers.get(type), h);
  }

  /**
   * @param h config handler
   * @return registration
   */
  public Registration onConfig(Consumer<ConfigSnapshot> h) {
    return add(configHandlers, h);
  }

  /**
   * @param h assignment handler
   * @return registration
   */
  public Registration onTaskAssignment(Consumer<TaskAssignment> h) {
    return add(assignmentHandlers, h);
  }

  /**
   * @param h progress handler
   * @return registration
   */
  public Registration onProgress(Consumer<ProgressUpdate> h) {
    return add(progressHandlers, h);
  }

  /**
   * @param h signal handler
   * @return registration
   */
  public Registration onSignal(Consumer<SignalInfo> h) {
    return add(signalHandlers, h);
  }

  /**
   * @param h handler for un-correlated gateway errors
   * @return registration
   */
  public Registration onError(Consumer<GatewayError> h) {
    return add(errorHandlers, h);
  }

  /**
   * @param l connection listener
   * @return registration
   */
  public Registration addListener(ConnectionListener l) {
    return add(listeners, l);
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
   * Runs {@code hook} on the thread that saw a stream end, right after requests in flight on it
   * failed: for SDK components that track their own in-flight work (must not block, never user
   * code). Nothing more is written on the ended stream once it runs.
   *
   * @param hook told the failure in-flight work should see (recoverable when the client reconnects)
   * @return registration
   */
  public Registration onStreamEnd(Consumer<ConnectionException> hook) {
    return add(streamEndHooks, hook);
  }

  /**
   * Handler for downstream frames no typed handler covers (extension point for later features).
   *
   * @param h handler
   * @return registration
   */
  public Registration onRawDownstream(Consumer<DownstreamMessage> h) {
    return add(rawHandlers, h);
  }

  private static <T> Registration add(List<T> list, T item) {
    java.util.Objects.requireNonNull(item, "handler");
    list.add(item);
    return () -> list.remove(item);
  }

  // ------------------------------------------------------------------ inbound flow

  /**
   * Stops returning inbound window: frames already requested still arrive and are handled, no more
   * are asked for. A stream opened later (reconnect) starts with a full window.
   */
  public void pauseInbound() {
    inboundPaused = true;
  }

  /** Returns the window withheld since {@link #pauseInbound()}. */
  public void resumeInbound() {
    inboundPaused = false;
    Attempt a;
    lock.lock();
    try {
      a = current;
    } finally {
      lock.unlock();
    }
    if (a != null) {
      a.returnWithheld();
    }
  }

  /**
   * @return whether inbound window is withheld
   */
  public boolean isInboundPaused() {
    return inboundPaused;
  }

  /**
   * @return completes once every callback queued on the dispatcher before this call has run
   */
  public CompletableFuture<Void> drainInbound() {
    CompletableFuture<Void> drained = new CompletableFuture<>();
    dispatchEvent(() -> drained.complete(null));
    return drained;
  }

  /**
   * @return callbacks received and waiting on the dispatcher
   */
  public int inboundBacklog() {
    return dispatcher.queued();
  }

  // ------------------------------------------------------------------ status

  /**
   * @return current state
   */
  public ConnectionState state() {
    lock.lock();
    try {
      return state;
    } finally {
      lock.unlock();
    }
  }

  /**
   * @return current acknowledgement, if connected once
   */
  public @Nullable ConnectionInfo connectionInfo() {
    lock.lock();
    try {
      return info;
    } finally {
      lock.unlock();
    }
  }

  /**
   * @return latest config snapshot, or null
   */
  public @Nullable ConfigSnapshot latestConfig() {
    return latestConfig;
  }

  /**
   * @return status snapshot
   */
  public ClientStatus status() {
    lock.lock();
    try {
      return new ClientStatus(
          state,
          info == null ? null : info.sessionId(),
          info == null ? null : info.serverVersion(),
          failedAttempts,
          outbound.size(),
          pending.size(),
          lastError,
          stateSince);
    } finally {
      lock.unlock();
    }
  }

  /**
   * @return the options
   */
  public AetherClientOptions options() {
    return options;
  }

  /**
   * @return the callback executor
   */
  public Executor callbackExecutor() {
    return callbacks;
  }

  /**
   * Runs on the dispatcher (ordered with handlers).
   *
   * @param task task
   */
  public void runOrdered(Runnable task) {
    dispatchEvent(task);
  }
}
