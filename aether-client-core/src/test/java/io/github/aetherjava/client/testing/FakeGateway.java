/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.testing;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import io.github.aetherjava.proto.v1.AetherGatewayGrpc;
import io.github.aetherjava.proto.v1.ConnectionAck;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.InitConnection;
import io.github.aetherjava.proto.v1.KVResponse;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.Status;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * A scriptable in-process gateway for protocol-level tests of the client: every stream is exposed
 * as a {@link Conn} so a test can inspect upstream frames and push any downstream frame or status.
 */
public final class FakeGateway implements AutoCloseable {

  /**
   * Decides how to answer an init: return null to acknowledge, or a status to end the stream with.
   */
  public interface InitPolicy {
    @Nullable Status decide(InitConnection init, int connectionIndex);
  }

  /** One server-side stream. */
  public static final class Conn {
    public final ServerCallStreamObserver<DownstreamMessage> out;
    public final BlockingQueue<UpstreamMessage> received = new LinkedBlockingQueue<>();
    public final List<UpstreamMessage> all = new CopyOnWriteArrayList<>();
    public volatile @Nullable InitConnection init;
    public volatile @Nullable String sessionId;
    public volatile boolean halfClosed;
    public volatile boolean cancelled;
    public volatile Runnable onReady = () -> {};

    Conn(ServerCallStreamObserver<DownstreamMessage> out) {
      this.out = out;
    }

    public synchronized void send(DownstreamMessage m) {
      out.onNext(m);
    }

    private boolean closed;

    public synchronized void close(Status status) {
      if (closed) {
        return; // already ended (for example by the client's half-close)
      }
      closed = true;
      if (status.isOk()) {
        out.onCompleted();
      } else {
        out.onError(status.asRuntimeException());
      }
    }

    /**
     * @return the next upstream frame; fails the test when none arrives
     */
    public UpstreamMessage nextOrFail() {
      try {
        return next();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }

    public UpstreamMessage next() throws InterruptedException {
      UpstreamMessage m = received.poll(10, TimeUnit.SECONDS);
      if (m == null) {
        throw new AssertionError("no upstream frame within 10 s");
      }
      return m;
    }
  }

  private final String name = "fake-gw-" + UUID.randomUUID();
  private final Server server;
  public final BlockingQueue<Conn> connections = new LinkedBlockingQueue<>();
  public final List<Conn> allConnections = new CopyOnWriteArrayList<>();
  public volatile InitPolicy initPolicy = (init, i) -> null;
  public volatile boolean autoAck = true;

  /** Answers KV operations when set (null = do not answer). */
  public volatile @Nullable BiFunction<Conn, UpstreamMessage, @Nullable List<DownstreamMessage>>
      responder;

  private final AtomicInteger index = new AtomicInteger();

  private FakeGateway(@Nullable ServerBuilder<?> tcp) {
    AetherGatewayGrpc.AetherGatewayImplBase service =
        new AetherGatewayGrpc.AetherGatewayImplBase() {
          @Override
          public StreamObserver<UpstreamMessage> connect(
              StreamObserver<DownstreamMessage> responseObserver) {
            Conn c = new Conn((ServerCallStreamObserver<DownstreamMessage>) responseObserver);
            c.out.setOnCancelHandler(() -> c.cancelled = true);
            c.out.setOnReadyHandler(() -> c.onReady.run());
            int i = index.getAndIncrement();
            return new StreamObserver<>() {
              @Override
              public void onNext(UpstreamMessage m) {
                c.all.add(m);
                if (m.hasInit()) {
                  c.init = m.getInit();
                  Status refuse = initPolicy.decide(m.getInit(), i);
                  if (refuse != null) {
                    connections.add(c);
                    allConnections.add(c);
                    c.close(refuse);
                    return;
                  }
                  c.sessionId = "session-" + i;
                  // registered before the ack so a test that saw connect() complete finds it
                  connections.add(c);
                  allConnections.add(c);
                  if (autoAck) {
                    c.send(
                        DownstreamMessage.newBuilder()
                            .setConnectionAck(
                                ConnectionAck.newBuilder()
                                    .setSessionId(c.sessionId)
                                    .setServerVersion("fake-1")
                                    .setResumed(!m.getInit().getResumeSessionId().isEmpty()))
                            .build());
                  }
                  return;
                }
                BiFunction<Conn, UpstreamMessage, @Nullable List<DownstreamMessage>> r = responder;
                if (r != null) {
                  List<DownstreamMessage> answer = r.apply(c, m);
                  if (answer != null) {
                    answer.forEach(c::send);
                    return;
                  }
                }
                c.received.add(m);
              }

              @Override
              public void onError(Throwable t) {
                c.cancelled = true;
              }

              @Override
              public void onCompleted() {
                c.halfClosed = true;
                c.close(Status.OK);
              }
            };
          }
        };
    try {
      ServerBuilder<?> b = tcp != null ? tcp : InProcessServerBuilder.forName(name);
      this.server = b.addService(service).build().start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @return an in-process fake gateway
   */
  public static FakeGateway inProcess() {
    return new FakeGateway(null);
  }

  /**
   * @param builder a TCP server builder (e.g. with TLS)
   * @return a fake gateway on that server
   */
  public static FakeGateway on(ServerBuilder<?> builder) {
    return new FakeGateway(builder);
  }

  /**
   * @return client address
   */
  public String address() {
    return server.getPort() > 0 ? "127.0.0.1:" + server.getPort() : "in-process:" + name;
  }

  /**
   * @return the next accepted connection
   */
  public Conn nextConnection() throws InterruptedException {
    Conn c = connections.poll(10, TimeUnit.SECONDS);
    if (c == null) {
      throw new AssertionError("no connection within 10 s");
    }
    return c;
  }

  /**
   * @return a successful KV response for a request
   */
  public static DownstreamMessage kvOk(UpstreamMessage request, KVResponse.Builder response) {
    return DownstreamMessage.newBuilder()
        .setKv(response.setSuccess(true).setRequestId(request.getKvOp().getRequestId()))
        .build();
  }

  /**
   * @param body arbitrary bytes, valid or not
   * @return a frame whose message field (1) holds {@code body}, as a faulty gateway could send it
   */
  public static DownstreamMessage messageFrameWithBody(byte[] body) {
    return DownstreamMessage.newBuilder()
        .setUnknownFields(
            UnknownFieldSet.newBuilder()
                .addField(
                    1,
                    UnknownFieldSet.Field.newBuilder()
                        .addLengthDelimited(ByteString.copyFrom(body))
                        .build())
                .build())
        .build();
  }

  @Override
  public void close() {
    server.shutdownNow();
  }
}
