/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.github.aetherjava.proto.v1.AetherGatewayGrpc;
import io.github.aetherjava.proto.v1.AgentIdentity;
import io.github.aetherjava.proto.v1.BridgeIdentity;
import io.github.aetherjava.proto.v1.CheckpointOperation;
import io.github.aetherjava.proto.v1.CheckpointResponse;
import io.github.aetherjava.proto.v1.ConnectionAck;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.ErrorResponse;
import io.github.aetherjava.proto.v1.IncomingMessage;
import io.github.aetherjava.proto.v1.InitConnection;
import io.github.aetherjava.proto.v1.KVOperation;
import io.github.aetherjava.proto.v1.KVResponse;
import io.github.aetherjava.proto.v1.MessageType;
import io.github.aetherjava.proto.v1.MetricsBridgeIdentity;
import io.github.aetherjava.proto.v1.OrchestratorIdentity;
import io.github.aetherjava.proto.v1.SendMessage;
import io.github.aetherjava.proto.v1.ServiceIdentity;
import io.github.aetherjava.proto.v1.SwitchWorkspace;
import io.github.aetherjava.proto.v1.TaskIdentity;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import io.github.aetherjava.proto.v1.UserIdentity;
import io.github.aetherjava.proto.v1.WorkflowEngineIdentity;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/** A raw-stub client for tests: one Connect stream, received frames collected in a queue. */
final class TestClient implements AutoCloseable {

  static final Duration WAIT = Duration.ofSeconds(10);

  final LinkedBlockingQueue<DownstreamMessage> received = new LinkedBlockingQueue<>();
  final CompletableFuture<Status> closed = new CompletableFuture<>();
  private final ClientCallStreamObserver<UpstreamMessage> requests;
  private final @Nullable ManagedChannel ownedChannel;
  private volatile @Nullable ClientCallStreamObserver<UpstreamMessage> callRef;
  @Nullable ConnectionAck ack;

  private TestClient(Channel channel, boolean manualFlow, @Nullable ManagedChannel owned) {
    this.ownedChannel = owned;
    CompletableFuture<ClientCallStreamObserver<UpstreamMessage>> ref = new CompletableFuture<>();
    var observer =
        new ClientResponseObserver<UpstreamMessage, DownstreamMessage>() {
          @Override
          public void beforeStart(ClientCallStreamObserver<UpstreamMessage> requestStream) {
            if (manualFlow) {
              requestStream.disableAutoRequestWithInitial(1);
            }
            ref.complete(requestStream);
          }

          @Override
          public void onNext(DownstreamMessage value) {
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
        };
    AetherGatewayGrpc.newStub(channel).connect(observer);
    this.requests = ref.join();
    this.callRef = requests;
  }

  static TestClient open(Channel channel) {
    return new TestClient(channel, false, null);
  }

  /** A client that reads only the first frame and then stops reading (flow control). */
  static TestClient openNeverReading(ManagedChannel channel) {
    return new TestClient(channel, true, null);
  }

  static TestClient openOwning(ManagedChannel channel) {
    return new TestClient(channel, false, channel);
  }

  // ---- identities
  // ---------------------------------------------------------------------------------------------

  static InitConnection agent(String ws, String impl, String spec) {
    return InitConnection.newBuilder()
        .setAgent(
            AgentIdentity.newBuilder().setWorkspace(ws).setImplementation(impl).setSpecifier(spec))
        .build();
  }

  static InitConnection task(String ws, String impl, String uniqueSpec) {
    return InitConnection.newBuilder()
        .setTask(
            TaskIdentity.newBuilder()
                .setWorkspace(ws)
                .setImplementation(impl)
                .setUniqueSpecifier(uniqueSpec))
        .build();
  }

  static InitConnection user(String user, String window) {
    return InitConnection.newBuilder()
        .setUser(UserIdentity.newBuilder().setUserId(user).setWindowId(window))
        .build();
  }

  static InitConnection orchestrator(String impl, String spec) {
    return InitConnection.newBuilder()
        .setOrchestrator(
            OrchestratorIdentity.newBuilder()
                .setImplementation(impl)
                .setSpecifier(spec)
                .addSupportedProfiles("default"))
        .build();
  }

  static InitConnection wfe() {
    return InitConnection.newBuilder()
        .setWorkflowEngine(WorkflowEngineIdentity.getDefaultInstance())
        .build();
  }

  static InitConnection metricsBridge() {
    return InitConnection.newBuilder()
        .setMetricsBridge(MetricsBridgeIdentity.getDefaultInstance())
        .build();
  }

  static InitConnection bridge(String impl, String spec) {
    return InitConnection.newBuilder()
        .setBridge(BridgeIdentity.newBuilder().setImplementation(impl).setSpecifier(spec))
        .build();
  }

  static InitConnection service(String impl, String spec) {
    return InitConnection.newBuilder()
        .setService(ServiceIdentity.newBuilder().setImplementation(impl).setSpecifier(spec))
        .build();
  }

  // ---- operations
  // ----------------------------------------------------------------------------------------------

  void send(UpstreamMessage frame) {
    synchronized (requests) {
      requests.onNext(frame);
    }
  }

  /** Sends init and waits for the ack. */
  ConnectionAck connect(InitConnection init) {
    send(UpstreamMessage.newBuilder().setInit(init).build());
    DownstreamMessage first = next();
    assertThat(first.getPayloadCase())
        .as("first frame (stream status %s)", closed.getNow(null))
        .isEqualTo(DownstreamMessage.PayloadCase.CONNECTION_ACK);
    ack = first.getConnectionAck();
    return ack;
  }

  /** Sends init and waits for the stream to end; returns its status. */
  Status connectExpectingFailure(InitConnection init) {
    send(UpstreamMessage.newBuilder().setInit(init).build());
    return awaitClosed();
  }

  Status awaitClosed() {
    return closed.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
  }

  void sendMessage(String topic, String payload) {
    sendMessage(topic, payload.getBytes(StandardCharsets.UTF_8), MessageType.CHAT);
  }

  void sendMessage(String topic, byte[] payload, MessageType type) {
    send(
        UpstreamMessage.newBuilder()
            .setSend(
                SendMessage.newBuilder()
                    .setTargetTopic(topic)
                    .setPayload(ByteString.copyFrom(payload))
                    .setMessageType(type))
            .build());
  }

  void switchWorkspace(String ws) {
    send(
        UpstreamMessage.newBuilder()
            .setSwitchWorkspace(SwitchWorkspace.newBuilder().setNewWorkspaceId(ws))
            .build());
  }

  /** Sends a KV op with a fresh request id and returns the id. */
  String kvAsync(KVOperation.Builder op) {
    String id = op.getRequestId().isEmpty() ? UUID.randomUUID().toString() : op.getRequestId();
    send(UpstreamMessage.newBuilder().setKvOp(op.setRequestId(id)).build());
    return id;
  }

  /** Sends a KV op and waits for its KVResponse (fails on a correlated error without response). */
  KVResponse kv(KVOperation.Builder op) {
    String id = kvAsync(op);
    return next(f -> f.hasKv() && f.getKv().getRequestId().equals(id)).getKv();
  }

  CheckpointResponse checkpoint(CheckpointOperation.Builder op) {
    String id = UUID.randomUUID().toString();
    send(UpstreamMessage.newBuilder().setCheckpointOp(op.setRequestId(id)).build());
    return next(f -> f.hasCheckpoint() && f.getCheckpoint().getRequestId().equals(id))
        .getCheckpoint();
  }

  // ---- receiving
  // -----------------------------------------------------------------------------------------------

  DownstreamMessage next() {
    try {
      DownstreamMessage m = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      if (m == null) {
        throw new AssertionError(
            "no frame within " + WAIT + " (stream status " + closed.getNow(null) + ")");
      }
      return m;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Next frame matching {@code p}; frames before it are discarded. */
  DownstreamMessage next(Predicate<DownstreamMessage> p) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    List<DownstreamMessage> skipped = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      try {
        DownstreamMessage m = received.poll(100, TimeUnit.MILLISECONDS);
        if (m == null) {
          continue;
        }
        if (p.test(m)) {
          return m;
        }
        skipped.add(m);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError(
        "no matching frame within "
            + WAIT
            + "; skipped "
            + skipped
            + " (stream status "
            + closed.getNow(null)
            + ")");
  }

  IncomingMessage nextMessage() {
    return next(DownstreamMessage::hasMsg).getMsg();
  }

  ErrorResponse nextError() {
    return next(DownstreamMessage::hasError).getError();
  }

  /** Next frame must be an error (nothing else in between). */
  ErrorResponse expectError(String code) {
    DownstreamMessage m = next();
    assertThat(m.getPayloadCase()).as("frame %s", m).isEqualTo(DownstreamMessage.PayloadCase.ERROR);
    assertThat(m.getError().getCode()).as("error %s", m.getError()).isEqualTo(code);
    return m.getError();
  }

  /** Requests {@code n} more frames (manual flow-control clients only). */
  void request(int n) {
    var c = callRef;
    if (c != null) {
      c.request(n);
    }
  }

  static String utf8(ByteString b) {
    return b.toString(StandardCharsets.UTF_8);
  }

  static Map<String, String> utf8(Map<String, ByteString> m) {
    var out = new java.util.TreeMap<String, String>();
    m.forEach((k, v) -> out.put(k, utf8(v)));
    return out;
  }

  /** Half-closes (graceful goodbye). */
  void halfClose() {
    synchronized (requests) {
      requests.onCompleted();
    }
  }

  @Override
  public void close() {
    if (!closed.isDone()) {
      try {
        requests.cancel("test done", null);
      } catch (RuntimeException ignored) {
        // already closed
      }
    }
    ManagedChannel ch = ownedChannel;
    if (ch != null) {
      ch.shutdownNow();
    }
  }
}
