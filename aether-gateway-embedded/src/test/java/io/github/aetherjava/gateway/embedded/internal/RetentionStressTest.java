/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.IncomingMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Many threads publish to overlapping topics with small per-topic and gateway-wide bounds while the
 * age sweep runs and time moves: afterwards the gateway-wide counters agree exactly with what the
 * topics hold, and every message is either stored or counted as removed.
 */
class RetentionStressTest {

  /** A clock the test moves from any thread. */
  static final class TestClock extends Clock {
    final AtomicLong millis = new AtomicLong(1_000_000);

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis.get());
    }
  }

  static final int THREADS = 8;
  static final int PER_THREAD = 5_000;
  static final int TOPICS = 300;

  @RepeatedTest(5)
  void countersMatchTheTopicsUnderConcurrentPublishEvictionAndExpiry() throws Exception {
    TestClock clock = new TestClock();
    Retention retention = new Retention(100, 200_000, 500);
    Router router =
        new Router(20, 1_000_000, 1000, MessageJournal.none(), retention, clock, false, 1, 1);
    CyclicBarrier start = new CyclicBarrier(THREADS + 1);
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      Thread th =
          new Thread(
              () -> {
                try {
                  start.await();
                  ThreadLocalRandom r = ThreadLocalRandom.current();
                  for (int i = 0; i < PER_THREAD; i++) {
                    byte[] payload = new byte[r.nextInt(1, 200)];
                    router.publish(
                        "ag::ws::impl::t" + r.nextInt(TOPICS),
                        DownstreamMessage.newBuilder()
                            .setMsg(
                                IncomingMessage.newBuilder()
                                    .setPayload(ByteString.copyFrom(payload)))
                            .build());
                    if (r.nextInt(50) == 0) {
                      clock.millis.addAndGet(r.nextInt(1, 50));
                    }
                  }
                } catch (Exception e) {
                  failures.add(e);
                }
              });
      th.start();
      threads.add(th);
    }
    Thread sweeper =
        new Thread(
            () -> {
              while (threads.stream().anyMatch(Thread::isAlive)) {
                router.expireOld();
              }
            });
    start.await();
    sweeper.start();
    for (Thread th : threads) {
      th.join();
    }
    sweeper.join();
    assertThat(failures).isEmpty();

    Map<String, Integer> backlogs = router.backlogs();
    long stored = backlogs.values().stream().mapToLong(Integer::longValue).sum();
    assertThat(retention.messages()).isEqualTo(stored);
    assertThat(retention.topics()).isEqualTo(backlogs.size());
    assertThat(router.storedTopics()).isEqualTo(backlogs.size());
    assertThat(retention.topics()).isLessThanOrEqualTo(100);
    assertThat(retention.bytes()).isLessThanOrEqualTo(200_000);
    assertThat(
            stored
                + retention.droppedByTopicBound()
                + retention.droppedByTotalBound()
                + retention.expired())
        .isEqualTo((long) THREADS * PER_THREAD);
    // Everything left is younger than the retention once the sweep has run again.
    clock.millis.addAndGet(1_000);
    router.expireOld();
    assertThat(retention.messages()).isZero();
    assertThat(retention.bytes()).isZero();
    assertThat(router.storedTopics()).isZero();
  }
}
