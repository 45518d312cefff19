/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aetherjava.client.ConnectionState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class AetherOutageLoggerTests {

  private Instant now = Instant.parse("2026-01-01T00:00:00Z");

  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return AetherOutageLoggerTests.this.now;
        }
      };

  @Test
  void longOutageIsWarnedOnceAndTheRecoveryLoggedWithItsLength(CapturedOutput output) {
    AetherOutageLogger logger = new AetherOutageLogger("agent", Duration.ofSeconds(10), this.clock);
    logger.onStateChanged(ConnectionState.READY, ConnectionState.RECONNECTING);
    assertThat(logger.isInOutage()).isTrue();
    this.now = this.now.plusSeconds(3);
    logger.onReconnecting(1);
    assertThat(output.getAll()).doesNotContain("has been disconnected");
    this.now = this.now.plusSeconds(44);
    logger.onReconnecting(2);
    logger.onReconnecting(3);
    assertThat(output.getAll())
        .containsOnlyOnce("Aether client 'agent' has been disconnected for 47000 ms");
    logger.onStateChanged(ConnectionState.RECONNECTING, ConnectionState.READY);
    assertThat(output.getAll())
        .contains("Aether client 'agent' is connected again after an outage of 47000 ms");
    assertThat(logger.isInOutage()).isFalse();
  }

  @Test
  void shortOutageIsOnlyLoggedOnRecoveryAndAClosedClientEndsTheOutage(CapturedOutput output) {
    AetherOutageLogger logger = new AetherOutageLogger("svc", Duration.ofSeconds(10), this.clock);
    logger.onStateChanged(ConnectionState.READY, ConnectionState.RECONNECTING);
    this.now = this.now.plusSeconds(2);
    logger.onReconnecting(1);
    logger.onStateChanged(ConnectionState.RECONNECTING, ConnectionState.READY);
    assertThat(output.getAll())
        .doesNotContain("has been disconnected")
        .contains("'svc' is connected again after an outage of 2000 ms");
    logger.onStateChanged(ConnectionState.READY, ConnectionState.RECONNECTING);
    logger.onStateChanged(ConnectionState.RECONNECTING, ConnectionState.CLOSED);
    assertThat(logger.isInOutage()).isFalse();
  }
}
