/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

/**
 * Handles an incoming message. Runs on the client's callback executor, one message at a time per
 * client, in arrival order. An exception is reported (log + {@link ClientObserver#onHandlerError})
 * and the stream continues.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface MessageHandler {

  /**
   * @param message the message
   * @throws Exception anything; reported, never stops the stream
   */
  void handle(IncomingMessage message) throws Exception;
}
