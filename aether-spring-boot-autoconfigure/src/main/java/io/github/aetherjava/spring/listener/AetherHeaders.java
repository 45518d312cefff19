/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.listener;

/**
 * Names of the spring-messaging headers available to listener methods through {@link
 * org.springframework.messaging.handler.annotation.Header @Header}.
 *
 * @since 0.1.0
 */
public final class AetherHeaders {

  /** Prefix of every Aether header. */
  public static final String PREFIX = "aether_";

  /** Topic the message was sent from ({@code String}); replies go there by default. */
  public static final String SOURCE_TOPIC = PREFIX + "sourceTopic";

  /**
   * Type of the message ({@link io.github.aetherjava.client.MessageType}, converts to {@code
   * String}).
   */
  public static final String MESSAGE_TYPE = PREFIX + "messageType";

  /** Workspace the message was sent in ({@code String}). */
  public static final String WORKSPACE = PREFIX + "workspace";

  /**
   * Principal the sender acted on behalf of ({@link io.github.aetherjava.client.PrincipalRef});
   * absent when the sender acted for itself.
   */
  public static final String ON_BEHALF_OF = PREFIX + "onBehalfOf";

  /**
   * Identifier of the principal the sender acted on behalf of ({@code String}); absent when the
   * sender acted for itself.
   */
  public static final String ON_BEHALF_OF_ID = PREFIX + "onBehalfOfId";

  /** When the client received the message ({@link java.time.Instant}). */
  public static final String RECEIVED_AT = PREFIX + "receivedAt";

  /** The raw {@link io.github.aetherjava.client.IncomingMessage}. */
  public static final String RAW_MESSAGE = PREFIX + "rawMessage";

  /** Bean name of the client that received the event ({@code String}). */
  public static final String CLIENT = PREFIX + "client";

  /**
   * Identity of the client that received the event ({@code String}, e.g. {@code
   * ag::prod::impl::s1}).
   */
  public static final String CLIENT_IDENTITY = PREFIX + "clientIdentity";

  /** Identifier of the listener being invoked ({@code String}). */
  public static final String LISTENER_ID = PREFIX + "listenerId";

  /**
   * KV key of an {@link io.github.aetherjava.spring.annotation.OnConfig#key() @OnConfig(key=...)}
   * payload ({@code String}).
   */
  public static final String CONFIG_KEY = PREFIX + "configKey";

  // The client instance itself travels in this header for the AetherClient argument resolver.
  static final String CLIENT_INSTANCE = PREFIX + "clientInstance";

  private AetherHeaders() {}
}
