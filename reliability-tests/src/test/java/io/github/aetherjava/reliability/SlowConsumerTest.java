/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.reliability;

import static io.github.aetherjava.reliability.Fixtures.agent;
import static io.github.aetherjava.reliability.Fixtures.agentTopic;
import static io.github.aetherjava.reliability.Fixtures.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.github.aetherjava.gateway.embedded.SessionInfo;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Slow consumer: the receiver's handler blocks while a sender tries to push 50,000 messages of 1
 * KiB. Back-pressure must reach all the way back: the client reads only its inbound window ahead of
 * the handler, gRPC flow control stops the gateway from writing, the gateway stops reading the
 * sender once the consumer's backlog passes its push-back threshold, and the sender's sends stop
 * completing. Nothing grows without bound (heap ceiling far below the 50 MiB of payload), and after
 * the release every message arrives, in order.
 */
@Order(30)
class SlowConsumerTest {

  static final int N = 50_000;
  static final int PAYLOAD = 1024;

  /**
   * Sends the producer keeps outstanding (its own bound, below the client's 10,000-frame buffer).
   */
  static final int OUTSTANDING = 2_000;

  @Test
  void blockedHandlerPushesBackToTheSenderKeepsHeapBoundedAndLosesNothing() throws Exception {
    try (EmbeddedAetherGateway gw = EmbeddedAetherGateway.builder().start();
        AgentClient receiver = agent(options(gw.address()).build(), "slow");
        AgentClient sender = agent(options(gw.address()).build(), "fast")) {
      CountDownLatch release = new CountDownLatch(1);
      AtomicInteger received = new AtomicInteger();
      AtomicInteger outOfOrder = new AtomicInteger();
      AtomicLong lastSeq = new AtomicLong(-1);
      receiver.onMessage(
          m -> {
            release.await();
            long seq = ByteBuffer.wrap(m.payload()).getLong();
            if (seq != lastSeq.get() + 1) {
              outOfOrder.incrementAndGet();
            }
            lastSeq.set(seq);
            received.incrementAndGet();
          });
      receiver.connectBlocking();
      sender.connectBlocking();
      long baseline = usedHeapAfterGc();

      Semaphore window = new Semaphore(OUTSTANDING);
      AtomicInteger issued = new AtomicInteger();
      AtomicInteger completed = new AtomicInteger();
      AtomicReference<@Nullable Throwable> sendFailure = new AtomicReference<>();
      Thread producer =
          new Thread(
              () -> {
                for (int i = 0; i < N; i++) {
                  window.acquireUninterruptibly();
                  byte[] payload = new byte[PAYLOAD];
                  ByteBuffer.wrap(payload).putLong(i);
                  sender
                      .send(agentTopic("slow"), payload)
                      .whenComplete(
                          (v, e) -> {
                            if (e != null) {
                              sendFailure.compareAndSet(null, e);
                            }
                            completed.incrementAndGet();
                            window.release();
                          });
                  issued.incrementAndGet();
                }
              },
              "slow-consumer-producer");
      producer.setDaemon(true);
      producer.start();

      String topic = agentTopic("slow");
      // the gateway stops reading the sender: back-pressure has reached the producer
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> senderPaused(gw, sender.identity()) && window.availablePermits() == 0);
      int backlog = gw.topicBacklog(topic);
      int issuedWhileBlocked = issued.get();
      int completedWhileBlocked = completed.get();
      long growth = usedHeapAfterGc() - baseline;
      long ceiling = 32L * 1024 * 1024;
      assertThat(received.get()).as("the handler is blocked").isZero();

      release.countDown();
      await()
          .atMost(Duration.ofSeconds(150))
          .until(() -> received.get() >= N && completed.get() == N);
      producer.join(10_000);
      Fixtures.report(
          "slow-consumer",
          String.format(
              """
          SlowConsumerTest: %d messages of %d B to a blocked handler (gateway push-back threshold 1000)
          | sender stopped after (completed sends) | gateway backlog while blocked | heap growth while blocked | ceiling | received after release | out of order | dropped at gateway | failed sends |
          |---|---|---|---|---|---|---|---|
          | %d | %d | %.1f MiB | %.0f MiB | %d | %d | %d | %s |""",
              N,
              PAYLOAD,
              completedWhileBlocked,
              backlog,
              growth / 1048576.0,
              ceiling / 1048576.0,
              received.get(),
              outOfOrder.get(),
              gw.droppedMessages(topic),
              sendFailure.get() == null ? "0" : sendFailure.get().toString()));

      assertThat(issuedWhileBlocked).as("the sender was held back").isLessThan(N / 2);
      assertThat(growth).as("heap growth while the handler is blocked").isLessThan(ceiling);
      assertThat(sendFailure.get())
          .as("back-pressure delays sends, it does not fail them")
          .isNull();
      assertThat(received.get()).isEqualTo(N);
      assertThat(outOfOrder.get()).isZero();
      assertThat(lastSeq.get()).isEqualTo(N - 1);
      assertThat(gw.droppedMessages(topic)).isZero();
    }
  }

  private static boolean senderPaused(EmbeddedAetherGateway gw, String identity) {
    return gw.sessions().stream()
        .filter(s -> s.identity().equals(identity))
        .anyMatch(SessionInfo::inboundPaused);
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
