/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import java.util.concurrent.CompletableFuture;

/**
 * Progress reports ({@code ProgressReport}); the gateway republishes them to {@code pg::{ws}} or to
 * the recipient user. Only agents, tasks and services may report progress.
 *
 * @since 0.1.0
 */
public interface ProgressReporting {

  /**
   * @param progress the report
   * @return completes when handed to the transport
   */
  CompletableFuture<Void> reportProgress(Progress progress);
}
