/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.client;

import io.github.aetherjava.client.ConnectionListener;
import io.github.aetherjava.client.ConnectionState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Logs the outages of one client: a WARN once the client has been away from {@code READY} longer
 * than the configured time (checked at each reconnect attempt), and an INFO with the outage length
 * when it is back.
 *
 * @since 0.1.0
 */
public class AetherOutageLogger implements ConnectionListener {

  private static final Log logger = LogFactory.getLog(AetherOutageLogger.class);

  private final String clientName;

  private final Duration warnAfter;

  private final Clock clock;

  private final Object monitor = new Object();

  // guarded by monitor
  private @Nullable Instant lostAt;

  // guarded by monitor
  private boolean warned;

  /**
   * Create a logger for one client.
   *
   * @param clientName bean name of the client, for the log lines
   * @param warnAfter how long an outage lasts before it is logged at WARN
   * @param clock the clock
   */
  public AetherOutageLogger(String clientName, Duration warnAfter, Clock clock) {
    this.clientName = clientName;
    this.warnAfter = warnAfter;
    this.clock = clock;
  }

  @Override
  public void onStateChanged(ConnectionState from, ConnectionState to) {
    String recovered = null;
    synchronized (this.monitor) {
      if (from == ConnectionState.READY && to == ConnectionState.RECONNECTING) {
        this.lostAt = this.clock.instant();
        this.warned = false;
      } else if (to == ConnectionState.READY && this.lostAt != null) {
        recovered = format(Duration.between(this.lostAt, this.clock.instant()));
        this.lostAt = null;
      } else if (to == ConnectionState.CLOSED) {
        this.lostAt = null;
      }
    }
    if (recovered != null) {
      logger.info(
          "Aether client '"
              + this.clientName
              + "' is connected again after an outage of "
              + recovered);
    }
  }

  @Override
  public void onReconnecting(int attempt) {
    String outage = null;
    synchronized (this.monitor) {
      if (this.lostAt != null && !this.warned) {
        Duration elapsed = Duration.between(this.lostAt, this.clock.instant());
        if (elapsed.compareTo(this.warnAfter) >= 0) {
          this.warned = true;
          outage = format(elapsed);
        }
      }
    }
    if (outage != null) {
      logger.warn(
          "Aether client '"
              + this.clientName
              + "' has been disconnected for "
              + outage
              + " and keeps reconnecting (attempt "
              + attempt
              + "); messages sent meanwhile are buffered up to aether.buffer.*");
    }
  }

  /**
   * Whether the client is in an outage (lost its connection and not back yet).
   *
   * @return whether an outage is in progress
   */
  public boolean isInOutage() {
    synchronized (this.monitor) {
      return this.lostAt != null;
    }
  }

  private static String format(Duration duration) {
    return duration.toMillis() + " ms";
  }
}
