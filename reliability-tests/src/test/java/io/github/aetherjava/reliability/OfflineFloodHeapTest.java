/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.github.aetherjava.gateway.embedded.StorageStats;
import io.github.aetherjava.proto.v1.AetherGatewayGrpc;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.InitConnection;
import io.github.aetherjava.proto.v1.MessageType;
import io.github.aetherjava.proto.v1.SendMessage;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import io.github.aetherjava.proto.v1.UserIdentity;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One client sends 1,000,000 messages to distinct offline agents over TCP: the gateway keeps the
 * newest within {@code maxStoredBytes} and the heap it retains stays under the stated bound (twice
 * the store bound). Without the gateway-wide bounds every message would stay (several hundred MB).
 */
class OfflineFloodHeapTest {

  static final int SENDS = 1_000_000;
  static final int CHUNK = 10_000;
  static final long STORE_BOUND = 32L * 1024 * 1024;
  static final long HEAP_BOUND = 2 * STORE_BOUND;

  private static long usedHeapAfterGc() {
    Runtime rt = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      used = Math.min(used, rt.totalMemory() - rt.freeMemory());
    }
    return used;
  }

  @Test
  void aMillionSendsToDistinctOfflineAgentsStayWithinTheHeapBound() throws Exception {
    long before = usedHeapAfterGc();
    try (EmbeddedAetherGateway gw =
        EmbeddedAetherGateway.builder().port(0).maxStoredBytes(STORE_BOUND).start()) {
      ManagedChannel ch = NettyChannelBuilder.forTarget(gw.address()).usePlaintext().build();
      Semaphore probes = new Semaphore(0);
      Semaphore ack = new Semaphore(0);
      StreamObserver<UpstreamMessage> up =
          AetherGatewayGrpc.newStub(ch)
              .connect(
                  new StreamObserver<>() {
                    @Override
                    public void onNext(DownstreamMessage m) {
                      if (m.hasConnectionAck()) {
                        ack.release();
                      } else if (m.hasError()
                          && m.getError().getCode().equals("ERR_INVALID_TOPIC")) {
                        probes.release();
                      }
                    }

                    @Override
                    public void onError(Throwable t) {
                      probes.release(SENDS);
                    }

                    @Override
                    public void onCompleted() {}
                  });
      up.onNext(
          UpstreamMessage.newBuilder()
              .setInit(
                  InitConnection.newBuilder()
                      .setUser(UserIdentity.newBuilder().setUserId("flood").setWindowId("w")))
              .build());
      assertThat(ack.tryAcquire(30, TimeUnit.SECONDS)).isTrue();
      ByteString payload = ByteString.copyFromUtf8("hello offline agent");
      for (int i = 0; i < SENDS; i++) {
        up.onNext(
            UpstreamMessage.newBuilder()
                .setSend(
                    SendMessage.newBuilder()
                        .setTargetTopic("ag::flood::impl::a" + i)
                        .setMessageType(MessageType.OPAQUE)
                        .setPayload(payload))
                .build());
        if ((i + 1) % CHUNK == 0) {
          // Bounded client-side buffering: wait until this chunk has been routed.
          up.onNext(
              UpstreamMessage.newBuilder()
                  .setSend(SendMessage.newBuilder().setTargetTopic("bogus"))
                  .build());
          assertThat(probes.tryAcquire(60, TimeUnit.SECONDS)).as("chunk %d", i / CHUNK).isTrue();
        }
      }
      long retained = usedHeapAfterGc() - before;
      StorageStats stats = gw.storageStats();
      assertThat(stats.storedBytes()).isLessThanOrEqualTo(STORE_BOUND);
      assertThat(stats.storedMessages() + stats.droppedByTotalBound()).isEqualTo(SENDS);
      assertThat(stats.storedTopics()).isEqualTo((int) stats.storedMessages());
      assertThat(retained)
          .as("heap retained with %s messages stored", stats.storedMessages())
          .isLessThan(HEAP_BOUND);
      assertThat(gw.topicBacklog("ag::flood::impl::a" + (SENDS - 1))).isEqualTo(1);
      assertThat(gw.topicBacklog("ag::flood::impl::a0")).isZero();
      up.onCompleted();
      ch.shutdownNow();
    }
  }
}
