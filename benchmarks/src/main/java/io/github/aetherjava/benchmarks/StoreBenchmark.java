/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.benchmarks;

import com.google.protobuf.ByteString;
import io.github.aetherjava.gateway.embedded.DurabilityPolicy;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The embedded gateway's message and KV store: in memory versus the MVStore file store under both
 * durability policies. Per store: messages/s routed to offline agents (stored), KV PUT/s with 64
 * requests in flight per stream, and the heap the stored messages retain.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.aetherjava.benchmarks.StoreBenchmark \
 *     [--messages 200000] [--puts 40000] [--reps 3]
 * </pre>
 */
public final class StoreBenchmark {

  static final int STREAMS = 4;
  static final int TOPICS = 10_000;
  static final int KV_WINDOW = 64;

  private StoreBenchmark() {}

  private enum Store {
    MEMORY,
    FILE_BATCHED,
    FILE_ALWAYS
  }

  private record Result(double msgPerSec, double putPerSec, double retainedMiB) {}

  /**
   * Runs the benchmark and prints a Markdown table.
   *
   * @param args {@code --messages n}, {@code --puts n}, {@code --reps n}
   */
  public static void main(String[] args) throws Exception {
    int messages = 200_000;
    int puts = 40_000;
    int reps = 3;
    for (int i = 0; i + 1 < args.length; i += 2) {
      int v = Integer.parseInt(args[i + 1]);
      switch (args[i]) {
        case "--messages" -> messages = v;
        case "--puts" -> puts = v;
        case "--reps" -> reps = v;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "| store | routed msg/s to offline agents (%d msgs, %d topics) | KV PUT/s (%d streams x %d in"
            + " flight) | heap retained by stored messages |%n|---|---|---|---|%n",
        messages,
        TOPICS,
        STREAMS,
        KV_WINDOW);
    for (Store store : Store.values()) {
      List<Result> runs = new ArrayList<>();
      run(store, 2_000, 2_000); // warm-up
      for (int r = 0; r < reps; r++) {
        runs.add(run(store, messages, puts));
      }
      System.out.printf(
          Locale.ROOT,
          "| %s | %s | %s | %s |%n",
          store.name().toLowerCase(Locale.ROOT).replace('_', ' '),
          cell(runs.stream().mapToDouble(Result::msgPerSec).sorted().toArray(), "%.0f"),
          cell(runs.stream().mapToDouble(Result::putPerSec).sorted().toArray(), "%.0f"),
          cell(runs.stream().mapToDouble(Result::retainedMiB).sorted().toArray(), "%.1f MiB"));
    }
  }

  private static String cell(double[] sorted, String format) {
    String median = String.format(Locale.ROOT, format, sorted[sorted.length / 2]);
    return median
        + " ("
        + String.format(Locale.ROOT, format, sorted[0])
        + " – "
        + String.format(Locale.ROOT, format, sorted[sorted.length - 1])
        + ")";
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      used = Math.min(used, rt.totalMemory() - rt.freeMemory());
    }
    return used;
  }

  private static Result run(Store store, int messages, int puts) throws Exception {
    Path dir = store == Store.MEMORY ? null : Files.createTempDirectory("store-bench");
    long before = usedHeap();
    EmbeddedAetherGateway.Builder b = EmbeddedAetherGateway.builder().port(0);
    if (dir != null) {
      b.dataDirectory(dir)
          .durability(
              store == Store.FILE_ALWAYS ? DurabilityPolicy.ALWAYS : DurabilityPolicy.BATCHED);
    }
    try (EmbeddedAetherGateway gw = b.start()) {
      ManagedChannel ch = NettyChannelBuilder.forTarget(gw.address()).usePlaintext().build();
      try {
        double msgs = sends(ch, messages);
        double retained = (usedHeap() - before) / (1024.0 * 1024.0);
        double kv = kvPuts(ch, puts);
        return new Result(msgs, kv, retained);
      } finally {
        ch.shutdownNow();
      }
    } finally {
      if (dir != null) {
        delete(dir);
      }
    }
  }

  /** A stream that counts KV responses and answers to a final probe. */
  private static final class Stream1 implements StreamObserver<DownstreamMessage> {
    final CountDownLatch ack = new CountDownLatch(1);
    final CountDownLatch probe = new CountDownLatch(1);
    final Semaphore window = new Semaphore(KV_WINDOW);
    @Nullable StreamObserver<UpstreamMessage> up;

    @Override
    public void onNext(DownstreamMessage m) {
      if (m.hasConnectionAck()) {
        ack.countDown();
      } else if (m.hasKv()) {
        window.release();
      } else if (m.hasError() && m.getError().getCode().equals("ERR_INVALID_TOPIC")) {
        probe.countDown();
      }
    }

    @Override
    public void onError(Throwable t) {
      probe.countDown();
      window.release(1 << 20);
    }

    @Override
    public void onCompleted() {}
  }

  private static List<Stream1> open(ManagedChannel ch, String prefix) throws InterruptedException {
    List<Stream1> streams = new ArrayList<>();
    for (int s = 0; s < STREAMS; s++) {
      Stream1 st = new Stream1();
      StreamObserver<UpstreamMessage> up = AetherGatewayGrpc.newStub(ch).connect(st);
      st.up = up;
      up.onNext(
          UpstreamMessage.newBuilder()
              .setInit(
                  InitConnection.newBuilder()
                      .setAgent(
                          AgentIdentity.newBuilder()
                              .setWorkspace("bench")
                              .setImplementation(prefix)
                              .setSpecifier("s" + s)))
              .build());
      if (!st.ack.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("no ack");
      }
      streams.add(st);
    }
    return streams;
  }

  private static double sends(ManagedChannel ch, int messages) throws Exception {
    List<Stream1> streams = open(ch, "sender");
    ByteString payload = ByteString.copyFrom(new byte[64]);
    long start = System.nanoTime();
    List<Thread> threads = new ArrayList<>();
    for (int s = 0; s < STREAMS; s++) {
      Stream1 st = streams.get(s);
      int from = s;
      Thread t =
          new Thread(
              () -> {
                StreamObserver<UpstreamMessage> up = st.up;
                for (int i = from; i < messages; i += STREAMS) {
                  up.onNext(
                      UpstreamMessage.newBuilder()
                          .setSend(
                              SendMessage.newBuilder()
                                  .setTargetTopic("ag::bench::offline::a" + (i % TOPICS))
                                  .setMessageType(MessageType.OPAQUE)
                                  .setPayload(payload))
                          .build());
                }
                up.onNext(
                    UpstreamMessage.newBuilder()
                        .setSend(SendMessage.newBuilder().setTargetTopic("bogus"))
                        .build());
              });
      t.start();
      threads.add(t);
    }
    for (Stream1 st : streams) {
      st.probe.await(10, TimeUnit.MINUTES);
    }
    double secs = (System.nanoTime() - start) / 1e9;
    for (Thread t : threads) {
      t.join();
    }
    streams.forEach(st -> st.up.onCompleted());
    return messages / secs;
  }

  private static double kvPuts(ManagedChannel ch, int puts) throws Exception {
    List<Stream1> streams = open(ch, "kv");
    ByteString value = ByteString.copyFrom(new byte[64]);
    long start = System.nanoTime();
    List<Thread> threads = new ArrayList<>();
    for (int s = 0; s < STREAMS; s++) {
      Stream1 st = streams.get(s);
      int from = s;
      Thread t =
          new Thread(
              () -> {
                try {
                  for (int i = from; i < puts; i += STREAMS) {
                    st.window.acquire();
                    st.up.onNext(
                        UpstreamMessage.newBuilder()
                            .setKvOp(
                                KVOperation.newBuilder()
                                    .setOp(KVOperation.OpType.PUT)
                                    .setScope(KVOperation.Scope.GLOBAL)
                                    .setKey("k" + i)
                                    .setValue(value)
                                    .setRequestId("r" + i))
                            .build());
                  }
                  st.window.acquire(KV_WINDOW);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join();
    }
    double secs = (System.nanoTime() - start) / 1e9;
    streams.forEach(st -> st.up.onCompleted());
    return puts / secs;
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
