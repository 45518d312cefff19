/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded;

import static io.github.aetherjava.gateway.embedded.TestClient.agent;
import static io.github.aetherjava.gateway.embedded.TestClient.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.aetherjava.proto.v1.ErrorResponse;
import io.github.aetherjava.proto.v1.MessageType;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@link PolicyMode#LITE_PARITY}: AetherLite's rate limit and dev-mode ACL denials. */
class LiteParityTest extends GatewayTestBase {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  @Override
  protected EmbeddedAetherGateway.Builder configure(EmbeddedAetherGateway.Builder builder) {
    return builder.policyMode(PolicyMode.LITE_PARITY).clock(clock);
  }

  @Test
  void rateLimitAllowsABurstOf200ThenRefillsAt100PerSecond() {
    TestClient a = connected(agent("prod", "impl", "a"));
    a.next();
    for (int i = 0; i < 200; i++) {
      a.sendMessage("ag::prod::impl::sink", "m");
    }
    a.sendMessage("ag::prod::impl::sink", "over");
    ErrorResponse e = a.expectError("ERR_RATE_LIMITED");
    assertThat(e.getRetryable()).isTrue();
    assertThat(e.getRetryAfterMs()).isEqualTo(10);
    assertThat(e.getMessage()).isEqualTo("message rate limit exceeded");
    clock.advance(Duration.ofMillis(100)); // 10 tokens
    for (int i = 0; i < 10; i++) {
      a.sendMessage("ag::prod::impl::sink", "refilled");
    }
    a.sendMessage("ag::prod::impl::sink", "over-again");
    a.expectError("ERR_RATE_LIMITED");
    org.awaitility.Awaitility.await()
        .until(() -> gateway.topicBacklog("ag::prod::impl::sink") == 210);
  }

  @Test
  void servicesBridgesAndTheWorkflowEngineMayNotSendIntoWorkspaces() {
    TestClient target = connected(agent("prod", "impl", "t"));
    target.next();
    for (var init :
        java.util.List.of(
            TestClient.service("svc", "1"), TestClient.bridge("br", "1"), TestClient.wfe())) {
      TestClient c = connected(init);
      c.sendMessage("ag::prod::impl::t", "x");
      assertThat(c.expectError("ERR_PERMISSION_DENIED").getMessage())
          .isEqualTo("not authorized to send to topic ag::prod::impl::t");
      // Workspace-less targets are fine.
      c.sendMessage("us::alice::t1", "ok");
      c.sendMessage("bogus", "probe");
      c.expectError("ERR_INVALID_TOPIC");
    }
  }

  @Test
  void agentsMaySendAcrossWorkspacesButNotBroadcastEventsThere() {
    TestClient a = connected(agent("prod", "impl", "a"));
    a.next();
    TestClient b = connected(agent("dev", "impl", "b"));
    a.sendMessage("ag::dev::impl::b", "cross");
    assertThat(utf8(b.nextMessage().getPayload())).isEqualTo("cross");
    a.sendMessage("event::dev", "e".getBytes(), MessageType.EVENT);
    assertThat(a.expectError("ERR_PERMISSION_DENIED").getMessage())
        .isEqualTo("not authorized to send to topic event::receiver0");
    a.sendMessage("event::prod", "own".getBytes(), MessageType.EVENT);
    a.sendMessage("event::*", "own".getBytes(), MessageType.EVENT);
    org.awaitility.Awaitility.await().until(() -> gateway.topicBacklog("event::receiver0") == 2);
  }

  @Test
  void usersMaySendToAgentsInAnyWorkspace() {
    TestClient u = connected(TestClient.user("alice", "t1"));
    TestClient b = connected(agent("dev", "impl", "b"));
    u.sendMessage("ag::dev::impl::b", "hi");
    assertThat(utf8(b.nextMessage().getPayload())).isEqualTo("hi");
  }
}
