/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.task;

import java.util.concurrent.CompletableFuture;

/**
 * A live subscription to a task's events ({@link TaskOperations#subscribeTask}). The client
 * subscribes again after every reconnect (the gateway drops subscriptions with the stream) until
 * {@link #unsubscribe()}.
 *
 * @since 0.1.0
 */
public interface TaskSubscription {

  /**
   * @return the subscribed task
   */
  String taskId();

  /**
   * @return whether descendants' events are included
   */
  boolean recursive();

  /**
   * @return the gateway's id of the current subscription (changes after a reconnect)
   */
  String subscriptionId();

  /**
   * @return true until {@link #unsubscribe()}
   */
  boolean isActive();

  /**
   * Stops delivery at once and tells the gateway.
   *
   * @return completes when the gateway confirmed (or at once if the client is not connected)
   */
  CompletableFuture<Void> unsubscribe();
}
