/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded;

import static io.github.aetherjava.gateway.embedded.TestClient.agent;
import static io.github.aetherjava.gateway.embedded.TestClient.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The permissive default: broadcast lanes start at the tail, nothing is replayed. */
class RetentionDefaultsTest extends GatewayTestBase {

  @Test
  void permissiveBroadcastsAreNotReplayedToLaterSubscribers() {
    TestClient early = connected(agent("prod", "impl", "early"));
    early.next(); // snapshot
    early.sendMessage("ga::prod", "before");
    assertThat(utf8(early.nextMessage().getPayload())).isEqualTo("before");
    TestClient late = connected(agent("prod", "impl", "late"));
    late.next(); // snapshot
    early.sendMessage("ga::prod", "after");
    assertThat(utf8(late.nextMessage().getPayload())).isEqualTo("after");
  }
}
