/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGatewayMain;
import io.github.aetherjava.proto.v1.AetherGatewayGrpc;
import io.github.aetherjava.proto.v1.AgentIdentity;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.InitConnection;
import io.github.aetherjava.proto.v1.KVOperation;
import io.github.aetherjava.proto.v1.MessageType;
import io.github.aetherjava.proto.v1.SendMessage;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the standalone gateway under load loses nothing acknowledged under {@code
 * --durability always}: every KV PUT answered with success is there after a restart, and so is
 * every message the same connection sent before that PUT.
 */
class StandaloneCrashTest {

  static final int WRITERS = 4;
  static final int ACKED_BEFORE_KILL = 3000;
  static final String OFFLINE = "ag::crash::impl::offline";

  @TempDir Path data;
  @TempDir Path logs;
  private final List<Process> processes = new ArrayList<>();
  private final List<ManagedChannel> channels = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    channels.forEach(ManagedChannel::shutdownNow);
    processes.forEach(Process::destroyForcibly);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Starts the standalone gateway in its own JVM; returns once it listens. */
  private Process startGateway(int port, String name) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    Path out = logs.resolve(name + ".log");
    Process p =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                EmbeddedAetherGatewayMain.class.getName(),
                "--port",
                Integer.toString(port),
                "--data-dir",
                data.toString(),
                "--durability",
                "always")
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    processes.add(p);
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              assertThat(p.isAlive()).as("gateway process (%s)", out).isTrue();
              return Files.readString(out).contains("listening on");
            });
    return p;
  }

  private ManagedChannel channel(int port) {
    ManagedChannel ch = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    channels.add(ch);
    return ch;
  }

  private static InitConnection agent(String spec) {
    return InitConnection.newBuilder()
        .setAgent(
            AgentIdentity.newBuilder()
                .setWorkspace("crash")
                .setImplementation("impl")
                .setSpecifier(spec))
        .build();
  }

  private static UpstreamMessage put(String key, String value) {
    return UpstreamMessage.newBuilder()
        .setKvOp(
            KVOperation.newBuilder()
                .setOp(KVOperation.OpType.PUT)
                .setScope(KVOperation.Scope.GLOBAL)
                .setKey(key)
                .setValue(ByteString.copyFromUtf8(value))
                .setRequestId(key))
        .build();
  }

  /** One writer: message i to the offline agent, then PUT w{n}-{i}; records acknowledged i. */
  private static final class Writer implements StreamObserver<DownstreamMessage> {
    final int n;
    final ConcurrentSkipListSet<Integer> acked = new ConcurrentSkipListSet<>();
    final Semaphore window = new Semaphore(32);
    final AtomicBoolean dead = new AtomicBoolean();
    final LinkedBlockingQueue<DownstreamMessage> acks = new LinkedBlockingQueue<>();
    StreamObserver<UpstreamMessage> up;

    Writer(int n) {
      this.n = n;
    }

    @Override
    public void onNext(DownstreamMessage m) {
      if (m.hasConnectionAck()) {
        acks.add(m);
      } else if (m.hasKv()) {
        if (m.getKv().getSuccess()) {
          String id = m.getKv().getRequestId();
          acked.add(Integer.parseInt(id.substring(id.indexOf('-') + 1)));
        }
        window.release();
      }
    }

    @Override
    public void onError(Throwable t) {
      dead.set(true);
      window.release(1000);
    }

    @Override
    public void onCompleted() {
      onError(new IllegalStateException("completed"));
    }

    void run() {
      try {
        for (int i = 0; !dead.get(); i++) {
          window.acquire();
          if (dead.get()) {
            return;
          }
          synchronized (this) {
            up.onNext(
                UpstreamMessage.newBuilder()
                    .setSend(
                        SendMessage.newBuilder()
                            .setTargetTopic(OFFLINE)
                            .setMessageType(MessageType.OPAQUE)
                            .setPayload(ByteString.copyFromUtf8(n + ":" + i)))
                    .build());
            up.onNext(put("w" + n + "-" + i, "v" + i));
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        // the stream died with the gateway
      }
    }
  }

  @Test
  void killNineUnderLoadLosesNothingAcknowledged() throws Exception {
    int port = freePort();
    Process first = startGateway(port, "first");
    ManagedChannel ch = channel(port);
    List<Writer> writers = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      Writer writer = new Writer(w);
      writer.up = AetherGatewayGrpc.newStub(ch).connect(writer);
      writer.up.onNext(UpstreamMessage.newBuilder().setInit(agent("writer" + w)).build());
      assertThat(writer.acks.poll(30, TimeUnit.SECONDS)).isNotNull();
      writers.add(writer);
      Thread t = new Thread(writer::run, "crash-writer-" + w);
      t.start();
      threads.add(t);
    }
    Awaitility.await()
        .atMost(Duration.ofSeconds(120))
        .until(() -> writers.stream().mapToInt(x -> x.acked.size()).sum() >= ACKED_BEFORE_KILL);

    first.destroyForcibly(); // SIGKILL: no shutdown hook, no final commit
    first.waitFor(30, TimeUnit.SECONDS);
    for (Thread t : threads) {
      t.join(30_000);
    }
    // What the clients saw acknowledged before the kill.
    Map<Integer, Set<Integer>> acked = new HashMap<>();
    for (Writer w : writers) {
      acked.put(w.n, new HashSet<>(w.acked));
    }

    startGateway(port, "second");
    ManagedChannel ch2 = channel(port);
    LinkedBlockingQueue<DownstreamMessage> frames = new LinkedBlockingQueue<>();
    StreamObserver<UpstreamMessage> reader =
        AetherGatewayGrpc.newStub(ch2)
            .connect(
                new StreamObserver<>() {
                  @Override
                  public void onNext(DownstreamMessage m) {
                    frames.add(m);
                  }

                  @Override
                  public void onError(Throwable t) {}

                  @Override
                  public void onCompleted() {}
                });
    reader.onNext(UpstreamMessage.newBuilder().setInit(agent("offline")).build());
    // Every acknowledged PUT is there.
    Map<String, String> missing = new ConcurrentHashMap<>();
    for (var e : acked.entrySet()) {
      for (int i : e.getValue()) {
        String key = "w" + e.getKey() + "-" + i;
        missing.put(key, "v" + i);
        reader.onNext(
            UpstreamMessage.newBuilder()
                .setKvOp(
                    KVOperation.newBuilder()
                        .setOp(KVOperation.OpType.GET)
                        .setScope(KVOperation.Scope.GLOBAL)
                        .setKey(key)
                        .setRequestId(key))
                .build());
      }
    }
    Map<Integer, Set<Integer>> messages = new HashMap<>();
    int expectedGets = missing.size();
    int[] answered = {0};
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              DownstreamMessage m;
              while ((m = frames.poll()) != null) {
                if (m.hasKv()) {
                  answered[0]++;
                  String key = m.getKv().getRequestId();
                  if (m.getKv().getValue().toStringUtf8().equals(missing.get(key))) {
                    missing.remove(key);
                  }
                } else if (m.hasMsg()) {
                  String[] p = m.getMsg().getPayload().toString(StandardCharsets.UTF_8).split(":");
                  messages
                      .computeIfAbsent(Integer.parseInt(p[0]), k -> new HashSet<>())
                      .add(Integer.parseInt(p[1]));
                }
              }
              return answered[0] == expectedGets && messagesComplete(acked, messages);
            });
    assertThat(missing).as("acknowledged PUTs lost").isEmpty();
    reader.onCompleted();
  }

  /** Every message sent before a writer's last acknowledged PUT has arrived. */
  private static boolean messagesComplete(
      Map<Integer, Set<Integer>> acked, Map<Integer, Set<Integer>> messages) {
    for (var e : acked.entrySet()) {
      int last = e.getValue().stream().mapToInt(Integer::intValue).max().orElse(-1);
      Set<Integer> got = messages.getOrDefault(e.getKey(), Set.of());
      for (int i = 0; i <= last; i++) {
        if (!got.contains(i)) {
          return false;
        }
      }
    }
    return true;
  }
}
