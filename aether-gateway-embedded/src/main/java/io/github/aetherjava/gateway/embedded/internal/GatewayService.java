/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import com.google.protobuf.InvalidProtocolBufferException;
import io.github.aetherjava.gateway.embedded.ApiKey;
import io.github.aetherjava.gateway.embedded.PolicyMode;
import io.github.aetherjava.proto.v1.AetherGatewayGrpc;
import io.github.aetherjava.proto.v1.BuildInfo;
import io.github.aetherjava.proto.v1.ConfigSnapshot;
import io.github.aetherjava.proto.v1.ConnectionAck;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.ExtensionDeclaration;
import io.github.aetherjava.proto.v1.InitConnection;
import io.github.aetherjava.proto.v1.NegotiatedExtension;
import io.github.aetherjava.proto.v1.PrincipalType;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import io.grpc.BindableService;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code aether.v1.AetherGateway/Connect}: the handshake, then hands every frame to the {@link
 * Dispatcher}.
 *
 * <p>Frames arrive as raw bytes and are decoded here, so that undecodable and oversized frames end
 * the stream with the real gateway's status codes ({@code INTERNAL} / {@code RESOURCE_EXHAUSTED})
 * instead of grpc-java's defaults.
 */
public final class GatewayService implements BindableService {

  private static final Logger log = LoggerFactory.getLogger(GatewayService.class);

  /** Header through which clients may declare (never required) extensions. */
  static final Metadata.Key<String> EXTENSIONS_HEADER =
      Metadata.Key.of("aether-extensions", Metadata.ASCII_STRING_MARSHALLER);

  private static final Context.Key<String> EXTENSIONS_CTX = Context.key("aether-extensions");

  private final GatewaySettings settings;
  private final SessionRegistry registry;
  private final Router router;
  private final RoutingComponent routing;
  private final Dispatcher dispatcher;
  private final Authenticator authenticator;
  private final ScheduledExecutorService scheduler;
  private final Function<Session, ConfigSnapshot> snapshots;
  private final Policy policy;
  private final BooleanSupplier closing;

  /** Pauses a client's inbound stream while the file store's writer is far behind. */
  private final Consumer<Session> throttle;

  GatewayService(
      GatewaySettings settings,
      SessionRegistry registry,
      Router router,
      RoutingComponent routing,
      Dispatcher dispatcher,
      ScheduledExecutorService scheduler,
      Function<Session, ConfigSnapshot> snapshots,
      Policy policy,
      BooleanSupplier closing,
      Consumer<Session> throttle,
      Function<String, Optional<ApiKey>> issuedKeys) {
    this.settings = settings;
    this.registry = registry;
    this.router = router;
    this.routing = routing;
    this.dispatcher = dispatcher;
    this.authenticator = new Authenticator(settings.credentials(), issuedKeys);
    this.scheduler = scheduler;
    this.snapshots = snapshots;
    this.policy = policy;
    this.closing = closing;
    this.throttle = throttle;
  }

  /** Copies the {@code aether-extensions} header into the call context. */
  static ServerInterceptor extensionsHeaderInterceptor() {
    return new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(
          ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        String ext = headers.get(EXTENSIONS_HEADER);
        if (ext == null) {
          return next.startCall(call, headers);
        }
        return Contexts.interceptCall(
            Context.current().withValue(EXTENSIONS_CTX, ext), call, headers, next);
      }
    };
  }

  @Override
  public ServerServiceDefinition bindService() {
    MethodDescriptor<byte[], DownstreamMessage> method =
        AetherGatewayGrpc.getConnectMethod().toBuilder(
                new RawFrames(), ProtoUtils.marshaller(DownstreamMessage.getDefaultInstance()))
            .build();
    return ServerServiceDefinition.builder(AetherGatewayGrpc.SERVICE_NAME)
        .addMethod(method, ServerCalls.asyncBidiStreamingCall(this::connect))
        .build();
  }

  /** Passes upstream frames through undecoded. */
  private static final class RawFrames implements MethodDescriptor.Marshaller<byte[]> {
    @Override
    public InputStream stream(byte[] value) {
      return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
      try {
        // gRPC's message streams know their length: size the array once instead of readAllBytes()'s
        // 8 KiB
        // chunks, which cost several KiB of garbage per small frame.
        byte[] frame = new byte[stream.available()];
        int read = stream.readNBytes(frame, 0, frame.length);
        if (read < frame.length) {
          frame = Arrays.copyOf(frame, read);
        }
        int next = stream.read();
        if (next < 0) {
          return frame;
        }
        // A stream that under-reported its length: keep the probed byte and append the rest.
        byte[] rest = stream.readAllBytes();
        byte[] all = Arrays.copyOf(frame, frame.length + 1 + rest.length);
        all[frame.length] = (byte) next;
        System.arraycopy(rest, 0, all, frame.length + 1, rest.length);
        return all;
      } catch (IOException e) {
        throw Status.INTERNAL
            .withDescription("grpc: error reading request: " + e.getMessage())
            .asRuntimeException();
      }
    }
  }

  private StreamObserver<byte[]> connect(StreamObserver<DownstreamMessage> responseObserver) {
    ServerCallStreamObserver<DownstreamMessage> call =
        (ServerCallStreamObserver<DownstreamMessage>) responseObserver;
    Connection c = new Connection(call, EXTENSIONS_CTX.get());
    call.setOnReadyHandler(c::onReady);
    call.setOnCancelHandler(c::onCancel);
    // Manual inbound flow control: a window of frames is requested up front; each handled frame is
    // replaced by a
    // new request only while no topic the client publishes to is congested (Session#frameHandled).
    call.disableAutoRequest();
    call.request(GatewaySettings.INBOUND_WINDOW);
    c.timeout =
        scheduler.schedule(
            c::initTimedOut, settings.initTimeout().toMillis(), TimeUnit.MILLISECONDS);
    return c;
  }

  private enum State {
    AWAITING_INIT,
    ACTIVE,
    CLOSED
  }

  /** One stream, from its first frame to its end. */
  private final class Connection implements StreamObserver<byte[]> {
    private final ServerCallStreamObserver<DownstreamMessage> call;
    private final @Nullable String extensionsHeader;
    private volatile State state = State.AWAITING_INIT;
    private volatile @Nullable Session session;
    private volatile @Nullable ScheduledFuture<?> timeout;
    private volatile boolean clientEof;

    Connection(
        ServerCallStreamObserver<DownstreamMessage> call, @Nullable String extensionsHeader) {
      this.call = call;
      this.extensionsHeader = extensionsHeader;
    }

    void onReady() {
      Session s = session;
      if (s != null) {
        s.drain();
      }
    }

    void onCancel() {
      Session s = session;
      if (s != null) {
        s.clientGone();
      }
      synchronized (this) {
        state = State.CLOSED;
      }
      cancelTimeout();
    }

    void initTimedOut() {
      fail(Status.DEADLINE_EXCEEDED.withDescription("timeout waiting for InitConnection"));
    }

    private void cancelTimeout() {
      ScheduledFuture<?> t = timeout;
      if (t != null) {
        t.cancel(false);
      }
    }

    /** Ends a stream that has no session yet. */
    private synchronized void fail(Status status) {
      if (state != State.AWAITING_INIT) {
        return;
      }
      state = State.CLOSED;
      cancelTimeout();
      try {
        call.onError(status.asRuntimeException());
      } catch (RuntimeException e) {
        log.debug("stream already closed: {}", e.toString());
      }
    }

    @Override
    public void onNext(byte[] raw) {
      Status bad = null;
      UpstreamMessage frame = null;
      if (raw.length > GatewaySettings.MAX_INBOUND_BYTES) {
        bad =
            Status.RESOURCE_EXHAUSTED.withDescription(
                "grpc: received message larger than max ("
                    + raw.length
                    + " vs. "
                    + GatewaySettings.MAX_INBOUND_BYTES
                    + ")");
      } else {
        try {
          frame = UpstreamMessage.parseFrom(raw);
        } catch (InvalidProtocolBufferException e) {
          bad =
              Status.INTERNAL.withDescription(
                  "grpc: error unmarshalling request: " + e.getMessage());
        }
      }
      if (bad != null || frame == null) {
        Session s = session;
        Status status = bad != null ? bad : Status.INTERNAL;
        if (s != null) {
          s.terminate(status);
        } else {
          fail(status);
        }
        return;
      }
      State st = state;
      if (st == State.AWAITING_INIT) {
        if (!frame.hasInit()) {
          fail(Status.INVALID_ARGUMENT.withDescription("first message must be InitConnection"));
          return;
        }
        handshake(frame.getInit());
        call.request(1);
        return;
      }
      Session s = session;
      if (st != State.ACTIVE || s == null || s.isTerminated()) {
        return;
      }
      if (frame.hasInit()) {
        s.terminate(Status.INVALID_ARGUMENT.withDescription("InitConnection already sent"));
        return;
      }
      dispatcher.dispatch(s, frame);
      throttle.accept(s);
      s.frameHandled();
    }

    @Override
    public void onError(Throwable t) {
      onCancel();
    }

    @Override
    public void onCompleted() {
      Session s = session;
      if (s != null) {
        // Client half-close is a graceful goodbye: answer with OK.
        clientEof = true;
        s.terminate(Status.OK);
      } else {
        fail(Status.INVALID_ARGUMENT.withDescription("first message must be InitConnection"));
      }
    }

    private void handshake(InitConnection init) {
      if (closing.getAsBoolean()) {
        fail(GatewayCore.SHUTTING_DOWN);
        return;
      }
      Identity identity;
      try {
        identity = IdentityResolver.resolve(init);
        authenticator.authenticate(init, identity);
      } catch (StatusException e) {
        fail(e.getStatus());
        return;
      }
      Session s;
      Session previous;
      synchronized (this) {
        if (state != State.AWAITING_INIT) {
          return;
        }
        cancelTimeout();
        s =
            new Session(
                UUID.randomUUID().toString(),
                identity,
                call,
                settings.sessionQueueCapacity(),
                GatewaySettings.MAX_OUTBOUND_BYTES,
                settings.clock().instant(),
                this::cleanup);
        s.rateLimiter(policy.newRateLimiter());
        if (settings.policyMode() == PolicyMode.LITE_PARITY) {
          s.laneCapacity(Policy.STAGING_FRAMES);
        }
        s.inboundRequester(call::request);
        try {
          previous = registry.acquire(s, init.getResumeSessionId());
        } catch (StatusException e) {
          state = State.CLOSED;
          try {
            call.onError(e);
          } catch (RuntimeException ignored) {
            // already closed
          }
          return;
        }
        session = s;
        state = State.ACTIVE;
      }
      if (previous != null) {
        log.info(
            "event=resumed session={} identity={} previous={}",
            s.id(),
            identity.key(),
            previous.id());
        router.detachAll(previous);
        previous.terminate(
            Status.CANCELLED.withDescription("session disconnected by administrator"));
      }

      List<NegotiatedExtension> negotiated = new ArrayList<>();
      String requiredUnsupported = null;
      for (ExtensionDeclaration d : init.getExtensionsList()) {
        negotiated.add(unsupported(d.getUri(), d.getVersion()));
        if (d.getRequired() && requiredUnsupported == null) {
          requiredUnsupported = d.getUri();
        }
      }
      if (extensionsHeader != null) {
        for (String uri : extensionsHeader.split(",")) {
          if (!uri.isBlank()) {
            negotiated.add(unsupported(uri.trim(), ""));
          }
        }
      }
      ConnectionAck.Builder ack =
          ConnectionAck.newBuilder()
              .setSessionId(s.id())
              .setResumed(s.resumed())
              .setAssignedId(identity.isNonUniqueTask() ? identity.id() : "")
              .addAllNegotiatedExtensions(negotiated)
              .setServerVersion(GatewaySettings.SERVER_VERSION)
              .setServerBuildInfo(
                  BuildInfo.newBuilder()
                      .setCommit("embedded")
                      .setRuntime("java" + System.getProperty("java.version"))
                      .setOs(
                          System.getProperty("os.name", "").toLowerCase()
                              + "/"
                              + System.getProperty("os.arch", "")))
              .setInitialConnectionUnixMs(s.initialConnectionMs())
              .setReconnectionCount(s.reconnectionCount());
      s.send(DownstreamMessage.newBuilder().setConnectionAck(ack).build());
      if (requiredUnsupported != null) {
        s.terminate(
            Status.FAILED_PRECONDITION.withDescription(
                "ERR_EXTENSION_UNSUPPORTED: extension required but not supported: "
                    + requiredUnsupported));
        return;
      }
      PrincipalType type = identity.type();
      if (type == PrincipalType.PRINCIPAL_AGENT || type == PrincipalType.PRINCIPAL_TASK) {
        s.send(DownstreamMessage.newBuilder().setConfig(snapshots.apply(s)).build());
      }
      // Subscriptions only now: the ack and snapshot are already queued ahead of any replayed
      // message.
      routing.subscribeAtConnect(s);
      s.start();
      dispatcher.connected(s, init);
      log.info(
          "event=connected session={} identity={} workspace={} resumed={}",
          s.id(),
          identity.key(),
          s.workspace(),
          s.resumed());
    }

    private void cleanup(Session s) {
      log.info(
          "event=disconnected session={} identity={} backpressureDrops={}",
          s.id(),
          s.identity().key(),
          s.backpressureDrops());
      registry.release(s);
      router.detachAll(s);
      synchronized (this) {
        state = State.CLOSED;
      }
      // an EOF answering the shutdown signal is the gateway's doing, not the client's
      dispatcher.disconnected(s, clientEof && !closing.getAsBoolean());
    }
  }

  private static NegotiatedExtension unsupported(String uri, String version) {
    return NegotiatedExtension.newBuilder()
        .setUri(uri)
        .setVersion(version)
        .setSupported(false)
        .setRejectionReason("extension URI not supported by this gateway")
        .build();
  }
}
