/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aetherjava.client.AetherException;
import io.github.aetherjava.client.ConnectionException;
import io.github.aetherjava.client.FailureReason;
import io.github.aetherjava.client.OverflowPolicy;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.SendMessage;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class OutboundTest {

  /** A call that records writes and reports readiness as told. */
  static final class RecordingCall extends ClientCall<UpstreamMessage, DownstreamMessage> {
    final List<String> written = new ArrayList<>();
    boolean ready;

    @Override
    public void start(Listener<DownstreamMessage> listener, Metadata headers) {}

    @Override
    public void request(int numMessages) {}

    @Override
    public void cancel(@Nullable String message, @Nullable Throwable cause) {}

    @Override
    public void halfClose() {}

    @Override
    public void sendMessage(UpstreamMessage message) {
      written.add(message.getSend().getTargetTopic());
    }

    @Override
    public boolean isReady() {
      return ready;
    }
  }

  private static UpstreamMessage frame(String topic) {
    return UpstreamMessage.newBuilder()
        .setSend(SendMessage.newBuilder().setTargetTopic(topic))
        .build();
  }

  private static UpstreamMessage bigFrame(int payloadBytes) {
    return UpstreamMessage.newBuilder()
        .setSend(
            SendMessage.newBuilder()
                .setTargetTopic("big")
                .setPayload(com.google.protobuf.ByteString.copyFrom(new byte[payloadBytes])))
        .build();
  }

  @Test
  void writesOnlyWhileAttachedAndReadyOrWithinTheSlackInOrder() {
    Outbound out = new Outbound(100, 1 << 20, OverflowPolicy.FAIL, direct());
    CompletableFuture<Void> a = out.enqueue(frame("a"), null);
    assertThat(a).as("nothing is written before a call is attached").isNotDone();
    RecordingCall call = new RecordingCall();
    out.attach(call);
    // not ready: the slack lets a bounded number through, the rest waits for onReady
    List<String> expected = new ArrayList<>(List.of("a"));
    CompletableFuture<Void> last = a;
    for (int i = 1; i <= Outbound.NOT_READY_SLACK_FRAMES; i++) {
      expected.add("s" + i);
      last = out.enqueue(frame("s" + i), null);
    }
    assertThat(call.written)
        .containsExactlyElementsOf(expected.subList(0, Outbound.NOT_READY_SLACK_FRAMES));
    assertThat(a).isCompleted();
    assertThat(last).isNotDone();
    out.enqueue(frame("b"), null);
    expected.add("b");
    call.ready = true;
    out.drain(); // what onReady does
    assertThat(call.written).containsExactlyElementsOf(expected);
    assertThat(last).isCompleted();
    out.detach();
    CompletableFuture<Void> c = out.enqueue(frame("c"), null);
    assertThat(c).isNotDone();
    assertThat(out.size()).isEqualTo(1);
    out.prepend(List.of(frame("session")));
    out.attach(call);
    expected.add("session");
    expected.add("c");
    assertThat(call.written).containsExactlyElementsOf(expected);
    assertThat(out.bytes()).isZero();
  }

  @Test
  void theSlackRefillsOnlyWhenTheTransportIsReadyAgain() {
    Outbound out = new Outbound(1000, 1 << 20, OverflowPolicy.FAIL, direct());
    RecordingCall call = new RecordingCall();
    out.attach(call);
    for (int i = 0; i < 3 * Outbound.NOT_READY_SLACK_FRAMES; i++) {
      out.enqueue(frame("m" + i), null);
    }
    assertThat(call.written).hasSize(Outbound.NOT_READY_SLACK_FRAMES);
    assertThat(out.size()).isEqualTo(2 * Outbound.NOT_READY_SLACK_FRAMES);
    out.drain(); // still not ready: nothing more
    assertThat(call.written).hasSize(Outbound.NOT_READY_SLACK_FRAMES);
    call.ready = true;
    out.drain();
    assertThat(call.written).hasSize(3 * Outbound.NOT_READY_SLACK_FRAMES);
  }

  @Test
  void aFrameLargerThanTheByteSlackWaitsForReady() {
    Outbound out = new Outbound(10, 4L << 20, OverflowPolicy.FAIL, direct());
    RecordingCall call = new RecordingCall();
    out.attach(call);
    CompletableFuture<Void> big =
        out.enqueue(bigFrame((int) Outbound.NOT_READY_SLACK_BYTES + 1), null);
    assertThat(big).isNotDone();
    assertThat(call.written).isEmpty();
    call.ready = true;
    out.drain();
    assertThat(big).isCompleted();
  }

  @Test
  void limitsByCountAndBytesAndFailsOnClose() throws Exception {
    Outbound out = new Outbound(10, 20, OverflowPolicy.FAIL, direct());
    CompletableFuture<Void> ok = out.enqueue(frame("ag::1"), null); // 7 bytes
    out.enqueue(frame("ag::2"), null);
    CompletableFuture<Void> refused = out.enqueue(frame("ag::3"), null);
    assertThat(reason(refused)).isEqualTo(FailureReason.BUFFER_FULL);
    out.close(new ConnectionException(FailureReason.CLOSED, "closed"));
    assertThat(reason(ok)).isEqualTo(FailureReason.CLOSED);
    assertThat(reason(out.enqueue(frame("ag::4"), null))).isEqualTo(FailureReason.CLOSED);
  }

  @Test
  void completesTheCallersOwnFutureInlineAndHandsOffOthersInOrder() {
    List<Runnable> handedOff = new ArrayList<>();
    Outbound out = new Outbound(100, 1 << 20, OverflowPolicy.FAIL, handoff(handedOff));
    CompletableFuture<Void> a = out.enqueue(frame("a"), null);
    CompletableFuture<Void> b = out.enqueue(frame("b"), null);
    CompletableFuture<Void> c = out.enqueue(frame("c"), null);
    List<String> continuations = new ArrayList<>();
    b.thenRun(() -> continuations.add("b"));
    RecordingCall call = new RecordingCall();
    call.ready = true;
    out.attach(call);
    assertThat(call.written).containsExactly("a", "b", "c");
    // written by another thread than their callers: their callers may have chained onto them, so
    // they complete on the callback executor, in order, and no continuation ran here
    assertThat(a).isNotDone();
    assertThat(b).isNotDone();
    assertThat(c).isNotDone();
    assertThat(continuations).isEmpty();
    assertThat(handedOff).hasSize(1);
    handedOff.get(0).run();
    assertThat(a).isCompleted();
    assertThat(b).isCompleted();
    assertThat(c).isCompleted();
    assertThat(continuations).containsExactly("b");
    // Written at once on a ready call: complete before the caller gets the future, no hand-off.
    assertThat(out.enqueue(frame("d"), null)).isCompleted();
    assertThat(handedOff).hasSize(1);
  }

  private static Handoff direct() {
    return new Handoff(Runnable::run, () -> "test", e -> {});
  }

  private static Handoff handoff(List<Runnable> tasks) {
    return new Handoff(tasks::add, () -> "test", e -> {});
  }

  @Test
  void theFailureHookRunsForRefusedEvictedAndClosedFramesWithoutMakingTheFutureObserved()
      throws Exception {
    List<Runnable> handedOff = new ArrayList<>();
    Outbound out = new Outbound(2, 1 << 20, OverflowPolicy.DROP_OLDEST, handoff(handedOff));
    List<String> failed = new ArrayList<>();
    CompletableFuture<Void> first =
        out.enqueue(frame("a"), null, e -> failed.add("a:" + ((AetherException) e).reason()));
    out.enqueue(frame("b"), null, e -> failed.add("b:" + ((AetherException) e).reason()));
    out.enqueue(frame("c"), null, e -> failed.add("c:" + ((AetherException) e).reason()));
    assertThat(failed)
        .as("evicted by DROP_OLDEST, reported at once")
        .containsExactly("a:BUFFER_FULL");
    handedOff.forEach(Runnable::run);
    assertThat(reason(first)).isEqualTo(FailureReason.BUFFER_FULL);

    out.close(new ConnectionException(FailureReason.CLOSED, "closed"));
    assertThat(failed).containsExactly("a:BUFFER_FULL", "b:CLOSED", "c:CLOSED");
    out.enqueue(frame("d"), null, e -> failed.add("d:" + ((AetherException) e).reason()));
    assertThat(failed).last().isEqualTo("d:CLOSED");

    // a written frame never calls the hook, and its future (no dependents) completes inline
    Outbound open = new Outbound(10, 1 << 20, OverflowPolicy.FAIL, handoff(handedOff));
    RecordingCall call = new RecordingCall();
    call.ready = true;
    open.attach(call);
    int handOffs = handedOff.size();
    assertThat(open.enqueue(frame("e"), null, e -> failed.add("e"))).isCompleted();
    assertThat(failed).doesNotContain("e");
    assertThat(handedOff).hasSize(handOffs);
  }

  private static FailureReason reason(CompletableFuture<Void> f) throws InterruptedException {
    try {
      f.get();
    } catch (ExecutionException e) {
      return ((AetherException) e.getCause()).reason();
    }
    throw new AssertionError("succeeded");
  }
}
