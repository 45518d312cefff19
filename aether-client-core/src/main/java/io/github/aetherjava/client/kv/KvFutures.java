/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.kv;

import io.github.aetherjava.client.internal.Await;
import java.util.concurrent.CompletableFuture;

/** Blocking helper: unwraps the classified exception of a failed future. */
final class KvFutures {

  private KvFutures() {}

  static <T> T await(CompletableFuture<T> f) {
    return Await.result(f, "kv");
  }
}
