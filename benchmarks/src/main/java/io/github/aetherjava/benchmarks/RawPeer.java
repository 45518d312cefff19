/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.benchmarks;

import com.google.protobuf.ByteString;
import io.github.aetherjava.proto.v1.AetherGatewayGrpc;
import io.github.aetherjava.proto.v1.AgentIdentity;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.IncomingMessage;
import io.github.aetherjava.proto.v1.InitConnection;
import io.github.aetherjava.proto.v1.KVOperation;
import io.github.aetherjava.proto.v1.KVResponse;
import io.github.aetherjava.proto.v1.MessageType;
import io.github.aetherjava.proto.v1.SendMessage;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import io.grpc.ManagedChannel;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The baseline: what a developer would write by hand with the generated stub and no SDK. One bidi
 * stream, the {@code InitConnection} as first frame, {@code onNext} under a lock (stream observers
 * are not thread-safe), messages handled on the gRPC thread, KV requests correlated by a counter.
 * No reconnect, no buffering, no observers.
 */
final class RawPeer implements Peer {

  /** Inbound messages requested ahead, as the SDK's default {@code inboundWindow}. */
  static final int INBOUND_WINDOW = 32;

  private final ManagedChannel channel;
  private final boolean ownsChannel;
  private final String topic;
  private final Object writeLock = new Object();
  private final CompletableFuture<Void> ack = new CompletableFuture<>();
  private final ConcurrentHashMap<String, CompletableFuture<KVResponse>> pending =
      new ConcurrentHashMap<>();
  private final AtomicLong requestIds = new AtomicLong();
  private final ClientCallStreamObserver<UpstreamMessage> upstream;
  private volatile boolean open = true;

  RawPeer(
      ManagedChannel channel,
      boolean ownsChannel,
      String workspace,
      String implementation,
      String specifier,
      Sink sink) {
    this.channel = channel;
    this.ownsChannel = ownsChannel;
    this.topic = "ag::" + workspace + "::" + implementation + "::" + specifier;
    ClientResponseObserver<UpstreamMessage, DownstreamMessage> downstream =
        new ClientResponseObserver<>() {
          @Override
          public void beforeStart(ClientCallStreamObserver<UpstreamMessage> requestStream) {
            // The stub's default asks for one message at a time, which costs a transport round of
            // its own per
            // message on Netty; a careful hand-written client keeps a window, the same 32 the SDK
            // uses.
            requestStream.disableAutoRequestWithInitial(INBOUND_WINDOW);
          }

          @Override
          public void onNext(DownstreamMessage m) {
            try {
              handle(m);
            } finally {
              synchronized (writeLock) {
                upstream.request(1);
              }
            }
          }

          private void handle(DownstreamMessage m) {
            switch (m.getPayloadCase()) {
              case MSG -> {
                IncomingMessage in = m.getMsg();
                sink.onMessage(in.getSourceTopic(), header(in.getPayload()));
              }
              case KV -> {
                CompletableFuture<KVResponse> f = pending.remove(m.getKv().getRequestId());
                if (f != null) {
                  f.complete(m.getKv());
                }
              }
              case ERROR -> {
                IllegalStateException error =
                    new IllegalStateException(
                        m.getError().getCode() + ": " + m.getError().getMessage());
                CompletableFuture<KVResponse> f = pending.remove(m.getError().getRequestId());
                if (f != null) {
                  f.completeExceptionally(error);
                } else if (m.getError().getCode().equals("ERR_NOT_IMPLEMENTED")) {
                  // the gateway answers unsupported operations without the request id
                  pending.values().forEach(p -> p.completeExceptionally(error));
                  pending.clear();
                }
              }
              case CONNECTION_ACK -> ack.complete(null);
              default -> {
                // config snapshot and the like: nothing to do
              }
            }
          }

          @Override
          public void onError(Throwable t) {
            closed(t);
          }

          @Override
          public void onCompleted() {
            closed(new IllegalStateException("stream completed by the gateway"));
          }
        };
    upstream =
        (ClientCallStreamObserver<UpstreamMessage>)
            AetherGatewayGrpc.newStub(channel).connect(downstream);
    write(
        UpstreamMessage.newBuilder()
            .setInit(
                InitConnection.newBuilder()
                    .setAgent(
                        AgentIdentity.newBuilder()
                            .setWorkspace(workspace)
                            .setImplementation(implementation)
                            .setSpecifier(specifier))
                    .setClientSdk("raw-grpc-java-baseline"))
            .build());
  }

  private void closed(Throwable t) {
    open = false;
    ack.completeExceptionally(t);
    pending.values().forEach(f -> f.completeExceptionally(t));
  }

  private static long header(ByteString b) {
    if (b.size() < 8) {
      return 0;
    }
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (b.byteAt(i) & 0xff);
    }
    return v;
  }

  private void write(UpstreamMessage frame) {
    synchronized (writeLock) {
      upstream.onNext(frame);
    }
  }

  @Override
  public String topic() {
    return topic;
  }

  @Override
  public CompletableFuture<?> connected() {
    return ack;
  }

  @Override
  public boolean isReady() {
    return open && ack.isDone() && !ack.isCompletedExceptionally();
  }

  @Override
  public void send(String target, byte[] payload) {
    write(
        UpstreamMessage.newBuilder()
            .setSend(
                SendMessage.newBuilder()
                    .setTargetTopic(target)
                    .setPayload(ByteString.copyFrom(payload))
                    .setMessageType(MessageType.OPAQUE))
            .build());
  }

  private KVResponse kv(KVOperation.Builder op) {
    String id = Long.toString(requestIds.incrementAndGet());
    CompletableFuture<KVResponse> f = new CompletableFuture<>();
    pending.put(id, f);
    write(UpstreamMessage.newBuilder().setKvOp(op.setRequestId(id)).build());
    try {
      return f.orTimeout(5, TimeUnit.SECONDS).join();
    } catch (CompletionException e) {
      pending.remove(id);
      throw e;
    }
  }

  @Override
  public void kvPut(String key, byte[] value) {
    kv(
        KVOperation.newBuilder()
            .setOp(KVOperation.OpType.PUT)
            .setScope(KVOperation.Scope.WORKSPACE_EXCLUSIVE)
            .setKey(key)
            .setValue(ByteString.copyFrom(value)));
  }

  @Override
  public int kvGet(String key) {
    return kv(KVOperation.newBuilder()
            .setOp(KVOperation.OpType.GET)
            .setScope(KVOperation.Scope.WORKSPACE_EXCLUSIVE)
            .setKey(key))
        .getValue()
        .size();
  }

  @Override
  public void close() {
    synchronized (writeLock) {
      if (open) {
        open = false;
        try {
          upstream.onCompleted();
        } catch (RuntimeException e) {
          // already closed by the gateway
        }
      }
    }
    if (ownsChannel) {
      channel.shutdown();
      try {
        // wait for the transport to go, so a following measurement does not see it
        channel.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
