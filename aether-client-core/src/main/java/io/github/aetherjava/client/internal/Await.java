/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import io.github.aetherjava.client.AetherException;
import io.github.aetherjava.client.AetherTimeoutException;
import io.github.aetherjava.client.ConnectionException;
import io.github.aetherjava.client.FailureReason;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/** Waits for a future on behalf of a blocking convenience method and unwraps its failure. */
public final class Await {

  private Await() {}

  /**
   * @param <T> value type
   * @param future the future
   * @param operation operation name for messages
   * @return its value
   * @throws AetherException its failure; an interrupt is a terminal {@code CLOSED} and keeps the
   *     thread's interrupt flag
   */
  public static <T> T result(CompletableFuture<T> future, String operation) {
    return result(future, null, operation);
  }

  /**
   * @param <T> value type
   * @param future the future
   * @param timeout longest wait, or null to wait for the future's own end
   * @param operation operation name for messages
   * @return its value
   * @throws AetherException its failure, or a timeout
   */
  public static <T> T result(
      CompletableFuture<T> future, @Nullable Duration timeout, String operation) {
    try {
      return timeout == null ? future.get() : future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      // not recoverable: retrying on an interrupted thread would be interrupted again
      throw new ConnectionException(
          FailureReason.CLOSED, operation + " interrupted", e, false, null);
    } catch (TimeoutException e) {
      throw new AetherTimeoutException(operation, timeout, null);
    } catch (ExecutionException | CompletionException e) {
      Throwable c = e.getCause();
      if (c instanceof AetherException ae) {
        throw ae;
      }
      throw new AetherException(FailureReason.INTERNAL, operation + " failed: " + c, c, false);
    }
  }
}
