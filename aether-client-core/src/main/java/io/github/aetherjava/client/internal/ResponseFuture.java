/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The future of a correlated request, completed by the thread that read the response (a gRPC
 * thread) without a hand-off whenever that runs no user code.
 *
 * <p>Completing a {@code CompletableFuture} runs its dependent stages on the completing thread. So
 * every non-async stage method is redirected to its async form on the callback executor while the
 * future is pending (attached after completion, a stage runs on the caller's thread as usual), and
 * {@link #deliver} completes inline only when the future's dependents are threads blocked in {@code
 * get}/{@code join}, which are merely woken. Anything else (a stage attached through another
 * future, as {@code allOf} does) is counted as a dependent and makes {@link #deliver} hand the
 * completion to the callback executor. Saves a thread wake-up per blocking request, which is most
 * of what separated a KV round trip from hand-written gRPC.
 *
 * @param <T> value type
 */
final class ResponseFuture<T> extends CompletableFuture<T> {

  private final Executor callbacks;
  private final AtomicInteger blockedWaiters = new AtomicInteger();

  /**
   * @param callbacks executor for dependent stages and for completions that cannot be made inline
   */
  ResponseFuture(Executor callbacks) {
    this.callbacks = callbacks;
  }

  /**
   * Completes this future from a transport or timer thread.
   *
   * @param value the value, if {@code error} is null
   * @param error the failure, or null
   */
  void deliver(@Nullable T value, @Nullable Throwable error) {
    if (getNumberOfDependents() <= blockedWaiters.get()) {
      finish(value, error);
    } else {
      callbacks.execute(() -> finish(value, error));
    }
  }

  private void finish(@Nullable T value, @Nullable Throwable error) {
    if (error != null) {
      completeExceptionally(error);
    } else {
      complete(value);
    }
  }

  @Override
  public T get() throws InterruptedException, ExecutionException {
    blockedWaiters.incrementAndGet();
    try {
      return super.get();
    } finally {
      blockedWaiters.decrementAndGet();
    }
  }

  @Override
  public T get(long timeout, TimeUnit unit)
      throws InterruptedException, ExecutionException, TimeoutException {
    blockedWaiters.incrementAndGet();
    try {
      return super.get(timeout, unit);
    } finally {
      blockedWaiters.decrementAndGet();
    }
  }

  @Override
  public T join() {
    blockedWaiters.incrementAndGet();
    try {
      return super.join();
    } finally {
      blockedWaiters.decrementAndGet();
    }
  }

  @Override
  public <U> CompletableFuture<U> newIncompleteFuture() {
    // stages derived from this one complete on the callback executor already: plain futures will do
    return new CompletableFuture<>();
  }

  @Override
  public <U> CompletableFuture<U> thenApply(Function<? super T, ? extends U> fn) {
    return isDone() ? super.thenApply(fn) : thenApplyAsync(fn, callbacks);
  }

  @Override
  public CompletableFuture<Void> thenAccept(Consumer<? super T> action) {
    return isDone() ? super.thenAccept(action) : thenAcceptAsync(action, callbacks);
  }

  @Override
  public CompletableFuture<Void> thenRun(Runnable action) {
    return isDone() ? super.thenRun(action) : thenRunAsync(action, callbacks);
  }

  @Override
  public <U, V> CompletableFuture<V> thenCombine(
      CompletionStage<? extends U> other, BiFunction<? super T, ? super U, ? extends V> fn) {
    return thenCombineAsync(other, fn, callbacks);
  }

  @Override
  public <U> CompletableFuture<Void> thenAcceptBoth(
      CompletionStage<? extends U> other, BiConsumer<? super T, ? super U> action) {
    return thenAcceptBothAsync(other, action, callbacks);
  }

  @Override
  public CompletableFuture<Void> runAfterBoth(CompletionStage<?> other, Runnable action) {
    return runAfterBothAsync(other, action, callbacks);
  }

  @Override
  public <U> CompletableFuture<U> applyToEither(
      CompletionStage<? extends T> other, Function<? super T, U> fn) {
    return applyToEitherAsync(other, fn, callbacks);
  }

  @Override
  public CompletableFuture<Void> acceptEither(
      CompletionStage<? extends T> other, Consumer<? super T> action) {
    return acceptEitherAsync(other, action, callbacks);
  }

  @Override
  public CompletableFuture<Void> runAfterEither(CompletionStage<?> other, Runnable action) {
    return runAfterEitherAsync(other, action, callbacks);
  }

  @Override
  public <U> CompletableFuture<U> thenCompose(
      Function<? super T, ? extends CompletionStage<U>> fn) {
    return isDone() ? super.thenCompose(fn) : thenComposeAsync(fn, callbacks);
  }

  @Override
  public CompletableFuture<T> whenComplete(BiConsumer<? super T, ? super Throwable> action) {
    return isDone() ? super.whenComplete(action) : whenCompleteAsync(action, callbacks);
  }

  @Override
  public <U> CompletableFuture<U> handle(BiFunction<? super T, Throwable, ? extends U> fn) {
    return isDone() ? super.handle(fn) : handleAsync(fn, callbacks);
  }

  @Override
  public CompletableFuture<T> exceptionally(Function<Throwable, ? extends T> fn) {
    return isDone() ? super.exceptionally(fn) : exceptionallyAsync(fn, callbacks);
  }

  @Override
  public CompletableFuture<T> exceptionallyCompose(
      Function<Throwable, ? extends CompletionStage<T>> fn) {
    return isDone() ? super.exceptionallyCompose(fn) : exceptionallyComposeAsync(fn, callbacks);
  }
}
