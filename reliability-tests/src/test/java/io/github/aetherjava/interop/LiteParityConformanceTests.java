/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.proto.v1.AgentIdentity;
import io.github.aetherjava.proto.v1.CheckpointOperation;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.ErrorResponse;
import io.github.aetherjava.proto.v1.InitConnection;
import io.github.aetherjava.proto.v1.KVOperation;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What AetherLite shows clients about limits, losses and replays, written once and run against the
 * embedded gateway in {@code LITE_PARITY} mode ({@link EmbeddedLiteParityConformanceTest}) and a
 * real AetherLite ({@link RealLiteParityInteropTest}): the per-identity message quota, the loss of
 * live messages to a receiver that does not keep up, the replay of {@code ga::} broadcasts, and
 * request ids on errors that answer requests.
 */
abstract class LiteParityConformanceTests {

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String workspace = "parity-" + run;
  private final List<RawStream> streams = new ArrayList<>();

  /** Address of the gateway under test. */
  abstract String gatewayAddress();

  /**
   * Whether a receiver that lost frames is always told. AetherLite queues its BACKPRESSURE notice
   * in the same full buffer, so a receiver far behind usually never sees it; the embedded gateway
   * queues one notice ahead of further frames.
   */
  boolean alwaysAnnouncesDrops() {
    return true;
  }

  @AfterEach
  void closeAll() {
    streams.forEach(RawStream::close);
  }

  private InitConnection agentInit(String specifier) {
    return InitConnection.newBuilder()
        .setAgent(
            AgentIdentity.newBuilder()
                .setWorkspace(workspace)
                .setImplementation("parity")
                .setSpecifier(specifier))
        .build();
  }

  private String topic(String specifier) {
    return "ag::" + workspace + "::parity::" + specifier;
  }

  private RawStream agent(String specifier, boolean reading) throws InterruptedException {
    RawStream s = new RawStream(gatewayAddress(), reading);
    streams.add(s);
    s.init(agentInit(specifier));
    s.next(DownstreamMessage::hasConnectionAck);
    return s;
  }

  private static String text(DownstreamMessage m) {
    return m.getMsg().getPayload().toString(StandardCharsets.UTF_8);
  }

  @Test
  void sixHundredUnpacedSendsDeliverOneHundredAndThenTheQuotaError() throws Exception {
    RawStream receiver = agent("sink", true);
    RawStream sender = agent("burst", true);
    for (int i = 0; i < 600; i++) {
      sender.sendMessage(topic("sink"), ("m" + i).getBytes(StandardCharsets.UTF_8));
    }
    ErrorResponse quota =
        sender.next(m -> m.hasError() && m.getError().getCode().equals("ERR_QUOTA_001")).getError();
    assertThat(quota.getMessage())
        .isEqualTo(
            "quota exceeded for message_rate in workspace '"
                + workspace
                + "' (identity: "
                + topic("burst")
                + "): current 101, limit 100");
    assertThat(quota.getRetryable()).isTrue();
    assertThat(quota.getRetryAfterMs()).isEqualTo(1000);
    // Probe: once answered, every send before it has been handled.
    sender.sendMessage("bogus", new byte[0]);
    sender.next(m -> m.hasError() && m.getError().getCode().equals("ERR_INVALID_TOPIC"));
    AtomicInteger delivered = new AtomicInteger();
    await()
        .atMost(RawStream.WAIT)
        .until(
            () -> {
              DownstreamMessage m;
              while ((m = receiver.received.poll()) != null) {
                if (m.hasMsg()) {
                  delivered.incrementAndGet();
                }
              }
              return delivered.get() >= 100;
            });
    // Nothing beyond the quota arrives.
    receiver.sendMessage(topic("sink"), "self".getBytes(StandardCharsets.UTF_8));
    DownstreamMessage marker = receiver.next(DownstreamMessage::hasMsg);
    assertThat(text(marker)).isEqualTo("self");
    assertThat(delivered.get()).isEqualTo(100);
  }

  @Test
  void aReceiverThatDoesNotReadLosesLiveMessagesAndIsTold() throws Exception {
    RawStream slow = agent("slow", false);
    RawStream sender = agent("fast", true);
    // One quota window's worth (100) of near-maximum payloads: far more than 64 staged frames
    // plus what the transport buffers.
    byte[] payload = new byte[1_000_000];
    int sent = 100;
    for (int i = 0; i < sent; i++) {
      sender.sendMessage(topic("slow"), payload);
    }
    sender.sendMessage("bogus", new byte[0]);
    sender.next(m -> m.hasError() && m.getError().getCode().equals("ERR_INVALID_TOPIC"));
    slow.readAll();
    List<ErrorResponse> notices = new ArrayList<>();
    AtomicInteger delivered = new AtomicInteger();
    await()
        .atMost(RawStream.WAIT)
        .until(
            () -> {
              // A small marker behind the backlog; resent until one finds room in the buffer.
              slow.sendMessage(topic("slow"), "marker".getBytes(StandardCharsets.UTF_8));
              DownstreamMessage m;
              while ((m = slow.received.poll()) != null) {
                if (m.hasMsg() && m.getMsg().getPayload().size() == payload.length) {
                  delivered.incrementAndGet();
                } else if (m.hasMsg()) {
                  return true;
                } else if (m.hasError()) {
                  notices.add(m.getError());
                }
              }
              return false;
            });
    assertThat(delivered.get()).isLessThan(sent);
    assertThat(notices).allMatch(e -> e.getCode().equals("BACKPRESSURE"));
    if (alwaysAnnouncesDrops()) {
      assertThat(notices).hasSize(1);
    }
  }

  @Test
  void agentsThatConnectLaterReceiveRetainedBroadcasts() throws Exception {
    RawStream early = agent("early", true);
    early.sendMessage("ga::" + workspace, "hello-all".getBytes(StandardCharsets.UTF_8));
    assertThat(text(early.next(DownstreamMessage::hasMsg))).isEqualTo("hello-all");
    RawStream late = agent("late", true);
    // AetherLite may replay before its ack, so look at every frame the stream received.
    await()
        .atMost(RawStream.WAIT)
        .until(() -> late.all.stream().anyMatch(m -> m.hasMsg() && text(m).equals("hello-all")));
  }

  @Test
  void kvRejectionsCarryTheRequestId() throws Exception {
    RawStream a = agent("kv", true);
    String id = "kv-" + run;
    a.send(
        UpstreamMessage.newBuilder()
            .setKvOp(
                KVOperation.newBuilder()
                    .setOp(KVOperation.OpType.PUT)
                    .setScope(KVOperation.Scope.GLOBAL)
                    .setKey("k")
                    .setValue(com.google.protobuf.ByteString.copyFrom(new byte[1024 * 1024 + 1]))
                    .setRequestId(id))
            .build());
    ErrorResponse e = a.next(DownstreamMessage::hasError).getError();
    assertThat(e.getCode()).isEqualTo("ERR_QUOTA_001");
    assertThat(e.getRequestId()).isEqualTo(id);
  }

  @Test
  void checkpointAnswersCarryTheRequestId() throws Exception {
    RawStream a = agent("ckpt", true);
    String id = "cp-" + run;
    a.send(
        UpstreamMessage.newBuilder()
            .setCheckpointOp(
                CheckpointOperation.newBuilder()
                    .setOp(CheckpointOperation.OpType.LOAD)
                    .setKey("none")
                    .setRequestId(id))
            .build());
    DownstreamMessage answer = a.next(m -> m.hasCheckpoint() || m.hasError());
    assertThat(answer.hasCheckpoint() ? answer.getCheckpoint().getRequestId() : "").isEqualTo(id);
  }
}
