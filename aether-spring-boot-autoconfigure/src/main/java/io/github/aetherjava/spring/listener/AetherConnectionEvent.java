/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.listener;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.ConnectionInfo;
import io.github.aetherjava.client.ConnectionState;
import io.github.aetherjava.client.DisconnectInfo;
import org.jspecify.annotations.Nullable;

/**
 * A change in the connection of an Aether client, delivered to {@link
 * io.github.aetherjava.spring.annotation.OnConnectionEvent @OnConnectionEvent} methods.
 *
 * @param type what happened
 * @param clientName bean name of the client
 * @param client the client
 * @param from previous state, for {@link Type#STATE_CHANGED}
 * @param to new state, for {@link Type#STATE_CHANGED}
 * @param connectionInfo the new session, for {@link Type#CONNECTED}
 * @param disconnectInfo why the stream ended, for {@link Type#DISCONNECTED}
 * @param attempt the reconnection attempt, for {@link Type#RECONNECTING}
 * @since 0.1.0
 */
public record AetherConnectionEvent(
    Type type,
    String clientName,
    AetherClient client,
    @Nullable ConnectionState from,
    @Nullable ConnectionState to,
    @Nullable ConnectionInfo connectionInfo,
    @Nullable DisconnectInfo disconnectInfo,
    int attempt) {

  /** Kinds of connection events. */
  public enum Type {

    /** A session was established (first connect or reconnect). */
    CONNECTED,

    /** The stream ended. */
    DISCONNECTED,

    /** A reconnection attempt is about to start. */
    RECONNECTING,

    /** The connection state changed. */
    STATE_CHANGED
  }

  @Override
  public String toString() {
    return "AetherConnectionEvent["
        + this.type
        + ", client="
        + this.clientName
        + ", from="
        + this.from
        + ", to="
        + this.to
        + ", attempt="
        + this.attempt
        + "]";
  }
}
