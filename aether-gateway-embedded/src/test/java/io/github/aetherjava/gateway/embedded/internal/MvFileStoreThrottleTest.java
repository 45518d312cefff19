/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aetherjava.gateway.embedded.DurabilityPolicy;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.PrincipalType;
import io.grpc.stub.ServerCallStreamObserver;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.h2.mvstore.MVMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer that falls behind pauses the clients adding changes, and resumes them once it has caught
 * up; nothing is dropped.
 */
class MvFileStoreThrottleTest {

  @TempDir Path dir;

  /** A call that accepts everything; only flow-control requests are observed. */
  static final class FakeCall extends ServerCallStreamObserver<DownstreamMessage> {
    @Override
    public boolean isCancelled() {
      return false;
    }

    @Override
    public void setOnCancelHandler(Runnable onCancelHandler) {}

    @Override
    public void setCompression(String compression) {}

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setOnReadyHandler(Runnable onReadyHandler) {}

    @Override
    public void disableAutoInboundFlowControl() {}

    @Override
    public void request(int count) {}

    @Override
    public void setMessageCompression(boolean enable) {}

    @Override
    public void onNext(DownstreamMessage value) {}

    @Override
    public void onError(Throwable t) {}

    @Override
    public void onCompleted() {}
  }

  @Test
  void aWriterThatFallsBehindPausesWritersUntilItCatchesUp() throws Exception {
    try (MvFileStore store = MvFileStore.open(dir, DurabilityPolicy.ALWAYS, Duration.ofHours(1))) {
      MVMap<Long, byte[]> map = store.map("test");
      Session session =
          new Session(
              "s1",
              new Identity(
                  PrincipalType.PRINCIPAL_AGENT,
                  "ws",
                  "impl",
                  "s1",
                  "",
                  "ag::ws::impl::s1",
                  "",
                  ""),
              new FakeCall(),
              16,
              1024,
              Instant.EPOCH,
              s -> {});
      AtomicInteger requested = new AtomicInteger();
      session.inboundRequester(requested::addAndGet);
      // Hold the writer inside a completion so changes pile up behind it.
      CountDownLatch hold = new CountDownLatch(1);
      CountDownLatch held = new CountDownLatch(1);
      store.afterDurable(
          () -> {
            held.countDown();
            try {
              hold.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
      held.await();
      for (long i = 0; i <= MvFileStore.HIGH_WATER; i++) {
        byte[] v = new byte[] {(byte) i};
        store.put(map, i, () -> v);
      }
      store.throttle(session);
      assertThat(session.inboundPaused()).isTrue();
      for (int i = 0; i < GatewaySettings.INBOUND_REQUEST_BATCH; i++) {
        session.frameHandled();
      }
      assertThat(requested.get()).as("no new frames requested while paused").isZero();

      hold.countDown();
      Awaitility.await().until(() -> !session.inboundPaused());
      assertThat(requested.get()).isEqualTo(GatewaySettings.INBOUND_REQUEST_BATCH);
      Awaitility.await().until(() -> store.pending() == 0);
      assertThat(map.size()).isEqualTo(MvFileStore.HIGH_WATER + 1);
      // Below the high-water mark nobody is paused.
      store.throttle(session);
      assertThat(session.inboundPaused()).isFalse();
    }
  }
}
