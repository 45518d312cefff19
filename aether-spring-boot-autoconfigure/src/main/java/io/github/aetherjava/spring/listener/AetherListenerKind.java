/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.listener;

/**
 * What a listener endpoint receives, one per listener annotation.
 *
 * @since 0.1.0
 */
public enum AetherListenerKind {

  /**
   * Messages, from {@link io.github.aetherjava.spring.annotation.AetherListener @AetherListener}.
   */
  MESSAGE,

  /**
   * Configuration snapshots, from {@link
   * io.github.aetherjava.spring.annotation.OnConfig @OnConfig}.
   */
  CONFIG,

  /**
   * Task assignments, from {@link
   * io.github.aetherjava.spring.annotation.OnTaskAssignment @OnTaskAssignment}.
   */
  TASK_ASSIGNMENT,

  /**
   * Progress updates, from {@link io.github.aetherjava.spring.annotation.OnProgress @OnProgress}.
   */
  PROGRESS,

  /**
   * Connection events, from {@link
   * io.github.aetherjava.spring.annotation.OnConnectionEvent @OnConnectionEvent}.
   */
  CONNECTION_EVENT
}
