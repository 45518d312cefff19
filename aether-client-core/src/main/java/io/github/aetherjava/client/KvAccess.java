/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import io.github.aetherjava.client.kv.KvClient;

/**
 * Implemented by the clients whose principal may use the KV store (agent, task, service, workflow
 * engine, metrics bridge).
 *
 * @since 0.1.0
 */
public interface KvAccess {

  /**
   * @return the KV store
   */
  KvClient kv();
}
