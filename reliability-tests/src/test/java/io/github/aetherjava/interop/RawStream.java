/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.interop;

import com.google.protobuf.ByteString;
import io.github.aetherjava.proto.v1.AetherGatewayGrpc;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.InitConnection;
import io.github.aetherjava.proto.v1.MessageType;
import io.github.aetherjava.proto.v1.SendMessage;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One raw {@code Connect} stream on its own TCP channel, for conformance cases about exact frames
 * (error codes, texts, request ids) that the client library would hide. A stream opened with {@code
 * reading = false} reads only the ack and then stops (a receiver that does not keep up).
 */
final class RawStream implements AutoCloseable {

  static final Duration WAIT = Duration.ofSeconds(15);

  final LinkedBlockingQueue<DownstreamMessage> received = new LinkedBlockingQueue<>();

  /** Every frame received, in order, including those {@link #next} discarded. */
  final List<DownstreamMessage> all = new CopyOnWriteArrayList<>();

  final CompletableFuture<Status> closed = new CompletableFuture<>();
  private final ManagedChannel channel;
  private final ClientCallStreamObserver<UpstreamMessage> requests;

  RawStream(String address, boolean reading) {
    channel =
        NettyChannelBuilder.forTarget(address)
            .usePlaintext()
            .maxInboundMessageSize(32 * 1024 * 1024)
            .build();
    CompletableFuture<ClientCallStreamObserver<UpstreamMessage>> ref = new CompletableFuture<>();
    AetherGatewayGrpc.newStub(channel)
        .connect(
            new ClientResponseObserver<UpstreamMessage, DownstreamMessage>() {
              @Override
              public void beforeStart(ClientCallStreamObserver<UpstreamMessage> r) {
                if (!reading) {
                  r.disableAutoRequestWithInitial(1);
                }
                ref.complete(r);
              }

              @Override
              public void onNext(DownstreamMessage value) {
                all.add(value);
                received.add(value);
              }

              @Override
              public void onError(Throwable t) {
                closed.complete(Status.fromThrowable(t));
              }

              @Override
              public void onCompleted() {
                closed.complete(Status.OK);
              }
            });
    requests = ref.join();
  }

  synchronized void send(UpstreamMessage frame) {
    requests.onNext(frame);
  }

  void init(InitConnection init) {
    send(UpstreamMessage.newBuilder().setInit(init).build());
  }

  void sendMessage(String topic, byte[] payload) {
    send(
        UpstreamMessage.newBuilder()
            .setSend(
                SendMessage.newBuilder()
                    .setTargetTopic(topic)
                    .setPayload(ByteString.copyFrom(payload))
                    .setMessageType(MessageType.OPAQUE))
            .build());
  }

  /** Lets a non-reading stream read everything from now on. */
  void readAll() {
    requests.request(Integer.MAX_VALUE);
  }

  /** The next frame matching {@code p}; frames before it are discarded. */
  DownstreamMessage next(Predicate<DownstreamMessage> p) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      DownstreamMessage m = received.poll(100, TimeUnit.MILLISECONDS);
      if (m != null && p.test(m)) {
        return m;
      }
    }
    throw new AssertionError("no matching frame within " + WAIT + " (" + closed.getNow(null) + ")");
  }

  @Override
  public void close() {
    try {
      requests.onCompleted();
    } catch (RuntimeException e) {
      // already closed
    }
    channel.shutdownNow();
  }
}
