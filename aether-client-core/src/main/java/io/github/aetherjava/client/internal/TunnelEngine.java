/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import com.google.protobuf.InvalidProtocolBufferException;
import io.github.aetherjava.client.AetherException;
import io.github.aetherjava.client.ConnectionException;
import io.github.aetherjava.client.FailureReason;
import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.Registration;
import io.github.aetherjava.client.tunnel.Tunnel;
import io.github.aetherjava.client.tunnel.TunnelCloseReason;
import io.github.aetherjava.client.tunnel.TunnelEnd;
import io.github.aetherjava.client.tunnel.TunnelHandler;
import io.github.aetherjava.client.tunnel.TunnelOptions;
import io.github.aetherjava.client.tunnel.TunnelProtocol;
import io.github.aetherjava.client.tunnel.TunnelRequest;
import io.github.aetherjava.client.tunnel.Tunnels;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.TunnelClose;
import io.github.aetherjava.proto.v1.TunnelData;
import io.github.aetherjava.proto.v1.TunnelOpen;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tunnels of one client: routes the four tunnel frames to their streams by id, dials, accepts
 * opens (the gateway delivers an open as {@code TunnelData} seq 0 under its wire id) and resets
 * every tunnel when the stream to the gateway ends.
 */
public final class TunnelEngine implements Tunnels {

  private static final Logger LOG = LoggerFactory.getLogger(TunnelEngine.class);

  /** Credits the serving side starts with, the protocol's default window. */
  static final int SERVING_INITIAL_CREDITS = TunnelOptions.DEFAULT_INITIAL_CREDITS;

  private static final String WIRE_ID_PREFIX = "_aether/wire/";

  private final ClientCore core;
  private final Map<String, TunnelStream> streams = new ConcurrentHashMap<>();
  private final AtomicReference<@Nullable TunnelHandler> handler = new AtomicReference<>();
  private final TunnelStream.Owner owner =
      new TunnelStream.Owner() {
        @Override
        public void send(UpstreamMessage frame) {
          core.enqueue(frame, null)
              .whenComplete(
                  (v, e) -> {
                    if (e != null) {
                      notSent(frame, e);
                    }
                  });
        }

        @Override
        public void ended(TunnelStream stream) {
          streams.remove(stream.id(), stream);
        }

        @Override
        public @Nullable ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
          try {
            return ClientExecutors.scheduler().schedule(task, delayNanos, TimeUnit.NANOSECONDS);
          } catch (RejectedExecutionException e) {
            return null;
          }
        }
      };

  /**
   * @param core the client's connection
   */
  public TunnelEngine(ClientCore core) {
    this.core = core;
    DownstreamRoutes routes = core.routes();
    routes.internal(DownstreamMessage.PayloadCase.TUNNEL_DATA, m -> onData(m.getTunnelData()));
    routes.internal(
        DownstreamMessage.PayloadCase.TUNNEL_ACK,
        m -> {
          TunnelStream s = streams.get(m.getTunnelAck().getTunnelId());
          if (s != null) {
            s.onAck(m.getTunnelAck());
          }
        });
    routes.internal(
        DownstreamMessage.PayloadCase.TUNNEL_CLOSE,
        m -> {
          TunnelStream s = streams.get(m.getTunnelClose().getTunnelId());
          if (s != null) {
            s.onClose(m.getTunnelClose());
          }
        });
    core.onStreamEnd(this::streamEnded);
  }

  @Override
  public CompletableFuture<Tunnel> dial(String target, TunnelProtocol protocol) {
    return dial(target, protocol, TunnelOptions.defaults());
  }

  @Override
  public CompletableFuture<Tunnel> dial(
      String target, TunnelProtocol protocol, TunnelOptions options) {
    return Arguments.check(
        () -> {
          if (Arguments.notEmpty(target, "target").isBlank()) {
            throw new InvalidArgumentException("target must be a topic, got a blank string");
          }
          return open(
              target,
              Arguments.notNull(protocol, "protocol"),
              Arguments.notNull(options, "options"));
        });
  }

  private CompletableFuture<Tunnel> open(
      String target, TunnelProtocol protocol, TunnelOptions options) {
    String id = core.nextRequestId();
    TunnelStream stream =
        new TunnelStream(
            owner,
            id,
            options.initialCredits(),
            options.idleTimeout(),
            options.maxBytes(),
            core.completions());
    TunnelOpen.Builder open =
        TunnelOpen.newBuilder()
            .setTunnelId(id)
            .setTargetTopic(target)
            .setProtocol(TunnelOpen.Protocol.forNumber(protocol.ordinal()))
            .setRemoteHint(options.remoteHint())
            .putAllMetadata(options.metadata())
            .setIdleTimeoutMs(options.idleTimeout().toMillis())
            .setMaxBytes(options.maxBytes())
            .setBackendName(options.backend());
    streams.put(id, stream);
    CompletableFuture<Tunnel> result = new CompletableFuture<>();
    core.enqueue(UpstreamMessage.newBuilder().setTunnelOpen(open).build(), null)
        .whenComplete(
            (v, e) -> {
              if (e != null) {
                streams.remove(id, stream);
                Completions.complete(core.completions(), result, null, e);
              } else {
                stream.start();
                Completions.complete(core.completions(), result, stream, null);
              }
            });
    return result;
  }

  @Override
  public Registration serve(TunnelHandler h) {
    Arguments.notNull(h, "handler");
    if (!handler.compareAndSet(null, h)) {
      throw new IllegalStateException("this client already serves tunnels");
    }
    return () -> handler.compareAndSet(h, null);
  }

  @Override
  public Registration serveTcp(InetSocketAddress address) {
    Arguments.notNull(address, "address");
    return serve(new TcpForwarder(address));
  }

  /** Tunnels open on this client (for tests). */
  int open() {
    return streams.size();
  }

  private void onData(TunnelData data) {
    TunnelStream s = streams.get(data.getTunnelId());
    if (s != null) {
      s.onData(data);
      return;
    }
    if (data.getSeq() == 0 && data.getTunnelId().startsWith(WIRE_ID_PREFIX)) {
      accept(data);
    }
    // anything else belongs to a tunnel that already ended here
  }

  private void accept(TunnelData first) {
    String wireId = first.getTunnelId();
    TunnelOpen open;
    try {
      open = TunnelOpen.parseFrom(first.getData());
    } catch (InvalidProtocolBufferException e) {
      return; // not an open either
    }
    if (!open.getTunnelId().equals(wireId)) {
      // not an open: late data (peers that leave seq at 0) for a tunnel that already ended here
      return;
    }
    TunnelHandler h = handler.get();
    if (h == null) {
      refuse(wireId, "this principal does not serve tunnels");
      return;
    }
    Duration idle = Duration.ofMillis(Math.max(0, open.getIdleTimeoutMs()));
    long maxBytes = Math.max(0, open.getMaxBytes());
    TunnelStream stream =
        new TunnelStream(
            owner, wireId, SERVING_INITIAL_CREDITS, idle, maxBytes, core.completions());
    streams.put(wireId, stream);
    stream.start();
    TunnelProtocol protocol =
        switch (open.getProtocol()) {
          case UDP -> TunnelProtocol.UDP;
          case WEBSOCKET -> TunnelProtocol.WEBSOCKET;
          default -> TunnelProtocol.TCP;
        };
    TunnelRequest request =
        new TunnelRequest(
            open.getTargetTopic(),
            protocol,
            open.getRemoteHint(),
            open.getMetadataMap(),
            idle,
            maxBytes,
            open.getBackendName());
    try {
      core.callbackExecutor()
          .execute(
              () -> {
                try {
                  h.accept(request, stream);
                } catch (Exception e) {
                  LOG.warn("tunnel handler failed for {}", wireId, e);
                  stream.close(TunnelCloseReason.ERROR, "tunnel handler failed: " + e);
                }
              });
    } catch (RejectedExecutionException e) {
      stream.close(TunnelCloseReason.ERROR, "tunnel handler unavailable");
    }
  }

  private void refuse(String wireId, String detail) {
    core.enqueue(
        UpstreamMessage.newBuilder()
            .setTunnelClose(
                TunnelClose.newBuilder()
                    .setTunnelId(wireId)
                    .setReason(TunnelClose.Reason.ERROR)
                    .setDetail(detail))
            .build(),
        null);
  }

  /**
   * A frame the outbound buffer refused would leave a hole in the byte stream: the tunnel ends. A
   * frame lost with the stream is left to {@link #streamEnded}, which resets every tunnel.
   */
  private void notSent(UpstreamMessage frame, Throwable error) {
    Throwable e =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (!(e instanceof AetherException ae) || ae.reason() != FailureReason.BUFFER_FULL) {
      return;
    }
    String id =
        switch (frame.getPayloadCase()) {
          case TUNNEL_DATA -> frame.getTunnelData().getTunnelId();
          case TUNNEL_ACK -> frame.getTunnelAck().getTunnelId();
          default -> "";
        };
    TunnelStream s = streams.get(id);
    if (s != null) {
      // never inline: the writer may hold the stream's lock while enqueueing
      ClientExecutors.scheduler()
          .execute(
              () ->
                  s.end(
                      new TunnelEnd(
                          TunnelCloseReason.ERROR,
                          "tunnel frame not sent: " + e.getMessage(),
                          false),
                      true,
                      false));
    }
  }

  private void streamEnded(ConnectionException cause) {
    for (TunnelStream s : List.copyOf(streams.values())) {
      s.end(
          new TunnelEnd(
              TunnelCloseReason.PEER_RESET,
              "the stream to the gateway ended: " + cause.getMessage(),
              false),
          false,
          false);
    }
  }
}
