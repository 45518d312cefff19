/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.health;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.ClientStatus;
import io.github.aetherjava.client.ConnectionState;
import io.github.aetherjava.client.admin.GatewayHealth;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Health of one Aether client, from its connection state.
 *
 * <ul>
 *   <li>{@code READY}: {@code UP}.
 *   <li>{@code CONNECTING} or {@code RECONNECTING}: {@code UP} with details while the state is
 *       younger than the grace period, then {@code OUT_OF_SERVICE} (so a short gateway restart does
 *       not flip readiness, and a long outage takes the instance out of rotation without getting it
 *       restarted).
 *   <li>{@code IDLE} (not connected yet, {@code aether.connect-on-startup=false}): {@code UNKNOWN}.
 *   <li>{@code CLOSED}: {@code DOWN}.
 * </ul>
 *
 * Details: identity, principal kind, gateway address, whether that gateway is the embedded
 * development one, state and since when, session id, server version, reconnect attempt, buffered
 * sends, pending requests, inbound backlog, whether inbound is paused, and the last error. While
 * connected, also the gateway's {@code grpc.health.v1} status of the Aether service ({@code
 * healthService}, asked on the client's channel with a {@link #HEALTH_CHECK_TIMEOUT} limit) and its
 * build ({@code serverBuild}); a {@code NOT_SERVING} answer turns the status to {@code
 * OUT_OF_SERVICE}. Credentials are never included.
 *
 * @since 0.1.0
 */
public class AetherHealthIndicator extends AbstractHealthIndicator {

  /** Limit of the gateway health-service check made by each health check. */
  public static final Duration HEALTH_CHECK_TIMEOUT = Duration.ofSeconds(2);

  private final AetherClient client;

  private final Duration reconnectGracePeriod;

  private final Clock clock;

  private final @Nullable String embeddedGatewayAddress;

  /**
   * Create a new indicator.
   *
   * @param client the client
   * @param reconnectGracePeriod how long a (re)connecting client still counts as up
   */
  public AetherHealthIndicator(AetherClient client, Duration reconnectGracePeriod) {
    this(client, reconnectGracePeriod, Clock.systemUTC());
  }

  /**
   * Create a new indicator with a specific clock.
   *
   * @param client the client
   * @param reconnectGracePeriod how long a (re)connecting client still counts as up
   * @param clock the clock to measure the time spent in a state
   */
  public AetherHealthIndicator(AetherClient client, Duration reconnectGracePeriod, Clock clock) {
    this(client, reconnectGracePeriod, clock, null);
  }

  /**
   * Create a new indicator that flags a connection to the embedded development gateway.
   *
   * @param client the client
   * @param reconnectGracePeriod how long a (re)connecting client still counts as up
   * @param clock the clock to measure the time spent in a state
   * @param embeddedGatewayAddress address of an embedded gateway started inside the application, or
   *     {@code null}
   */
  public AetherHealthIndicator(
      AetherClient client,
      Duration reconnectGracePeriod,
      Clock clock,
      @Nullable String embeddedGatewayAddress) {
    super("Aether health check failed");
    this.client = client;
    this.reconnectGracePeriod = reconnectGracePeriod;
    this.clock = clock;
    this.embeddedGatewayAddress = embeddedGatewayAddress;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    ClientStatus status = this.client.status();
    builder
        .withDetail("identity", this.client.identity())
        .withDetail("principal", this.client.kind())
        .withDetail("address", this.client.options().address())
        .withDetail("gateway", gatewayKind())
        .withDetail("state", status.state())
        .withDetail("stateSince", status.stateSince().toString());
    if (status.sessionId() != null) {
      builder.withDetail("sessionId", status.sessionId());
    }
    if (status.serverVersion() != null) {
      builder.withDetail("serverVersion", status.serverVersion());
    }
    builder
        .withDetail("reconnectAttempt", status.reconnectAttempt())
        .withDetail("bufferedSends", status.bufferedSends())
        .withDetail("pendingRequests", status.pendingRequests())
        .withDetail("inboundBacklog", this.client.inboundBacklog())
        .withDetail("inboundPaused", this.client.isInboundPaused());
    if (status.lastError() != null) {
      Throwable error = status.lastError();
      builder.withDetail("lastError", error.getClass().getSimpleName() + ": " + error.getMessage());
    }
    Status result = status(status);
    if (status.state() == ConnectionState.READY && gatewayNotServing(builder)) {
      result = Status.OUT_OF_SERVICE;
    }
    builder.status(result);
  }

  private boolean gatewayNotServing(Health.Builder builder) {
    try {
      GatewayHealth h =
          this.client
              .admin()
              .health(HEALTH_CHECK_TIMEOUT)
              .get(HEALTH_CHECK_TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
      builder.withDetail("healthService", h.status());
      if (!h.buildCommit().isEmpty() || !h.runtime().isEmpty()) {
        builder.withDetail("serverBuild", h.buildCommit() + " " + h.runtime() + " " + h.os());
      }
      return h.status() == GatewayHealth.Status.NOT_SERVING;
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      builder.withDetail("healthService", "interrupted");
    } catch (ExecutionException | TimeoutException ex) {
      Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
      builder.withDetail("healthService", "unavailable: " + cause.getMessage());
    }
    return false;
  }

  private String gatewayKind() {
    if (this.client.options().address().equals(this.embeddedGatewayAddress)) {
      return "embedded (development only, not for production: set aether.address)";
    }
    return "remote";
  }

  private Status status(ClientStatus status) {
    ConnectionState state = status.state();
    return switch (state) {
      case READY -> Status.UP;
      case CONNECTING, RECONNECTING -> {
        Duration inState = Duration.between(status.stateSince(), this.clock.instant());
        yield (inState.compareTo(this.reconnectGracePeriod) <= 0)
            ? Status.UP
            : Status.OUT_OF_SERVICE;
      }
      case IDLE -> Status.UNKNOWN;
      case CLOSED -> Status.DOWN;
    };
  }
}
