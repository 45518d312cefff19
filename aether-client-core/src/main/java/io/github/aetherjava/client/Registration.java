/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

/**
 * Handle for a registered handler or listener; closing it removes the registration. Idempotent.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface Registration extends AutoCloseable {

  /** Removes the registration. */
  @Override
  void close();
}
