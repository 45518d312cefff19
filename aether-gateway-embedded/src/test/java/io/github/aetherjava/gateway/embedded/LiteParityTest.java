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

/** {@link PolicyMode#LITE_PARITY}: AetherLite's rate limit, quota and dev-mode ACL denials. */
class LiteParityTest extends GatewayTestBase {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  @Override
  protected EmbeddedAetherGateway.Builder configure(EmbeddedAetherGateway.Builder builder) {
    return builder.policyMode(PolicyMode.LITE_PARITY).clock(clock);
  }

  @Test
  void sixHundredUnpacedSendsDeliverOneHundredAsOnAetherLite() {
    TestClient a = connected(agent("prod", "impl", "a"));
    a.next();
    for (int i = 0; i < 600; i++) {
      a.sendMessage("ag::prod::impl::sink", "m" + i);
    }
    java.util.List<ErrorResponse> errors = new java.util.ArrayList<>();
    for (int i = 0; i < 500; i++) {
      errors.add(a.nextError());
    }
    // The connection's bucket lets 200 through; the identity's quota takes 100 of them.
    ErrorResponse quota = errors.get(0);
    assertThat(quota.getCode()).isEqualTo("ERR_QUOTA_001");
    assertThat(quota.getMessage())
        .isEqualTo(
            "quota exceeded for message_rate in workspace 'prod' (identity: ag::prod::impl::a):"
                + " current 101, limit 100");
    assertThat(quota.getRetryable()).isTrue();
    assertThat(quota.getRetryAfterMs()).isEqualTo(1000);
    assertThat(errors.subList(0, 100)).allMatch(e -> e.getCode().equals("ERR_QUOTA_001"));
    assertThat(errors.subList(100, 500)).allMatch(e -> e.getCode().equals("ERR_RATE_LIMITED"));
    org.awaitility.Awaitility.await()
        .until(() -> gateway.topicBacklog("ag::prod::impl::sink") == 100);
    assertThat(gateway.storageStats().quotaRejections()).isEqualTo(100);

    // A new window admits 100 more; after 2 s the bucket is full again, so the quota bites first.
    clock.advance(Duration.ofSeconds(2));
    for (int i = 0; i < 100; i++) {
      a.sendMessage("ag::prod::impl::sink", "next" + i);
    }
    a.sendMessage("ag::prod::impl::sink", "over");
    a.expectError("ERR_QUOTA_001");
    org.awaitility.Awaitility.await()
        .until(() -> gateway.topicBacklog("ag::prod::impl::sink") == 200);
  }

  @Test
  void theQuotaBelongsToTheIdentityAndOutlivesAReconnect() {
    TestClient a = connected(agent("prod", "impl", "q"));
    a.next();
    for (int i = 0; i < 100; i++) {
      a.sendMessage("ag::prod::impl::sink", "m" + i);
    }
    org.awaitility.Awaitility.await()
        .until(() -> gateway.topicBacklog("ag::prod::impl::sink") == 100);
    a.close();
    org.awaitility.Awaitility.await().until(() -> gateway.connectedIdentities().isEmpty());
    TestClient again = connected(agent("prod", "impl", "q"));
    again.next();
    again.sendMessage("ag::prod::impl::sink", "same window");
    assertThat(again.nextError().getCode()).isEqualTo("ERR_QUOTA_001");
    // Another identity has its own quota.
    TestClient b = connected(agent("prod", "impl", "other"));
    b.sendMessage("ag::prod::impl::sink", "fine");
    org.awaitility.Awaitility.await()
        .until(() -> gateway.topicBacklog("ag::prod::impl::sink") == 101);
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
        .isEqualTo(
            "cross-workspace broadcast to event::receiver0 denied: cross-workspace broadcast"
                + " requires capability/event_broadcast on workspace \"dev\"");
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
