/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AetherException;
import io.github.aetherjava.client.ConnectionException;
import io.github.aetherjava.client.FailureReason;
import io.github.aetherjava.client.GatewayError;
import io.github.aetherjava.client.GatewayErrorException;
import io.github.aetherjava.client.OverflowPolicy;
import io.github.aetherjava.client.delivery.SendPacing;
import io.github.aetherjava.proto.v1.ConnectionStatusRequest;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.SendMessage;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Barriers, confirmed sends, replay and refusal retries of the single writer. */
class ConfirmedOutboundTest {

  /** Records what is written: send topics, and barriers as {@code |id}. */
  static final class Wire extends ClientCall<UpstreamMessage, DownstreamMessage> {
    final List<String> written = new ArrayList<>();

    @Override
    public void start(Listener<DownstreamMessage> listener, Metadata headers) {}

    @Override
    public void request(int numMessages) {}

    @Override
    public void cancel(@Nullable String message, @Nullable Throwable cause) {}

    @Override
    public void halfClose() {}

    @Override
    public synchronized void sendMessage(UpstreamMessage m) {
      written.add(
          m.hasConnectionStatusRequest()
              ? "|" + m.getConnectionStatusRequest().getRequestId()
              : m.getSend().getTargetTopic());
    }

    @Override
    public boolean isReady() {
      return true;
    }

    synchronized List<String> snapshot() {
      return new ArrayList<>(written);
    }
  }

  private final Outbound.BarrierSource barriers =
      new Outbound.BarrierSource() {
        private final AtomicInteger seq = new AtomicInteger();

        @Override
        public String nextId() {
          return "b" + seq.incrementAndGet();
        }

        @Override
        public UpstreamMessage frame(String id) {
          return UpstreamMessage.newBuilder()
              .setConnectionStatusRequest(ConnectionStatusRequest.newBuilder().setRequestId(id))
              .build();
        }
      };

  private static UpstreamMessage send(String topic) {
    return UpstreamMessage.newBuilder()
        .setSend(SendMessage.newBuilder().setTargetTopic(topic))
        .build();
  }

  private static Handoff direct() {
    return new Handoff(Runnable::run, () -> "test", e -> {});
  }

  private Outbound confirmed(int max) {
    return new Outbound(
        max, 1 << 20, OverflowPolicy.FAIL, direct(), barriers, true, SendPacing.off());
  }

  private static GatewayError error(String code, boolean retryable, long retryAfterMs) {
    return new GatewayError(code, "refused", retryable, Duration.ofMillis(retryAfterMs), null);
  }

  @Test
  void aConfirmedSendCompletesOnlyWhenItsTrailingBarrierIsAnswered() {
    Outbound out = confirmed(100);
    Wire wire = new Wire();
    out.attach(wire);
    CompletableFuture<Void> a = out.enqueueConfirmed(send("a"), null, null);
    CompletableFuture<Void> b = out.enqueueConfirmed(send("b"), null, null);
    out.enqueue(send("plain"), null);
    CompletableFuture<Void> c = out.enqueueConfirmed(send("c"), null, null);
    // a fresh stream starts clean; after a barrier no leading one; after a plain frame one
    assertThat(wire.snapshot()).containsExactly("a", "|b1", "b", "|b2", "plain", "|b3", "c", "|b4");
    assertThat(a).isNotDone();
    assertThat(out.size()).as("unconfirmed sends still occupy the buffer").isEqualTo(3);
    assertThat(out.barrierAnswered("b1")).isTrue();
    assertThat(a).isCompleted();
    assertThat(b).isNotDone();
    assertThat(out.barrierAnswered("user-request")).as("not ours").isFalse();
    // an answer implies every earlier one
    assertThat(out.barrierAnswered("b4")).isTrue();
    assertThat(b).isCompleted();
    assertThat(c).isCompleted();
    assertThat(out.size()).isZero();
    assertThat(out.stats().confirmed()).isEqualTo(3);
  }

  @Test
  void theBufferLimitCountsUnconfirmedSends() throws Exception {
    Outbound out = confirmed(2);
    out.attach(new Wire());
    out.enqueueConfirmed(send("a"), null, null);
    out.enqueueConfirmed(send("b"), null, null);
    CompletableFuture<Void> refused = out.enqueueConfirmed(send("c"), null, null);
    assertThat(reason(refused)).isEqualTo(FailureReason.BUFFER_FULL);
    out.barrierAnswered("b2");
    assertThat(out.enqueueConfirmed(send("d"), null, null)).isNotDone();
  }

  @Test
  void dropOldestGivesUpOnTheOldestUnconfirmedSendFirst() throws Exception {
    Outbound out =
        new Outbound(
            2, 1 << 20, OverflowPolicy.DROP_OLDEST, direct(), barriers, true, SendPacing.off());
    Wire wire = new Wire();
    out.attach(wire);
    CompletableFuture<Void> a = out.enqueueConfirmed(send("a"), null, null);
    CompletableFuture<Void> b = out.enqueueConfirmed(send("b"), null, null);
    CompletableFuture<Void> c = out.enqueueConfirmed(send("c"), null, null);
    assertThat(reason(a)).isEqualTo(FailureReason.BUFFER_FULL);
    assertThat(out.size()).isEqualTo(2);
    // wire: a |b1 b |b2 c |b3; a's late answer changes nothing, b's and c's confirm them
    out.barrierAnswered("b1");
    out.barrierAnswered("b2");
    assertThat(b).isCompleted();
    assertThat(c).isNotDone();
    out.barrierAnswered("b3");
    assertThat(c).isCompleted();
    assertThat(out.stats().confirmed()).isEqualTo(2);
  }

  @Test
  void aRefusalInTheSendsWindowIsRetriedAfterRetryAfterOrFailsTheSend() throws Exception {
    Outbound out = confirmed(100);
    Wire wire = new Wire();
    out.attach(wire);
    CompletableFuture<Void> limited = out.enqueueConfirmed(send("limited"), null, null);
    List<Throwable> failures = new ArrayList<>();
    CompletableFuture<Void> denied = out.enqueueConfirmed(send("denied"), null, failures::add);
    assertThat(out.attributeRefusal(error("ERR_RATE_LIMITED", true, 20))).isTrue();
    assertThat(out.attributeRefusal(error("ERR_RATE_LIMITED", true, 20)))
        .as("one refusal per send")
        .isFalse();
    assertThat(out.barrierAnswered("b1")).isTrue();
    assertThat(limited).isNotDone();
    assertThat(out.attributeRefusal(error("ERR_PERMISSION_DENIED", false, 0))).isTrue();
    out.barrierAnswered("b2");
    Throwable cause = cause(denied);
    assertThat(cause).isInstanceOf(GatewayErrorException.class);
    assertThat(((GatewayErrorException) cause).code()).isEqualTo("ERR_PERMISSION_DENIED");
    assertThat(failures).hasSize(1);
    // the rate-limited send is written again once its retry_after has passed
    await().atMost(Duration.ofSeconds(5)).until(() -> wire.snapshot().size() == 6);
    assertThat(wire.snapshot())
        .containsExactly("limited", "|b1", "denied", "|b2", "limited", "|b3");
    out.barrierAnswered("b3");
    assertThat(limited).isCompleted();
    assertThat(out.stats().retried()).isEqualTo(1);
  }

  @Test
  void aFlushOrPlainFrameWindowIsNeverAttributed() {
    Outbound out = confirmed(100);
    Wire wire = new Wire();
    out.attach(wire);
    out.enqueue(send("plain"), null);
    CompletableFuture<Void> flushed = out.enqueueFlush();
    assertThat(out.attributeRefusal(error("ERR_RATE_LIMITED", true, 10))).isFalse();
    assertThat(flushed).isNotDone();
    out.barrierAnswered(wire.snapshot().get(1).substring(1));
    assertThat(flushed).isCompleted();
  }

  @Test
  void unconfirmedSendsAreReplayedInOrderOnTheNextStreamAndFlushesFollowThem() {
    Outbound out = confirmed(100);
    Wire first = new Wire();
    out.attach(first);
    CompletableFuture<Void> a = out.enqueueConfirmed(send("a"), null, null);
    CompletableFuture<Void> b = out.enqueueConfirmed(send("b"), null, null);
    CompletableFuture<Void> flushed = out.enqueueFlush();
    out.barrierAnswered("b1");
    out.endStream();
    CompletableFuture<Void> c = out.enqueueConfirmed(send("c"), null, null);
    out.settleEndedStream(new ConnectionException(FailureReason.DISCONNECTED, "dropped"));
    out.prepend(List.of(send("session")));
    Wire second = new Wire();
    out.attach(second);
    List<String> w = second.snapshot();
    assertThat(w.stream().filter(s -> !s.startsWith("|"))).containsExactly("session", "b", "c");
    assertThat(a).isCompleted();
    assertThat(b).isNotDone();
    assertThat(flushed).isNotDone();
    out.barrierAnswered(w.get(w.size() - 1).substring(1));
    assertThat(b).isCompleted();
    assertThat(flushed).isCompleted();
    assertThat(c).isCompleted();
    assertThat(out.stats().replayed()).isEqualTo(1);
  }

  @Test
  void atMostOnceFlushFailsWhenItsStreamEndsAndCloseFailsEverything() throws Exception {
    Outbound out =
        new Outbound(
            100, 1 << 20, OverflowPolicy.FAIL, direct(), barriers, false, SendPacing.off());
    out.attach(new Wire());
    CompletableFuture<Void> flushed = out.enqueueFlush();
    out.endStream();
    out.settleEndedStream(new ConnectionException(FailureReason.DISCONNECTED, "dropped"));
    assertThat(reason(flushed)).isEqualTo(FailureReason.DISCONNECTED);

    Outbound confirmedOut = confirmed(100);
    confirmedOut.attach(new Wire());
    CompletableFuture<Void> unconfirmed = confirmedOut.enqueueConfirmed(send("a"), null, null);
    CompletableFuture<Void> flush = confirmedOut.enqueueFlush();
    confirmedOut.close(new ConnectionException(FailureReason.CLOSED, "closed"));
    assertThat(reason(unconfirmed)).isEqualTo(FailureReason.CLOSED);
    assertThat(reason(flush)).isEqualTo(FailureReason.CLOSED);
  }

  @Test
  void pacedFramesWaitForTokensAndKeepTheirOrder() {
    Outbound out =
        new Outbound(
            100, 1 << 20, OverflowPolicy.FAIL, direct(), barriers, false, SendPacing.of(20, 2));
    Wire wire = new Wire();
    out.attach(wire);
    List<CompletableFuture<Void>> sent = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      sent.add(out.enqueue(send("m" + i), null));
    }
    // the pacer's timer, not a caller, writes the rest
    await().atMost(Duration.ofSeconds(5)).until(() -> wire.snapshot().size() == 6);
    assertThat(wire.snapshot()).containsExactly("m0", "m1", "m2", "m3", "m4", "m5");
    await().atMost(Duration.ofSeconds(5)).until(() -> sent.stream().allMatch(f -> f.isDone()));
  }

  /**
   * Many senders, flushes and stream ends at once against a gateway that answers barriers in order
   * and refuses some sends: every future completes, every confirmed send reaches a stream at least
   * once after its last refusal, and nothing stays in the buffer.
   */
  @RepeatedTest(20)
  void concurrentConfirmedSendsFlushesAndStreamEndsSettleEverything() throws Exception {
    Outbound out = confirmed(100_000);
    int senders = 4;
    int perSender = 200;
    List<CompletableFuture<Void>> futures = new ArrayList<>();
    Object futuresLock = new Object();
    Wire[] wire = {new Wire()};
    out.attach(wire[0]);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < senders; t++) {
      int id = t;
      Thread thread =
          new Thread(
              () -> {
                for (int i = 0; i < perSender; i++) {
                  CompletableFuture<Void> f =
                      ThreadLocalRandom.current().nextInt(20) == 0
                          ? out.enqueueFlush()
                          : out.enqueueConfirmed(send(id + ":" + i), null, null);
                  synchronized (futuresLock) {
                    futures.add(f);
                  }
                }
              });
      thread.start();
      threads.add(thread);
    }
    // the "gateway": answers barriers in order, refuses some sends, and drops the stream now and
    // then; answers never cross a stream end
    Set<String> delivered = new HashSet<>();
    int[] seen = {0};
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      List<String> w = wire[0].snapshot();
      boolean idle = seen[0] == w.size();
      for (; seen[0] < w.size(); seen[0]++) {
        String f = w.get(seen[0]);
        if (f.startsWith("|")) {
          out.barrierAnswered(f.substring(1));
        } else if (ThreadLocalRandom.current().nextInt(10) == 0) {
          out.attributeRefusal(error("ERR_RATE_LIMITED", true, 0));
        } else {
          delivered.add(f);
        }
        if (ThreadLocalRandom.current().nextInt(300) == 0) {
          out.endStream();
          out.settleEndedStream(new ConnectionException(FailureReason.DISCONNECTED, "cut"));
          wire[0] = new Wire();
          seen[0] = 0;
          out.attach(wire[0]);
          break;
        }
      }
      boolean sendersDone = threads.stream().noneMatch(Thread::isAlive);
      if (idle && sendersDone && out.size() == 0) {
        break;
      }
      Thread.onSpinWait();
    }
    for (Thread t : threads) {
      t.join();
    }
    synchronized (futuresLock) {
      assertThat(futures).hasSize(senders * perSender);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> futures.stream().allMatch(CompletableFuture::isDone));
      assertThat(futures).allMatch(f -> !f.isCompletedExceptionally());
    }
    assertThat(out.size()).isZero();
    assertThat((long) delivered.size())
        .as("each confirmed send reached the gateway unrefused at least once")
        .isEqualTo(out.stats().confirmed());
  }

  private static FailureReason reason(CompletableFuture<Void> f) throws InterruptedException {
    return ((AetherException) cause(f)).reason();
  }

  private static Throwable cause(CompletableFuture<Void> f) throws InterruptedException {
    try {
      f.get(5, TimeUnit.SECONDS);
      throw new AssertionError("expected a failure");
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("not completed", e);
    }
  }
}
