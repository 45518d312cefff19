/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.kv;

import io.github.aetherjava.client.AetherException;
import io.github.aetherjava.client.ConnectionException;
import io.github.aetherjava.client.FailureReason;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Blocking helper: unwraps the classified exception of a failed future. */
final class KvFutures {

  private KvFutures() {}

  static <T> T await(CompletableFuture<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectionException(FailureReason.CLOSED, "interrupted", e, true, null);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof AetherException ae) {
        throw ae;
      }
      throw new AetherException(
          FailureReason.INTERNAL, String.valueOf(e.getCause()), e.getCause(), false);
    }
  }
}
