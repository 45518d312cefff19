package io.github.aetherjava.reliability;

import static io.github.aetherjava.reliability.Fixtures.agent;
import static io.github.aetherjava.reliability.Fixtures.agentTopic;
import static io.github.aetherjava.reliability.Fixtures.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Slow consumer: the receiver's handler blocks while a sender pushes 50,000 messages of 1 KiB. gRPC flow control
 * must stop the gateway from writing (the backlog stays at the gateway, which bounds it explicitly), the client
 * heap must not grow with the backlog, and after the release every message arrives, in order.
 */
@Order(30)
class SlowConsumerTest {

  static final int N = 50_000;
  static final int PAYLOAD = 1024;

  @Test
  void blockedHandlerKeepsClientHeapBoundedAndLosesNothing() throws Exception {
    try (EmbeddedAetherGateway gw = EmbeddedAetherGateway.builder().offlineQueueCapacity(N + 1000)
        .offlineQueueMaxBytes(256L * 1024 * 1024).start();
        AgentClient receiver = agent(options(gw.address()).build(), "slow");
        AgentClient sender = agent(options(gw.address()).build(), "fast")) {
      CountDownLatch release = new CountDownLatch(1);
      AtomicInteger received = new AtomicInteger();
      AtomicInteger outOfOrder = new AtomicInteger();
      AtomicLong lastSeq = new AtomicLong(-1);
      receiver.onMessage(m -> {
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

      // at most 5,000 sends outstanding so the sender's own bounded buffer (10,000) never overflows
      CompletableFuture<Void> last = CompletableFuture.completedFuture(null);
      for (int i = 0; i < N; i++) {
        byte[] payload = new byte[PAYLOAD];
        ByteBuffer.wrap(payload).putLong(i);
        last = sender.send(agentTopic("slow"), payload);
        if (i % 5_000 == 4_999) {
          last.get(120, TimeUnit.SECONDS);
        }
      }
      last.get(120, TimeUnit.SECONDS);
      String topic = agentTopic("slow");
      // everything sent is either at the gateway or in the transport/client window
      await().atMost(Duration.ofSeconds(120)).until(() -> gw.topicBacklog(topic) + inFlightUpperBound() >= N
          && gw.topicBacklog(topic) >= N - inFlightUpperBound());
      int backlog = gw.topicBacklog(topic);
      long used = usedHeapAfterGc();
      long growth = used - baseline;
      long payloadBytes = (long) N * PAYLOAD;
      // The gateway (same JVM) legitimately keeps its backlog; a client that buffered everything too would add
      // at least another payloadBytes (50 MiB). The ceiling lies between the two.
      long ceiling = payloadBytes + payloadBytes / 2;
      assertThat(received.get()).as("the handler is blocked").isZero();

      release.countDown();
      await().atMost(Duration.ofSeconds(150)).until(() -> received.get() >= N);
      Fixtures.report("slow-consumer", String.format("""
          SlowConsumerTest: %d messages of %d B to a blocked handler
          | gateway backlog while blocked | frames between gateway and handler | heap growth while blocked | ceiling | received after release | out of order | dropped at gateway |
          |---|---|---|---|---|---|---|
          | %d | %d | %.1f MiB | %.1f MiB | %d | %d | %d |""", N, PAYLOAD, backlog, N - backlog,
          growth / 1048576.0, ceiling / 1048576.0, received.get(), outOfOrder.get(), gw.droppedMessages(topic)));

      assertThat(N - backlog).as("flow control: frames the gateway pushed towards the blocked client")
          .isLessThanOrEqualTo(inFlightUpperBound());
      assertThat(growth).as("heap growth while %d KiB messages wait", N).isLessThan(ceiling);
      assertThat(received.get()).isEqualTo(N);
      assertThat(outOfOrder.get()).isZero();
      assertThat(lastSeq.get()).isEqualTo(N - 1);
      assertThat(gw.droppedMessages(topic)).isZero();
    }
  }

  /** inboundWindow (32) + the HTTP/2 stream window (1 MiB) + gRPC's 32 KiB ready threshold, in 1 KiB frames. */
  private static int inFlightUpperBound() {
    return 32 + (1024 + 64) + 64;
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
