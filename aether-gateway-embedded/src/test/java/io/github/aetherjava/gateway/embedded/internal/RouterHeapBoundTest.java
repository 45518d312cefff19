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
import org.junit.jupiter.api.Test;

/**
 * One million sends to distinct offline agents keep the heap within the configured store bound:
 * without the gateway-wide bounds every topic would stay, roughly 600 MB.
 */
class RouterHeapBoundTest {

  static final long STORE_BOUND = 32L * 1024 * 1024;

  /** The stated bound on retained heap: twice the store bound, for estimate error and slack. */
  static final long HEAP_BOUND = 2 * STORE_BOUND;

  static long usedHeapAfterGc() {
    Runtime rt = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      used = Math.min(used, rt.totalMemory() - rt.freeMemory());
    }
    return used;
  }

  @Test
  void millionSendsToDistinctOfflineAgentsStayWithinTheHeapBound() {
    Retention retention = new Retention(1_000_000, STORE_BOUND, 24L * 3600 * 1000);
    long before = usedHeapAfterGc();
    Router router =
        new Router(
            10_000,
            64L * 1024 * 1024,
            1000,
            MessageJournal.none(),
            retention,
            Clock.systemUTC(),
            false,
            1,
            1);
    ByteString payload = ByteString.copyFromUtf8("hello, offline agent");
    for (int i = 0; i < 1_000_000; i++) {
      router.publish(
          "ag::prod::impl::agent-" + i,
          DownstreamMessage.newBuilder()
              .setMsg(
                  IncomingMessage.newBuilder()
                      .setSourceTopic("us::alice::t1")
                      .setPayload(payload)
                      .setWorkspace("prod"))
              .build());
    }
    long retained = usedHeapAfterGc() - before;

    assertThat(retention.bytes()).isLessThanOrEqualTo(STORE_BOUND);
    assertThat(retention.droppedByTotalBound() + retention.messages()).isEqualTo(1_000_000);
    assertThat(router.storedTopics()).isEqualTo(retention.topics());
    assertThat(retained)
        .as("heap retained by %s stored messages", retention.messages())
        .isLessThan(HEAP_BOUND);
    // The newest message survived, the oldest went first.
    assertThat(router.backlog("ag::prod::impl::agent-999999")).isEqualTo(1);
    assertThat(router.backlog("ag::prod::impl::agent-0")).isZero();
  }
}
