/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.client;

import io.github.aetherjava.client.AetherException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;

/**
 * Runs KV, checkpoint and task calls with Spring Framework's core {@link RetryTemplate}, retrying
 * only failures the client classifies as {@link AetherException#isRecoverable() recoverable}
 * (disconnects, timeouts, retryable gateway errors). Configured by {@code aether.retry.*}; when
 * retry is disabled, every call runs exactly once.
 *
 * <pre class="code">
 * KvValue value = retry.call("kv.get", () -&gt; agent.kv().get(KvTarget.workspace(), "key"));
 * </pre>
 *
 * @since 0.1.0
 */
public class AetherRetry {

  private final RetryTemplate retryTemplate;

  /**
   * Create an instance with the given template.
   *
   * @param retryTemplate the template
   */
  public AetherRetry(RetryTemplate retryTemplate) {
    this.retryTemplate = retryTemplate;
  }

  /**
   * Create an instance from settings.
   *
   * @param enabled whether to retry at all
   * @param maxRetries retries after the first attempt
   * @param delay delay before the first retry
   * @param multiplier delay multiplier per retry
   * @param maxDelay maximum delay
   * @return the retry support
   */
  public static AetherRetry of(
      boolean enabled, long maxRetries, Duration delay, double multiplier, Duration maxDelay) {
    RetryPolicy policy =
        RetryPolicy.builder()
            .maxRetries(enabled ? maxRetries : 0)
            .delay(delay)
            .multiplier(multiplier)
            .maxDelay(maxDelay)
            .predicate(AetherRetry::isRecoverable)
            .build();
    return new AetherRetry(new RetryTemplate(policy));
  }

  /**
   * Whether a failure is worth retrying: an {@link AetherException} (possibly wrapped by a future)
   * that is recoverable.
   *
   * @param error the failure
   * @return whether to retry
   */
  public static boolean isRecoverable(@Nullable Throwable error) {
    Throwable current = error;
    while (current instanceof CompletionException || current instanceof ExecutionException) {
      current = current.getCause();
    }
    return current instanceof AetherException aetherError && aetherError.isRecoverable();
  }

  /**
   * Call an asynchronous operation and wait for its result, retrying recoverable failures.
   *
   * @param <T> the result type
   * @param operation name of the operation, for diagnostics (e.g. {@code kv.get})
   * @param call starts one attempt
   * @return the result of the first successful attempt
   * @throws AetherException the failure of the last attempt
   */
  public <T> @Nullable T call(String operation, Supplier<CompletableFuture<T>> call) {
    try {
      return this.retryTemplate.execute(
          new org.springframework.core.retry.Retryable<>() {

            @Override
            public @Nullable T execute() throws Throwable {
              try {
                return call.get().join();
              } catch (CompletionException ex) {
                throw (ex.getCause() != null) ? ex.getCause() : ex;
              }
            }

            @Override
            public String getName() {
              return operation;
            }
          });
    } catch (RetryException ex) {
      Throwable last = (ex.getCause() != null) ? ex.getCause() : ex;
      if (last instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(operation + " failed", last);
    }
  }

  /**
   * Return the underlying template.
   *
   * @return the retry template
   */
  public RetryTemplate getRetryTemplate() {
    return this.retryTemplate;
  }
}
