/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AetherChannelPool;
import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.ClientObserver;
import io.github.aetherjava.client.ConnectionState;
import io.github.aetherjava.client.GatewayError;
import io.github.aetherjava.client.IncomingMessage;
import io.github.aetherjava.client.MessageType;
import io.github.aetherjava.client.RequestObservation;
import io.github.aetherjava.client.kv.KvTarget;
import io.github.aetherjava.client.kv.KvValue;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Concurrency guarantees of one client and between clients: lifecycle races, hand-offs refused by
 * the callback executor, handlers that wait on their own client, isolation, and SDK threads.
 */
class ClientConcurrencyTest {

  /** Iterations of the lifecycle stress; reliability-tests runs many more. */
  static final int LIFECYCLE_ITERATIONS = Integer.getInteger("aether.stress.iterations", 150);

  private static EmbeddedAetherGateway gw;
  private final List<AetherClient> clients = new ArrayList<>();
  private final List<ExecutorService> executors = new ArrayList<>();

  @BeforeAll
  static void start() {
    gw =
        EmbeddedAetherGateway.builder()
            .tcp(false)
            .inProcessName("concurrency-" + UUID.randomUUID())
            .start();
  }

  @AfterAll
  static void stop() {
    gw.close();
  }

  @AfterEach
  void closeClients() {
    clients.forEach(AetherClient::close);
    executors.forEach(ExecutorService::shutdownNow);
  }

  private AgentClient agent(String spec, AetherClientOptions.Builder options) {
    AgentClient a =
        AgentClient.builder(options.address(gw.inProcessAddress()).build())
            .workspace("ws")
            .implementation("impl")
            .specifier(spec)
            .build();
    clients.add(a);
    return a;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  // ------------------------------------------------------------------ lifecycle

  @Test
  void everyInterleavingOfConnectDisconnectAndCloseEndsClosedAndReleasesTheChannel()
      throws Exception {
    ExecutorService racers = Executors.newFixedThreadPool(3);
    executors.add(racers);
    try (AetherChannelPool pool = AetherChannelPool.create()) {
      for (int i = 0; i < LIFECYCLE_ITERATIONS; i++) {
        AgentClient c =
            AgentClient.builder(
                    AetherClientOptions.builder()
                        .address(gw.inProcessAddress())
                        .channelPool(pool)
                        .build())
                .workspace("ws")
                .implementation("life")
                .specifier("c" + i)
                .build();
        int pattern = ThreadLocalRandom.current().nextInt(4);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<?>> ends = new CopyOnWriteArrayList<>();
        List<java.util.concurrent.Future<?>> racing = new ArrayList<>();
        racing.add(racers.submit(() -> awaitAndRun(go, () -> ends.add(c.connect()))));
        racing.add(
            racers.submit(
                () ->
                    awaitAndRun(
                        go,
                        () -> {
                          if (pattern == 0) {
                            c.close();
                          } else {
                            ends.add(c.disconnect());
                          }
                        })));
        if (pattern >= 2) {
          racing.add(racers.submit(() -> awaitAndRun(go, () -> ends.add(c.connect()))));
        }
        go.countDown();
        for (java.util.concurrent.Future<?> f : racing) {
          f.get(10, TimeUnit.SECONDS);
        }
        // whatever won, a disconnect afterwards must end it for good
        c.disconnect().handle((v, e) -> null).get(10, TimeUnit.SECONDS);
        for (CompletableFuture<?> f : ends) {
          await()
              .pollDelay(Duration.ZERO)
              .pollInterval(Duration.ofMillis(1))
              .atMost(Duration.ofSeconds(10))
              .until(f::isDone);
        }
        assertThat(c.state())
            .as("iteration %d, pattern %d", i, pattern)
            .isEqualTo(ConnectionState.CLOSED);
      }
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(pool.size()).as("channels left open").isZero());
    }
  }

  private static void awaitAndRun(CountDownLatch go, Runnable r) {
    try {
      go.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    r.run();
  }

  // ------------------------------------------------------------------ refused hand-offs

  @Test
  void aBoundedExecutorThatRefusesWorkLosesNoCompletionAndRunsNothingOnGrpcThreads()
      throws Exception {
    ThreadPoolExecutor small =
        new ThreadPoolExecutor(
            1,
            1,
            1,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1),
            new ThreadPoolExecutor.AbortPolicy());
    executors.add(small);
    AtomicLong rejected = new AtomicLong();
    AgentClient a =
        agent(
            "rejecting",
            AetherClientOptions.builder()
                .callbackExecutor(small)
                .addObserver(
                    new ClientObserver() {
                      @Override
                      public void onCallbackRejected(
                          AetherClient client, RejectedExecutionException error) {
                        rejected.incrementAndGet();
                      }
                    }));
    a.connect().get(10, TimeUnit.SECONDS);
    a.kv().putBlocking(KvTarget.workspaceExclusive(), "k", utf8("v"));
    // occupy the only thread and the only queue slot, so every hand-off from now on is refused
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch busy = new CountDownLatch(1);
    small.execute(
        () -> {
          busy.countDown();
          awaitQuietly(release);
        });
    busy.await(10, TimeUnit.SECONDS);
    try {
      small.execute(() -> {});
    } catch (RejectedExecutionException slotTaken) {
      // a late hand-off of the client's own (connection or KV bookkeeping) took the slot: just as
      // full
    }
    Set<String> threads = ConcurrentHashMap.newKeySet();
    List<CompletableFuture<Void>> done = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      done.add(
          a.kv()
              .get(KvTarget.workspaceExclusive(), "k")
              .thenAccept(v -> threads.add(Thread.currentThread().getName())));
    }
    try {
      CompletableFuture.allOf(done.toArray(new CompletableFuture<?>[0])).get(10, TimeUnit.SECONDS);
    } finally {
      release.countDown();
    }
    assertThat(rejected.get()).as("the executor refused some hand-offs").isPositive();
    assertThat(threads).noneMatch(t -> t.startsWith("grpc-"));
    assertThat(a.state()).isEqualTo(ConnectionState.READY);
  }

  @Test
  void anExecutorThatIsShutDownStillGetsHandlersAndCloseCompleted() throws Exception {
    ExecutorService single = Executors.newSingleThreadExecutor();
    executors.add(single);
    AgentClient receiver = agent("shut-rx", AetherClientOptions.builder().callbackExecutor(single));
    AgentClient sender = agent("shut-tx", AetherClientOptions.builder());
    receiver.connect().get(10, TimeUnit.SECONDS);
    sender.connect().get(10, TimeUnit.SECONDS);
    single.shutdown();
    Set<String> threads = ConcurrentHashMap.newKeySet();
    AtomicInteger received = new AtomicInteger();
    receiver.onMessage(
        m -> {
          threads.add(Thread.currentThread().getName());
          received.incrementAndGet();
        });
    for (int i = 0; i < 10; i++) {
      sender.send(receiver.topic(), utf8("m" + i));
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> received.get() == 10);
    assertThat(threads).allMatch(t -> t.startsWith("aether-rescue-"));
    receiver.disconnect().get(10, TimeUnit.SECONDS);
    assertThat(receiver.state()).isEqualTo(ConnectionState.CLOSED);
  }

  // ------------------------------------------------------------------ re-entrant handlers

  @Test
  void aHandlerBlockingOnItsOwnClientWorksBehindABurstOfAThousandMessages() throws Exception {
    AgentClient sender = agent("burst-tx", AetherClientOptions.builder());
    AgentClient receiver = agent("burst-rx", AetherClientOptions.builder());
    sender.connect().get(10, TimeUnit.SECONDS);
    receiver.connect().get(10, TimeUnit.SECONDS);
    receiver.kv().putBlocking(KvTarget.workspaceExclusive(), "n", utf8("42"));
    AtomicInteger ok = new AtomicInteger();
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    receiver.onMessage(
        m -> {
          try {
            KvValue v = receiver.kv().getBlocking(KvTarget.workspaceExclusive(), "n");
            if (v.asLong() == 42) {
              ok.incrementAndGet();
            }
          } catch (RuntimeException e) {
            failures.add(e);
          }
        });
    for (int i = 0; i < 1000; i++) {
      sender.send(receiver.topic(), utf8("m" + i));
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> ok.get() + failures.size() == 1000);
    assertThat(failures).isEmpty();
    assertThat(ok.get()).isEqualTo(1000);
  }

  @Test
  void aHandlerJoiningAnAsyncRequestOnASingleThreadExecutorCompletes() throws Exception {
    ExecutorService single = Executors.newSingleThreadExecutor();
    executors.add(single);
    AgentClient sender = agent("join-tx", AetherClientOptions.builder());
    AgentClient receiver = agent("join-rx", AetherClientOptions.builder().callbackExecutor(single));
    sender.connect().get(10, TimeUnit.SECONDS);
    receiver.connect().get(10, TimeUnit.SECONDS);
    receiver.kv().putBlocking(KvTarget.workspaceExclusive(), "n", utf8("7"));
    AtomicInteger ok = new AtomicInteger();
    receiver.onMessage(
        m -> {
          // the executor's only thread runs this handler: the response must not need it
          if (receiver.kv().get(KvTarget.workspaceExclusive(), "n").join().asLong() == 7) {
            ok.incrementAndGet();
          }
        });
    for (int i = 0; i < 100; i++) {
      sender.send(receiver.topic(), utf8("m" + i));
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> ok.get() == 100);
  }

  // ------------------------------------------------------------------ isolation

  @Test
  void aClientWhoseHandlersBlockForeverDoesNotStallAnother() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    AgentClient sender = agent("iso-tx", AetherClientOptions.builder());
    AgentClient blocked = agent("iso-a", AetherClientOptions.builder());
    AgentClient healthy = agent("iso-b", AetherClientOptions.builder());
    sender.connect().get(10, TimeUnit.SECONDS);
    blocked.connect().get(10, TimeUnit.SECONDS);
    healthy.connect().get(10, TimeUnit.SECONDS);
    blocked.onMessage(m -> never.await());
    AtomicInteger received = new AtomicInteger();
    healthy.onMessage(m -> received.incrementAndGet());
    try {
      for (int i = 0; i < 200; i++) {
        sender.send(blocked.topic(), utf8("a" + i));
      }
      for (int i = 0; i < 200; i++) {
        sender.send(healthy.topic(), utf8("b" + i));
      }
      await().atMost(Duration.ofSeconds(20)).until(() -> received.get() == 200);
      healthy.kv().putBlocking(KvTarget.workspaceExclusive(), "still", utf8("works"));
      assertThat(
              healthy
                  .kv()
                  .get(KvTarget.workspaceExclusive(), "still")
                  .get(10, TimeUnit.SECONDS)
                  .asString())
          .isEqualTo("works");
    } finally {
      never.countDown();
    }
  }

  @Test
  @Tag("isolated")
  void noSdkThreadIsAliveAfterTheLastClientCloses() throws Exception {
    // the gateway's own threads are not the client's
    AgentClient a = agent("threads-a", AetherClientOptions.builder());
    AgentClient b = agent("threads-b", AetherClientOptions.builder());
    a.connect().get(10, TimeUnit.SECONDS);
    b.connect().get(10, TimeUnit.SECONDS);
    CountDownLatch got = new CountDownLatch(5);
    b.onMessage(m -> got.countDown());
    for (int i = 0; i < 5; i++) {
      a.send(b.topic(), utf8("x"));
    }
    assertThat(got.await(10, TimeUnit.SECONDS)).isTrue();
    a.kv().putBlocking(KvTarget.workspaceExclusive(), "t", utf8("1"));
    closeClients();
    clients.clear();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(Thread.getAllStackTraces().keySet())
                    .extracting(Thread::getName)
                    .noneMatch(n -> n.startsWith("aether-") && !userOwned(n)));
  }

  /** The gateway's threads, and pools the application created and owns (CallbackExecutors). */
  private static boolean userOwned(String threadName) {
    return threadName.startsWith("aether-embedded-") || threadName.contains("-polling-");
  }

  // ------------------------------------------------------------------ observers

  @Test
  void observersThatThrowNeverBreakTheStreamSendsOrRequests() throws Exception {
    ClientObserver hostile =
        new ClientObserver() {
          @Override
          public void onStateChanged(
              AetherClient client, ConnectionState from, ConnectionState to, Throwable cause) {
            throw new IllegalStateException("observer");
          }

          @Override
          public void onMessageSent(AetherClient client, String topic, MessageType type, int n) {
            throw new IllegalStateException("observer");
          }

          @Override
          public void onMessageReceived(AetherClient client, IncomingMessage message) {
            throw new IllegalStateException("observer");
          }

          @Override
          public void onGatewayError(AetherClient client, GatewayError error) {
            throw new IllegalStateException("observer");
          }

          @Override
          public RequestObservation onRequest(AetherClient client, String operation) {
            return error -> {
              throw new IllegalStateException("observer");
            };
          }
        };
    AgentClient a = agent("hostile-a", AetherClientOptions.builder().addObserver(hostile));
    AgentClient b = agent("hostile-b", AetherClientOptions.builder().addObserver(hostile));
    a.connect().get(10, TimeUnit.SECONDS);
    b.connect().get(10, TimeUnit.SECONDS);
    AtomicInteger received = new AtomicInteger();
    b.onMessage(m -> received.incrementAndGet());
    for (int i = 0; i < 20; i++) {
      a.send(b.topic(), utf8("m")).get(10, TimeUnit.SECONDS);
    }
    a.kv().put(KvTarget.workspaceExclusive(), "k", utf8("v")).get(10, TimeUnit.SECONDS);
    assertThat(a.kv().get(KvTarget.workspaceExclusive(), "k").get(10, TimeUnit.SECONDS).asString())
        .isEqualTo("v");
    await().atMost(Duration.ofSeconds(10)).until(() -> received.get() == 20);
    assertThat(a.state()).isEqualTo(ConnectionState.READY);
    a.disconnect().get(10, TimeUnit.SECONDS);
    assertThat(a.state()).isEqualTo(ConnectionState.CLOSED);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
