/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AetherException;
import io.github.aetherjava.client.AetherTimeoutException;
import io.github.aetherjava.client.ConnectionException;
import io.github.aetherjava.client.ConnectionInfo;
import io.github.aetherjava.client.ConnectionListener;
import io.github.aetherjava.client.ConnectionState;
import io.github.aetherjava.client.DisconnectInfo;
import io.github.aetherjava.client.DuplicateIdentityException;
import io.github.aetherjava.client.FailureReason;
import io.github.aetherjava.client.ReconnectPolicy;
import io.github.aetherjava.client.Registration;
import io.github.aetherjava.client.SignalInfo;
import io.github.aetherjava.proto.v1.BuildInfo;
import io.github.aetherjava.proto.v1.InitConnection;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection state machine of one client: channel, the current {@code Connect} call (attempt),
 * handshake, reconnect loop and close. Every transition happens under one lock; what observers and
 * listeners are told is queued in order under it and told after it is released, so no user code
 * runs under the lock. Every path ends in a defined state: a call is cancelled only once it has
 * started (an attempt cancelled before it started is ended by the thread starting it), and every
 * end of the client releases its channel and completes the close future.
 */
final class Connection {

  private static final Logger LOG = LoggerFactory.getLogger(Connection.class);

  /** How long a requested close waits for the gateway to end the stream before cancelling it. */
  static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

  /**
   * Bytes the transport may hold unsent before {@code isReady()} turns false. gRPC's default (32
   * KiB) is less than one large frame, so every 64 KiB send would wait for an {@code onReady} round
   * trip.
   */
  private static final int ON_READY_THRESHOLD_BYTES = 256 * 1024;

  /** Inbound window returned in quarters (8 frames at the default window of 32). */
  private static final int REQUEST_BATCH_DIVISOR = 4;

  /** One attempt = one {@code Connect} call. */
  final class Attempt extends ClientCall.Listener<DownstreamFrame> {
    final ClientCall<UpstreamMessage, DownstreamFrame> call;
    final InboundFlow.Credit credit;
    volatile boolean acked;
    volatile boolean done;
    volatile boolean timedOut;
    volatile boolean graceful;
    volatile @Nullable SignalInfo force;
    volatile @Nullable ScheduledFuture<?> handshakeTimer;
    // written under the writer lock; read without it by the credit request
    volatile boolean started;
    // guarded by the writer lock
    boolean cancelled;
    boolean halfClosed;

    Attempt(ClientCall<UpstreamMessage, DownstreamFrame> call) {
      this.call = call;
      this.credit =
          new InboundFlow.Credit(
              n -> {
                // request() is the one ClientCall method safe from any thread; no lock, since the
                // in-process transport delivers frames inline on the requesting thread
                if (started && !done) {
                  call.request(n);
                }
              },
              requestBatch);
    }

    @Override
    public void onMessage(DownstreamFrame frame) {
      Objects.requireNonNull(router, "router").route(this, frame);
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
     * Ends the stream as gRPC does when a frame cannot be read (CANCELLED with the cause), for a
     * message whose decoding was left to the callback thread.
     *
     * @param cause why the message could not be decoded
     */
    void failUnreadable(Throwable cause) {
      outbound.withLock(
          () -> {
            if (started && !done && !cancelled) {
              call.cancel("Failed to read message.", cause);
            }
          });
    }

    /** Ends our side of the stream once (EOF); the gateway then handles everything before it. */
    void halfCloseOnce() {
      outbound.withLock(
          () -> {
            if (started && !halfClosed && !done && !cancelled) {
              halfClosed = true;
              // nothing may be written after the half-close: later sends stay queued
              outbound.detach();
              call.halfClose();
            }
          });
    }

    /**
     * Cancels the call; one not started yet is marked, and its starter ends it.
     *
     * @param reason why
     */
    void cancel(String reason) {
      outbound.withLock(
          () -> {
            if (!cancelled) {
              cancelled = true;
              if (started && !done) {
                call.cancel(reason, null);
              }
            }
          });
    }
  }

  private final AetherClientOptions options;
  private final ClientCore.Host host;
  private final Observers observers;
  private final HandlerRegistry handlers;
  private final SerialExecutor dispatcher;
  private final Outbound outbound;
  private final PendingRequests pending;
  private final InboundFlow flow;
  private final Handoff completions;
  private final Runnable onClosed;
  private final int requestBatch;
  private final MethodDescriptor<UpstreamMessage, DownstreamFrame> connectMethod;
  private final Clock clock = Clock.systemUTC();
  private @Nullable InboundRouter router;

  private final ReentrantLock lock = new ReentrantLock();
  // guarded by lock
  private ConnectionState state = ConnectionState.IDLE;
  private Instant stateSince;
  private @Nullable ManagedChannel channel;
  private volatile @Nullable BuildInfo serverBuild;
  private final List<Consumer<ConnectionException>> streamEndHooks = new CopyOnWriteArrayList<>();
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

  Connection(
      AetherClientOptions options,
      ClientCore.Host host,
      Observers observers,
      HandlerRegistry handlers,
      SerialExecutor dispatcher,
      Outbound outbound,
      PendingRequests pending,
      InboundFlow flow,
      Handoff completions,
      Runnable onClosed) {
    this.options = options;
    this.host = host;
    this.observers = observers;
    this.handlers = handlers;
    this.dispatcher = dispatcher;
    this.outbound = outbound;
    this.pending = pending;
    this.flow = flow;
    this.completions = completions;
    this.onClosed = onClosed;
    this.requestBatch = Math.max(1, options.inboundWindow() / REQUEST_BATCH_DIVISOR);
    this.connectMethod =
        DownstreamFrameMarshaller.connectMethod(ChannelFactory.isInProcess(options.address()));
    this.stateSince = clock.instant();
  }

  void setRouter(InboundRouter router) {
    this.router = router;
  }

  // ------------------------------------------------------------------ lifecycle

  CompletableFuture<ConnectionInfo> connect() {
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
    tell();
    if (start) {
      startAttempt();
    }
    return connectFuture.copy();
  }

  CompletableFuture<Void> disconnect() {
    Attempt a;
    lock.lock();
    try {
      if (state == ConnectionState.CLOSED || closing) {
        return closeFuture.copy();
      }
      closing = true;
      ScheduledFuture<?> retry = retryTimer;
      if (retry != null) {
        retry.cancel(false);
      }
      a = current;
    } finally {
      lock.unlock();
    }
    if (a != null && a.acked) {
      // write what is queued, then end the stream cleanly (EOF): task-token workers get COMPLETED
      outbound.flushAll();
      a.halfCloseOnce();
      ClientExecutors.scheduler()
          .schedule(() -> a.cancel("client closed"), CLOSE_GRACE.toNanos(), TimeUnit.NANOSECONDS);
    } else if (a != null) {
      a.cancel("client closed");
    } else {
      finishClose(
          new ConnectionException(FailureReason.CLOSED, "client closed", null, false, null),
          "client closed");
    }
    return closeFuture.copy();
  }

  /**
   * Ends the client now: cancels the stream without waiting for the gateway and releases
   * everything. For a close that did not finish in time.
   */
  void forceClose() {
    Attempt a;
    lock.lock();
    try {
      closing = true;
      ScheduledFuture<?> retry = retryTimer;
      if (retry != null) {
        retry.cancel(false);
      }
      a = current;
      current = null;
    } finally {
      lock.unlock();
    }
    if (a != null) {
      a.cancel("client closed");
      flow.end(a.credit);
    }
    finishClose(
        new ConnectionException(FailureReason.CLOSED, "client closed", null, false, null),
        "client closed (forced)");
  }

  private void startAttempt() {
    Attempt a;
    AetherException setupFailure = null;
    lock.lock();
    try {
      retryTimer = null;
      if (closing || state == ConnectionState.CLOSED) {
        return;
      }
      ManagedChannel ch = channel;
      if (ch == null) {
        ChannelPool pool = ChannelPool.of(options);
        ch = pool != null ? pool.acquire(options) : ChannelFactory.create(options);
        channel = ch;
      }
      CallOptions callOptions =
          CallOptions.DEFAULT
              .withMaxOutboundMessageSize(AetherClientOptions.MAX_UPSTREAM_FRAME_BYTES)
              .withOnReadyThreshold(ON_READY_THRESHOLD_BYTES);
      if (everConnected) {
        // The ReconnectPolicy decided to retry now, so the channel must not also sit out its own
        // reconnect backoff, and the call waits for the connection instead of failing fast while
        // the channel is still in TRANSIENT_FAILURE. The handshake timer still bounds the attempt.
        ch.resetConnectBackoff();
        callOptions = callOptions.withWaitForReady();
      }
      a = new Attempt(ch.newCall(connectMethod, callOptions));
      current = a;
      flow.attach(a.credit);
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
      a = null;
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
    String resume = resumeId();
    if (resume != null) {
      init.setResumeSessionId(resume);
    }
    host.fillIdentity(init);
    UpstreamMessage frame = UpstreamMessage.newBuilder().setInit(init).build();
    RuntimeException[] startFailure = new RuntimeException[1];
    outbound.withLock(
        () -> {
          if (attempt.cancelled) {
            return;
          }
          try {
            attempt.call.start(attempt, headers);
            attempt.started = true;
            attempt.call.request(options.inboundWindow());
            attempt.call.sendMessage(frame);
          } catch (RuntimeException e) {
            startFailure[0] = e;
            if (attempt.started) {
              attempt.call.cancel("cannot start the stream", e);
            }
          }
        });
    boolean[] flags = new boolean[2];
    outbound.withLock(
        () -> {
          flags[0] = attempt.started;
          flags[1] = attempt.cancelled;
        });
    boolean started = flags[0];
    boolean cancelled = flags[1];
    if (!started) {
      // cancelled before it started, or start threw: no onClose will come, so end it here
      RuntimeException failure = startFailure[0];
      handleClose(
          attempt,
          failure != null
              ? Status.INTERNAL.withDescription("cannot start the stream").withCause(failure)
              : Status.CANCELLED.withDescription("client closed before the stream started"));
      return;
    }
    if (cancelled) {
      return; // cancelled after it started: gRPC reports onClose
    }
    attempt.handshakeTimer =
        ClientExecutors.scheduler()
            .schedule(
                () -> {
                  if (!attempt.acked && !attempt.done) {
                    attempt.timedOut = true;
                    attempt.cancel("no ConnectionAck within " + options.connectTimeout());
                  }
                },
                options.connectTimeout().toNanos(),
                TimeUnit.NANOSECONDS);
    if (attempt.done) {
      cancelTimer(attempt.handshakeTimer);
    }
    LOG.debug(
        "{}: connecting to {} (resume={})", host.identity(), options.address(), resume != null);
  }

  private @Nullable String resumeId() {
    lock.lock();
    try {
      return lastSessionId;
    } finally {
      lock.unlock();
    }
  }

  // ------------------------------------------------------------------ called by the router

  /**
   * @param a the attempt the acknowledgement arrived on
   * @param ci the acknowledgement
   */
  void onAck(Attempt a, ConnectionInfo ci, BuildInfo build) {
    serverBuild = build;
    lock.lock();
    try {
      if (a != current || a.done || a.acked || closing) {
        return;
      }
      a.acked = true;
      cancelTimer(a.handshakeTimer);
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
    String asked = host.requestedIdentity();
    String bound = ci.assignedId();
    if (bound.contains("::") && !bound.equals(asked)) {
      LOG.warn(
          "{}: the gateway bound this session to {} (for example from the client certificate);"
              + " the client reports that identity",
          asked,
          bound);
    }
    // observers learn READY before the first frame is written on this stream
    observers.flush();
    outbound.prepend(host.sessionFrames());
    // attach (and flush) before anyone learns about the connection, so a send right after connect()
    // completes is written to this stream
    outbound.withLock(
        () -> {
          if (!a.halfClosed && !a.done && !a.cancelled) {
            outbound.attach(a.call);
          }
        });
    outbound.drain();
    completions.execute(() -> connectFuture.complete(ci));
    queueListeners((l -> l.onConnect(ci)));
    tell();
  }

  /**
   * The gateway is going away gracefully: stop writing (new sends stay buffered for the next
   * stream) and end our side cleanly, so it handles exactly what was already written.
   */
  void onGracefulDisconnect(Attempt a) {
    a.graceful = true;
    a.halfCloseOnce();
  }

  /** An administrator kick: close our side now, never reconnect. */
  void onForceDisconnect(Attempt a, SignalInfo signal) {
    a.force = signal;
    a.cancel("FORCE_DISCONNECT: " + signal.reason());
  }

  // ------------------------------------------------------------------ stream end and reconnect

  private void handleClose(Attempt a, Status status) {
    AetherException error;
    boolean willReconnect = false;
    boolean userClose;
    boolean wasAcked = a.acked;
    Duration delay = Duration.ZERO;
    int attemptNo = 0;
    flow.end(a.credit);
    lock.lock();
    try {
      a.done = true;
      cancelTimer(a.handshakeTimer);
      if (a != current) {
        return;
      }
      current = null;
      outbound.endStream();
      userClose = closing;
      SignalInfo force = a.force;
      if (closing) {
        error = new ConnectionException(FailureReason.CLOSED, "client closed", null, false, null);
      } else if (force != null) {
        error =
            new ConnectionException(
                FailureReason.FORCE_DISCONNECTED,
                "gateway forced a disconnect: " + force.reason(),
                null,
                false,
                status.getCode().name());
      } else if (a.timedOut) {
        error = new AetherTimeoutException("connect", options.connectTimeout(), null);
      } else {
        error =
            StatusMapping.fromStatus(
                status, host.identity(), options.address(), a.acked, options.tls() != null);
      }
      lastError = closing ? null : error;
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
                        + String.valueOf(error.getMessage()),
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
            "stream dropped before the response arrived: " + String.valueOf(error.getMessage()),
            error,
            willReconnect,
            error.grpcStatus());
    pending.endSent(
        dropped,
        outbound.queuedFrames(),
        willReconnect
            ? (id, frame) -> outbound.enqueue(frame, null, e -> pending.fail(id, e))
            : null);
    for (Consumer<ConnectionException> hook : streamEndHooks) {
      try {
        hook.accept(dropped);
      } catch (RuntimeException e) {
        LOG.warn("{}: stream-end hook failed", host.identity(), e);
      }
    }
    // every end reaches the listeners with its cause, except a close the user asked for before the
    // gateway ever acknowledged this stream
    if (wasAcked || (!willReconnect && !userClose)) {
      DisconnectInfo di =
          new DisconnectInfo(
              String.valueOf(error.getMessage()), userClose ? null : error, willReconnect);
      queueListeners((l -> l.onDisconnect(di)));
    }
    if (willReconnect) {
      int n = attemptNo;
      if (n == 1 || n % 10 == 0) {
        LOG.info(
            "{}: stream ended ({}); reconnect attempt {} in {} ms",
            host.identity(),
            String.valueOf(error.getMessage()),
            n,
            delay.toMillis());
      } else {
        LOG.debug(
            "{}: attempt failed ({}); reconnect attempt {} in {} ms",
            host.identity(),
            String.valueOf(error.getMessage()),
            n,
            delay.toMillis());
      }
      queueListeners((l -> l.onReconnecting(n)));
      tell();
      observers.reconnectAttempt(n);
    } else {
      if (!userClose) {
        LOG.warn(
            "{}: connection closed for good: {}",
            host.identity(),
            String.valueOf(error.getMessage()));
      }
      finishClose(error, String.valueOf(error.getMessage()));
    }
  }

  private void finishClose(AetherException error, String reason) {
    ManagedChannel ch;
    boolean forced;
    lock.lock();
    try {
      if (state == ConnectionState.CLOSED) {
        return;
      }
      setState(ConnectionState.CLOSED, closing ? null : error);
      ch = channel;
      channel = null;
      forced = current != null;
      current = null;
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
    completions.execute(() -> connectFuture.completeExceptionally(error));
    if (ch != null) {
      ChannelPool pool = ChannelPool.of(options);
      if (pool != null) {
        pool.release(ch);
      } else if (forced) {
        ch.shutdownNow();
      } else {
        ch.shutdown();
      }
    }
    tell();
    completions.execute(() -> closeFuture.complete(null));
    onClosed.run();
  }

  /** Caller holds the lock; queues what observers and listeners are told after it is released. */
  private void setState(ConnectionState to, @Nullable Throwable cause) {
    ConnectionState from = state;
    if (from == to) {
      return;
    }
    state = to;
    stateSince = clock.instant();
    observers.queueStateChange(from, to, cause);
    queueListeners((l -> l.onStateChanged(from, to)));
  }

  /** Queues a listener call on the dispatcher, in order; may be called under the lock. */
  private void queueListeners(Consumer<ConnectionListener> call) {
    dispatcher.queue(() -> flow.runAsHandler(() -> handlers.listeners(call)));
  }

  /** Tells queued state changes; never under the lock. */
  private void tell() {
    observers.flush();
    dispatcher.flush();
  }

  private static void cancelTimer(@Nullable ScheduledFuture<?> timer) {
    if (timer != null) {
      timer.cancel(false);
    }
  }

  // ------------------------------------------------------------------ status

  ConnectionState state() {
    lock.lock();
    try {
      return state;
    } finally {
      lock.unlock();
    }
  }

  @Nullable ConnectionInfo connectionInfo() {
    lock.lock();
    try {
      return info;
    } finally {
      lock.unlock();
    }
  }

  /** A consistent view of the connection's part of the status. */
  record Snapshot(
      ConnectionState state,
      @Nullable ConnectionInfo info,
      int failedAttempts,
      @Nullable Throwable lastError,
      Instant stateSince) {}

  Snapshot snapshot() {
    lock.lock();
    try {
      return new Snapshot(state, info, failedAttempts, lastError, stateSince);
    } finally {
      lock.unlock();
    }
  }

  /**
   * @return the executor that completes futures, for callers that need a hand-off
   */
  Executor completions() {
    return completions;
  }

  /**
   * @param hook run on the thread that saw a stream end, right after the requests in flight on it
   *     failed (SDK components tracking their own in-flight work; must not block)
   * @return removes it
   */
  Registration onStreamEnd(Consumer<ConnectionException> hook) {
    streamEndHooks.add(Objects.requireNonNull(hook, "hook"));
    return () -> streamEndHooks.remove(hook);
  }

  /** The build the gateway announced in the latest acknowledgement, or null. */
  @Nullable BuildInfo serverBuild() {
    return serverBuild;
  }

  /** The channel of the current connection, or null before the first connect and after close. */
  io.grpc.@Nullable Channel channel() {
    lock.lock();
    try {
      return channel;
    } finally {
      lock.unlock();
    }
  }
}
