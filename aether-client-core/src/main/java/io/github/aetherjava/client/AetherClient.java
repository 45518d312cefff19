/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import com.google.protobuf.ByteString;
import io.github.aetherjava.client.checkpoint.CheckpointClient;
import io.github.aetherjava.client.internal.Arguments;
import io.github.aetherjava.client.internal.Await;
import io.github.aetherjava.client.internal.CheckpointClientImpl;
import io.github.aetherjava.client.internal.ClientCore;
import io.github.aetherjava.proto.v1.InitConnection;
import io.github.aetherjava.proto.v1.SendMessage;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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
  }

  abstract void fillIdentity(InitConnection.Builder init);

  List<UpstreamMessage> sessionFrames() {
    return List.of();
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
    byte[] bytes;
    MessageType messageType;
    String target;
    try {
      target = Topics.validate(topic);
      bytes = Arguments.notNull(payload, "payload");
      messageType = Arguments.notNull(type, "type");
      String prefix = Topics.prefixOf(target);
      if (!sendablePrefixes().contains(prefix)) {
        throw new InvalidArgumentException(
            "topic: " + kind + " clients may not send to '" + prefix + "::' topics");
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
      String observed = topic == null ? "" : topic;
      for (ClientObserver o : options.observers()) {
        try {
          o.onSendFailed(this, observed, e);
        } catch (RuntimeException ignored) {
          // an observer never changes the outcome of a send
        }
      }
      return CompletableFuture.failedFuture(e);
    }
    UpstreamMessage frame =
        UpstreamMessage.newBuilder()
            .setSend(
                SendMessage.newBuilder()
                    .setTargetTopic(target)
                    .setPayload(ByteString.copyFrom(bytes))
                    .setMessageType(messageType.toProto()))
            .build();
    return core.send(target, messageType, bytes.length, frame);
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
