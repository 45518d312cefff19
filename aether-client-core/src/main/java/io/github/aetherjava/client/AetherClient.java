/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import com.google.protobuf.ByteString;
import io.github.aetherjava.client.admin.AdminClient;
import io.github.aetherjava.client.audit.AuditEvent;
import io.github.aetherjava.client.audit.AuditSubmission;
import io.github.aetherjava.client.checkpoint.CheckpointClient;
import io.github.aetherjava.client.internal.AdminClientImpl;
import io.github.aetherjava.client.internal.Arguments;
import io.github.aetherjava.client.internal.Await;
import io.github.aetherjava.client.internal.CheckpointClientImpl;
import io.github.aetherjava.client.internal.ClientCore;
import io.github.aetherjava.client.internal.PrincipalQueries;
import io.github.aetherjava.client.internal.ProxyEngine;
import io.github.aetherjava.client.internal.TaskOperationsImpl;
import io.github.aetherjava.client.internal.TunnelEngine;
import io.github.aetherjava.client.internal.WorkflowOperationsImpl;
import io.github.aetherjava.client.proxy.AetherFetch;
import io.github.aetherjava.client.proxy.FetchOptions;
import io.github.aetherjava.client.proxy.ProxyHandler;
import io.github.aetherjava.client.proxy.ServeOptions;
import io.github.aetherjava.client.task.TaskOperations;
import io.github.aetherjava.client.tunnel.Tunnels;
import io.github.aetherjava.client.workflow.WorkflowOperations;
import io.github.aetherjava.proto.v1.InitConnection;
import io.github.aetherjava.proto.v1.SendMessage;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Behaviour shared by every principal client: connection lifecycle, state, handlers and listeners.
 * Sending helpers live on the concrete classes, which expose only what their principal may do. Not
 * meant to be subclassed outside this package.
 *
 * <p>Threading: handlers and listeners run on the callback executor, one at a time per client, in
 * arrival order; never on gRPC threads. A handler that blocks pauses delivery to this client only:
 * the client asks the transport for more frames as handlers finish (at most {@code inboundWindow}
 * frames wait), so the gateway holds back instead of the client buffering. A handler may wait for a
 * request of the same client (for example {@code kv().getBlocking(...)}): responses never queue
 * behind handlers, up to the bound described in {@code docs/client.md}; composing the returned
 * futures is still cheaper.
 *
 * @since 0.1.0
 */
public abstract class AetherClient implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AetherClient.class);

  /** How long {@link #close()} waits for the stream to end. */
  public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private final AetherClientOptions options;
  private final PrincipalKind kind;
  private final ClientCore core;
  private final CheckpointClient checkpoints;
  private final ProxyEngine proxy;
  private final TaskOperations tasks;
  private final WorkflowOperations workflow;
  private final AdminClient admin;
  private final io.github.aetherjava.client.authority.AuthorityGrants authority;
  private final io.github.aetherjava.client.authority.AuthorityRequests authorityRequests;
  private final PrincipalQueries queries;
  private final TunnelEngine tunnels;

  AetherClient(AetherClientOptions options, PrincipalKind kind) {
    this.options = options;
    this.kind = kind;
    this.core =
        new ClientCore(
            options,
            new ClientCore.Host() {
              @Override
              public void fillIdentity(InitConnection.Builder init) {
                AetherClient.this.fillIdentity(init);
              }

              @Override
              public List<UpstreamMessage> sessionFrames() {
                return AetherClient.this.sessionFrames();
              }

              @Override
              public String identity() {
                return AetherClient.this.identity();
              }

              @Override
              public String requestedIdentity() {
                return AetherClient.this.requestedIdentity();
              }

              @Override
              public AetherClient client() {
                return AetherClient.this;
              }
            });
    this.checkpoints = new CheckpointClientImpl(core);
    this.proxy = new ProxyEngine(core, this::identity);
    this.tasks = new TaskOperationsImpl(core);
    this.workflow = new WorkflowOperationsImpl(core);
    this.admin = new AdminClientImpl(core);
    this.queries = new PrincipalQueries(core);
    this.tunnels = new TunnelEngine(core);
    this.authority = new io.github.aetherjava.client.internal.AuthorityGrantsImpl(core);
    this.authorityRequests = new io.github.aetherjava.client.internal.AuthorityRequestsImpl(core);
  }

  abstract void fillIdentity(InitConnection.Builder init);

  List<UpstreamMessage> sessionFrames() {
    return List.of();
  }

  /**
   * The executor this client runs handlers on and completes its futures on: the configured {@link
   * AetherClientOptions#callbackExecutor()}, or the client's own default pool. Work handed to it is
   * never lost: if the executor refuses a task, the client's SDK thread runs it instead.
   *
   * @return the client's callback executor
   */
  public Executor callbackExecutor() {
    return core.completions();
  }

  /**
   * @return topic prefixes this principal may send to (empty: receive-only)
   */
  abstract Set<String> sendablePrefixes();

  final ClientCore core() {
    return core;
  }

  // ------------------------------------------------------------------ lifecycle

  /**
   * Opens the stream and sends {@code InitConnection}. Completes when the gateway acknowledges, or
   * fails with a classified {@link AetherException} (e.g. {@link DuplicateIdentityException},
   * {@link AuthenticationException}). Calling it again returns the same outcome.
   *
   * @return the acknowledgement
   */
  public CompletableFuture<ConnectionInfo> connect() {
    return core.connect();
  }

  /**
   * Blocking {@link #connect()}.
   *
   * @return the acknowledgement
   * @throws AetherException on failure
   */
  public ConnectionInfo connectBlocking() {
    return await(connect(), null, "connect");
  }

  /**
   * Flushes queued sends, ends the stream cleanly and stops reconnecting. Pending requests fail
   * with {@link FailureReason#CLOSED}.
   *
   * @return completes when closed
   */
  public CompletableFuture<Void> disconnect() {
    return core.disconnect();
  }

  /**
   * Blocking {@link #disconnect()}: waits at most {@link #CLOSE_TIMEOUT} for the gateway to end the
   * stream, then (or at once when the calling thread is interrupted) cancels it. Either way the
   * client is {@link ConnectionState#CLOSED} and its channel released when this returns.
   */
  @Override
  public void close() {
    try {
      disconnect().get(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      core.forceClose();
    } catch (TimeoutException e) {
      LOG.warn("{}: the stream did not end within {}; cancelled it", identity(), CLOSE_TIMEOUT);
      core.forceClose();
    } catch (ExecutionException e) {
      core.forceClose();
    }
  }

  // ------------------------------------------------------------------ inbound flow

  /**
   * Stops asking the gateway for more frames (no more inbound window). Frames already received are
   * still handled, in order. Use it before a graceful shutdown: finish what arrived, take nothing
   * new. {@link #disconnect()} resumes the window so the stream can end; a stream opened by a
   * reconnect starts with a full window.
   */
  public void pauseInbound() {
    core.pauseInbound();
  }

  /** Returns the inbound window withheld since {@link #pauseInbound()}. */
  public void resumeInbound() {
    core.resumeInbound();
  }

  /**
   * Whether {@link #pauseInbound()} is in effect.
   *
   * @return whether inbound window is withheld
   */
  public boolean isInboundPaused() {
    return core.isInboundPaused();
  }

  /**
   * Completes once every message and event received before this call has been handed to its
   * handlers and they have returned. With {@link #pauseInbound()} this lets a shutdown finish what
   * already arrived.
   *
   * @return completes when the received backlog has been handled
   */
  public CompletableFuture<Void> drainInbound() {
    return core.drainInbound();
  }

  /**
   * Number of received messages and events waiting for their handlers (the inbound backlog), for
   * gauges and logs.
   *
   * @return the inbound backlog
   */
  public int inboundBacklog() {
    return core.inboundBacklog();
  }

  // ------------------------------------------------------------------ delivery

  /**
   * Completes when the gateway has processed everything this client queued before the call
   * (messages, progress reports, requests): a self {@code ConnectionStatusRequest}, which the
   * gateway answers only after handling every earlier frame of the stream, and after writing the
   * errors those frames caused. Waits {@link AetherClientOptions#requestTimeout()}.
   *
   * <p>In {@link io.github.aetherjava.client.delivery.DeliveryMode#AT_MOST_ONCE} mode it fails with
   * a recoverable {@code ConnectionException(DISCONNECTED)} if the stream ends before the answer:
   * frames written before it may then be lost, so send them again if they matter. In {@link
   * io.github.aetherjava.client.delivery.DeliveryMode#CONFIRMED} mode the flush is written again
   * after the reconnect, behind the replayed sends.
   *
   * @return completes when everything sent before it was processed
   * @since 0.2.0
   */
  public CompletableFuture<Void> flush() {
    return flush(options.requestTimeout());
  }

  /**
   * @param timeout how long to wait; fails with {@code AetherTimeoutException} after it
   * @return completes when everything sent before it was processed
   * @see #flush()
   * @since 0.2.0
   */
  public CompletableFuture<Void> flush(Duration timeout) {
    return core.flush(timeout);
  }

  /**
   * Listens for the gateway's rate-limit ({@code ERR_RATE_LIMITED}, {@code
   * ERR_WORKSPACE_RATE_LIMITED}), quota ({@code ERR_QUOTA_001}) and back-pressure ({@code
   * BACKPRESSURE}) errors. They also reach {@link #onError} unless matched to a confirmed send. The
   * client counts them ({@link #deliveryStats()}) and logs them at WARN, at most once per 10 s per
   * kind.
   *
   * @param listener the listener, run on the client's ordered dispatcher
   * @return removes it
   * @since 0.2.0
   */
  public Registration onPressure(io.github.aetherjava.client.delivery.PressureListener listener) {
    return core.onPressure(listener);
  }

  /**
   * @return counters of pressure events and confirmed sends since the client was built
   * @since 0.2.0
   */
  public io.github.aetherjava.client.delivery.DeliveryStats deliveryStats() {
    return core.deliveryStats();
  }

  // ------------------------------------------------------------------ state

  /**
   * @return connection state
   */
  public ConnectionState state() {
    return core.state();
  }

  /**
   * @return status snapshot
   */
  public ClientStatus status() {
    return core.status();
  }

  /**
   * @return true when acknowledged and not dropped
   */
  public boolean isConnected() {
    return state() == ConnectionState.READY;
  }

  /**
   * @return current (or last) acknowledgement
   */
  public Optional<ConnectionInfo> connectionInfo() {
    return Optional.ofNullable(core.connectionInfo());
  }

  /**
   * @return latest {@code ConfigSnapshot} (agents and tasks)
   */
  public Optional<ConfigSnapshot> latestConfig() {
    return Optional.ofNullable(core.latestConfig());
  }

  /**
   * The identity this client is connected as: the one the gateway bound the session to when its
   * acknowledgement names one (for example the identity of an identity-bound client certificate),
   * otherwise the one built from this client's settings.
   *
   * @return canonical identity, e.g. {@code ag::prod::impl::s1}
   */
  public final String identity() {
    String bound = connectionInfo().map(ConnectionInfo::assignedId).orElse("");
    return bound.contains(Topics.SEPARATOR) ? bound : requestedIdentity();
  }

  /**
   * @return the identity built from this client's settings (what the client asks for)
   */
  abstract String requestedIdentity();

  /**
   * @return the topic this client receives its direct messages on
   */
  public abstract String topic();

  /**
   * @return principal type
   */
  public PrincipalKind kind() {
    return kind;
  }

  /**
   * Adds an instrumentation observer to this client, for clients built elsewhere that a framework
   * instruments afterwards (the Spring starter does this for every client bean). It sees every
   * event from now on, after the observers of {@link AetherClientOptions#observers()}; adding an
   * observer the client already has (by {@code equals}) does nothing, so nothing is counted twice.
   * Safe from any thread.
   *
   * @param observer the observer
   * @return {@code true} if added, {@code false} if the client already had it
   * @throws InvalidArgumentException if {@code observer} is null
   */
  public boolean addObserver(ClientObserver observer) {
    return core.addObserver(Arguments.notNull(observer, "observer"));
  }

  /**
   * @return the options
   */
  public AetherClientOptions options() {
    return options;
  }

  /**
   * @return the checkpoint store of this identity
   */
  public CheckpointClient checkpoint() {
    return checkpoints;
  }

  // ------------------------------------------------------------------ service proxy

  /**
   * HTTP over this client's stream to {@code target}: a service {@code sv::impl::spec}, any
   * instance of one ({@code sv::impl}), or any principal that {@linkplain #serve serves}.
   *
   * @param target the target topic
   * @return a fetch bound to {@code target} with {@link FetchOptions#defaults()}
   * @throws InvalidArgumentException if {@code target} is not a topic
   */
  public AetherFetch fetch(String target) {
    return proxy.fetch(target, FetchOptions.defaults());
  }

  /**
   * @param target the target topic
   * @param options defaults for the requests it sends
   * @return a fetch bound to {@code target}
   * @throws InvalidArgumentException if {@code target} is not a topic
   */
  public AetherFetch fetch(String target, FetchOptions options) {
    return proxy.fetch(target, options);
  }

  /**
   * Answers HTTP requests other principals proxy to this one, with {@link ServeOptions#defaults()}.
   *
   * @param handler answers each request
   * @return stops serving (later requests are answered {@code SIDECAR_UNAVAILABLE})
   * @throws IllegalStateException if this client already serves
   */
  public Registration serve(ProxyHandler handler) {
    return proxy.serve(handler, ServeOptions.defaults());
  }

  /**
   * @param handler answers each request
   * @param options allow-list, concurrency and executor
   * @return stops serving
   * @throws IllegalStateException if this client already serves
   */
  public Registration serve(ProxyHandler handler, ServeOptions options) {
    return proxy.serve(handler, options);
  }

  /**
   * Byte-stream tunnels over this client's stream: dial other principals, or serve the tunnels they
   * open (to a handler or a local TCP port). See {@link Tunnels}.
   *
   * @return the tunnels of this client
   */
  public Tunnels tunnels() {
    return tunnels;
  }

  // ------------------------------------------------------------------ tasks and workflow

  /**
   * Task creation and management: create tasks, read and list them, cancel, retry, complete, fail,
   * claim, pause, resume or reject them, and follow their events. The gateway decides who may do
   * what (AetherLite refuses task creation to services, bridges and orchestrators).
   *
   * @return the task operations of this client
   */
  public TaskOperations tasks() {
    return tasks;
  }

  /**
   * @return workflow-engine operations sent from this client
   */
  public WorkflowOperations workflow() {
    return workflow;
  }

  // ------------------------------------------------------------------ administration

  /**
   * Administration over this client's stream (tokens, ACL, workspaces, agent registry, sessions,
   * audit log, health); what the gateway allows depends on this client's identity and grants.
   *
   * @return the admin client of this connection
   */
  public AdminClient admin() {
    return admin;
  }

  /**
   * Authority grants (the delegation behind on-behalf-of calls): exchange, derive, get, renew,
   * revoke, list, resolve, and revocation pushes.
   *
   * @return the authority-grant operations of this client
   */
  public io.github.aetherjava.client.authority.AuthorityGrants authority() {
    return authority;
  }

  /**
   * Authority requests ("sudo"): ask an approver for a grant, and approve, deny, list or cancel
   * requests, with their events.
   *
   * @return the authority-request operations of this client
   */
  public io.github.aetherjava.client.authority.AuthorityRequests authorityRequests() {
    return authorityRequests;
  }

  /**
   * Whether a principal is connected. Asking about oneself is always allowed; others need the
   * {@code capability/query_connections} grant (the workflow engine and orchestrators have it).
   *
   * @param principalType {@code agent}, {@code task}, {@code user}, {@code service}, {@code
   *     bridge}, {@code orchestrator}, {@code workflow_engine} or {@code metrics_bridge}
   * @param principalId canonical identity (e.g. {@code ag::prod::impl::s1}), or the user id
   * @return the status; a refusal fails with {@code AdminOperationException}
   */
  public CompletableFuture<ConnectionStatus> connectionStatus(
      String principalType, String principalId) {
    return connectionStatus(principalType, principalId, options.requestTimeout());
  }

  /**
   * @param principalType principal type
   * @param principalId principal id
   * @param timeout per-call timeout
   * @return the status
   * @see #connectionStatus(String, String)
   */
  public CompletableFuture<ConnectionStatus> connectionStatus(
      String principalType, String principalId, Duration timeout) {
    return queries.connectionStatus(principalType, principalId, timeout);
  }

  /**
   * Submits an audit event. The gateway records the actor from this session; a rejection (type not
   * allowed, other workspace without the capability, rate limit) completes normally with {@code
   * accepted() == false}.
   *
   * @param event the event
   * @return the gateway's verdict
   */
  public CompletableFuture<AuditSubmission> submitAuditEvent(AuditEvent event) {
    return submitAuditEvent(event, options.requestTimeout());
  }

  /**
   * @param event the event
   * @param timeout per-call timeout
   * @return the gateway's verdict
   * @see #submitAuditEvent(AuditEvent)
   */
  public CompletableFuture<AuditSubmission> submitAuditEvent(AuditEvent event, Duration timeout) {
    return queries.submitAuditEvent(event, timeout);
  }

  // ------------------------------------------------------------------ handlers

  /**
   * @param handler called for every message
   * @return registration
   */
  public Registration onMessage(MessageHandler handler) {
    return core.onMessage(handler);
  }

  /**
   * @param type message type
   * @param handler called for messages of that type (after the generic handlers)
   * @return registration
   */
  public Registration onMessage(MessageType type, MessageHandler handler) {
    return core.onMessage(type, handler);
  }

  /**
   * @param handler called with each {@code ConfigSnapshot}
   * @return registration
   */
  public Registration onConfig(Consumer<ConfigSnapshot> handler) {
    return core.onConfig(handler);
  }

  /**
   * @param handler called with each task assignment
   * @return registration
   */
  public Registration onTaskAssignment(Consumer<TaskAssignment> handler) {
    return core.onTaskAssignment(handler);
  }

  /**
   * Progress updates delivered to this client: users switched to a workspace get {@code pg::{ws}}
   * and their own {@code pg::us::{user}}; agents get their workspace's stream (never their own
   * reports).
   *
   * @param handler called with each progress update
   * @return registration
   */
  public Registration onProgress(Consumer<ProgressUpdate> handler) {
    return core.onProgress(handler);
  }

  /**
   * @param handler called with each signal
   * @return registration
   */
  public Registration onSignal(Consumer<SignalInfo> handler) {
    return core.onSignal(handler);
  }

  /**
   * @param handler called with gateway errors that do not answer a pending request
   * @return registration
   */
  public Registration onError(Consumer<GatewayError> handler) {
    return core.onError(handler);
  }

  /**
   * @param listener connection lifecycle listener
   * @return registration
   */
  public Registration addConnectionListener(ConnectionListener listener) {
    return core.addListener(listener);
  }

  // ------------------------------------------------------------------ sending (used by the
  // subclasses)

  CompletableFuture<Void> sendChecked(
      @org.jspecify.annotations.Nullable String topic,
      byte @org.jspecify.annotations.Nullable [] payload,
      @org.jspecify.annotations.Nullable MessageType type) {
    return sendChecked(topic, payload, type, null);
  }

  CompletableFuture<Void> sendChecked(
      @org.jspecify.annotations.Nullable String topic,
      byte @org.jspecify.annotations.Nullable [] payload,
      @org.jspecify.annotations.Nullable MessageType type,
      @org.jspecify.annotations.Nullable AuthorizationContext authorization) {
    byte[] bytes;
    MessageType messageType;
    String target;
    try {
      target = Topics.validate(topic);
      bytes = Arguments.notNull(payload, "payload");
      messageType = Arguments.notNull(type, "type");
      if (!isSendable(target)) {
        throw new InvalidArgumentException(
            "topic: "
                + kind
                + " clients may not send to '"
                + Topics.prefixOf(target)
                + "::' topics");
      }
      if (bytes.length > options.maxPayloadBytes()) {
        throw new InvalidArgumentException(
            "payload of "
                + bytes.length
                + " bytes exceeds the limit of "
                + options.maxPayloadBytes()
                + " bytes");
      }
    } catch (InvalidArgumentException e) {
      core.sendRejected(topic == null ? "" : topic, e);
      return CompletableFuture.failedFuture(e);
    }
    SendMessage.Builder send =
        SendMessage.newBuilder()
            .setTargetTopic(target)
            .setPayload(ByteString.copyFrom(bytes))
            .setMessageType(messageType.toProto());
    if (authorization != null) {
      send.setAuthorization(authorization.toProto());
    }
    UpstreamMessage frame = UpstreamMessage.newBuilder().setSend(send).build();
    return core.send(target, messageType, bytes.length, frame);
  }

  /** Whether this kind of client may send to the (valid) topic, without cutting out its prefix. */
  private boolean isSendable(String topic) {
    int end = topic.indexOf(Topics.SEPARATOR);
    for (String prefix : sendablePrefixes()) {
      if (prefix.length() == end && topic.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  CompletableFuture<Void> sendProgress(@org.jspecify.annotations.Nullable Progress progress) {
    return Arguments.check(
        () ->
            core.enqueue(
                UpstreamMessage.newBuilder()
                    .setProgress(Arguments.notNull(progress, "progress").toProto())
                    .build(),
                null));
  }

  static <T> T await(
      CompletableFuture<T> future,
      @org.jspecify.annotations.Nullable Duration timeout,
      String operation) {
    return Await.result(future, timeout, operation);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName()
        + "[identity="
        + identity()
        + ", address="
        + options.address()
        + ", state="
        + state()
        + "]";
  }
}
