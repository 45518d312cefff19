/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedAetherGatewayMainTest {

  @TempDir Path dir;

  @Test
  void parsesOptionsAndStarts() {
    EmbeddedAetherGateway.Builder b =
        EmbeddedAetherGatewayMain.parse(
            new String[] {"--port", "0", "--data-dir", dir.toString(), "--policy", "lite-parity"},
            System.out);
    try (EmbeddedAetherGateway gw = b.start()) {
      assertThat(gw.port()).isPositive();
      assertThat(gw.policyMode()).isEqualTo(PolicyMode.LITE_PARITY);
      assertThat(gw.dataDirectory()).isEqualTo(dir);
    }
  }

  @Test
  void helpListsEveryOptionWithItsDefault() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(
            EmbeddedAetherGatewayMain.parse(
                new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8)))
        .isNull();
    String help = out.toString(StandardCharsets.UTF_8);
    for (String option :
        List.of(
            "--port",
            "--data-dir",
            "--durability",
            "--commit-interval",
            "--policy",
            "--rate-limit",
            "--api-key",
            "--api-keys-file",
            "--max-stored-topics",
            "--max-stored-bytes",
            "--offline-queue",
            "--message-retention",
            "--tls-cert",
            "--tls-key")) {
      // Each option's description (up to the next option) states its default.
      int at = help.indexOf("  " + option + " ");
      assertThat(at).as(option).isNotNegative();
      int next = help.indexOf("\n  --", at + 1);
      assertThat(help.substring(at, next < 0 ? help.length() : next))
          .as(option)
          .contains("default");
    }
    assertThat(help)
        .contains(
            "default 50051",
            "default 100000",
            "default 268435456",
            "default 10000",
            "default 24h",
            "default 100ms");
    assertThat(EmbeddedAetherGateway.DEFAULT_MAX_STORED_TOPICS).isEqualTo(100_000);
    assertThat(EmbeddedAetherGateway.DEFAULT_MAX_STORED_BYTES).isEqualTo(268_435_456L);
  }

  @Test
  void apiKeysFromOptionsAndAFileAreRequired() throws Exception {
    Path file = dir.resolve("keys");
    Files.writeString(file, "# team keys\n\nuser:alice=from-file\n");
    EmbeddedAetherGateway.Builder b =
        EmbeddedAetherGatewayMain.parse(
            new String[] {
              "--port", "0", "--api-key", "agent=agent-secret", "--api-keys-file", file.toString()
            },
            System.out);
    try (EmbeddedAetherGateway gw = b.start()) {
      ManagedChannel ch = NettyChannelBuilder.forTarget(gw.address()).usePlaintext().build();
      try (TestClient none = TestClient.openOwning(ch)) {
        Status refused = none.connectExpectingFailure(TestClient.agent("prod", "impl", "a"));
        assertThat(refused.getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
      }
      ManagedChannel ch2 = NettyChannelBuilder.forTarget(gw.address()).usePlaintext().build();
      try (TestClient ok = TestClient.openOwning(ch2)) {
        ok.connect(
            TestClient.agent("prod", "impl", "a").toBuilder()
                .putCredentials("api_key", "agent-secret")
                .build());
      }
      ManagedChannel ch3 = NettyChannelBuilder.forTarget(gw.address()).usePlaintext().build();
      try (TestClient alice = TestClient.openOwning(ch3)) {
        alice.connect(
            TestClient.user("alice", "t1").toBuilder()
                .putCredentials("api_key", "from-file")
                .build());
      }
    }
    assertThat(EmbeddedAetherGatewayMain.apiKey("user:bob=k", "--api-key").principalId())
        .isEqualTo("bob");
  }

  @Test
  void storageDurabilityAndRateOptionsAreApplied() {
    EmbeddedAetherGateway.Builder b =
        EmbeddedAetherGatewayMain.parse(
            new String[] {
              "--port", "0",
              "--data-dir", dir.toString(),
              "--durability", "always",
              "--commit-interval", "250ms",
              "--rate-limit", "0",
              "--policy", "lite-parity",
              "--max-stored-topics", "5",
              "--max-stored-bytes", "1000000",
              "--offline-queue", "3",
              "--message-retention", "2h"
            },
            System.out);
    try (EmbeddedAetherGateway gw = b.start()) {
      assertThat(gw.policyMode()).isEqualTo(PolicyMode.LITE_PARITY);
      assertThat(gw.storageStats().storedTopics()).isZero();
    }
    assertThat(EmbeddedAetherGatewayMain.duration("24h", "--x")).hasHours(24);
    assertThat(EmbeddedAetherGatewayMain.duration("500ms", "--x")).hasMillis(500);
  }

  @Test
  void badOptionsAreNamed() {
    assertThatThrownBy(
            () -> EmbeddedAetherGatewayMain.parse(new String[] {"--port", "x"}, System.out))
        .hasMessage("--port needs a number, got 'x'");
    assertThatThrownBy(() -> EmbeddedAetherGatewayMain.parse(new String[] {"--nope"}, System.out))
        .hasMessage("unknown option '--nope'");
    assertThatThrownBy(
            () -> EmbeddedAetherGatewayMain.parse(new String[] {"--tls-cert", "c"}, System.out))
        .hasMessage("--tls-cert and --tls-key must be given together");
    assertThatThrownBy(
            () -> EmbeddedAetherGatewayMain.parse(new String[] {"--data-dir"}, System.out))
        .hasMessage("--data-dir needs a value");
    assertThatThrownBy(
            () -> EmbeddedAetherGatewayMain.parse(new String[] {"--api-key", "nokey"}, System.out))
        .hasMessage("--api-key must look like <type>[:<id>]=<key>, got 'nokey'");
    assertThatThrownBy(
            () ->
                EmbeddedAetherGatewayMain.parse(
                    new String[] {"--api-key", "robot=secret"}, System.out))
        .hasMessageContaining("--api-key")
        .hasMessageContaining("'robot'")
        .hasMessageNotContaining("secret");
    assertThatThrownBy(
            () ->
                EmbeddedAetherGatewayMain.parse(
                    new String[] {"--message-retention", "10 days"}, System.out))
        .hasMessageStartingWith("--message-retention needs a duration");
    assertThatThrownBy(
            () ->
                EmbeddedAetherGatewayMain.parse(
                    new String[] {"--durability", "sometimes"}, System.out))
        .hasMessage("--durability must be always or batched, got 'sometimes'");
    assertThatThrownBy(
            () ->
                EmbeddedAetherGatewayMain.parse(new String[] {"--rate-limit", "fast"}, System.out))
        .hasMessage("--rate-limit needs a number, got 'fast'");
    assertThatThrownBy(
            () ->
                EmbeddedAetherGatewayMain.parse(
                    new String[] {"--api-keys-file", dir.resolve("missing").toString()},
                    System.out))
        .hasMessageStartingWith("--api-keys-file: cannot read");
  }
}
