/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal.coord;

import io.github.aetherjava.client.AetherTimeoutException;
import io.github.aetherjava.client.Registration;
import io.github.aetherjava.client.coord.AetherMutex;
import io.github.aetherjava.client.coord.LeaseLost;
import io.github.aetherjava.client.coord.LockNotHeldException;
import io.github.aetherjava.client.internal.Arguments;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** {@link AetherMutex} on one {@link Lease} per hold plus a fencing counter. */
public final class MutexImpl implements AetherMutex {

  /** Suffix of the fencing counter's key. */
  static final String FENCE_SUFFIX = ".fence";

  private final CoordContext ctx;
  private final String name;
  private final String fenceKey;
  private final Listeners<Consumer<LeaseLost>> listeners;
  private final ReentrantLock lock = new ReentrantLock();

  private @Nullable Lease lease;
  private long fencingToken;
  private @Nullable CompletableFuture<Boolean> attempt;

  /**
   * @param ctx shared context
   * @param name lock name (its key)
   */
  public MutexImpl(CoordContext ctx, String name) {
    this.ctx = ctx;
    this.name = CoordContext.checkName(name, FENCE_SUFFIX.length());
    this.fenceKey = name + FENCE_SUFFIX;
    this.listeners = new Listeners<>(ctx.callbacks());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String ownerId() {
    return ctx.ownerId();
  }

  @Override
  public CompletableFuture<Boolean> tryLock() {
    CompletableFuture<Boolean> result = new CompletableFuture<>();
    attemptOnce()
        .whenComplete((ok, error) -> ctx.deliver(result, ok, error == null ? null : unwrap(error)));
    return result;
  }

  @Override
  public CompletableFuture<Boolean> tryLock(Duration waitTime) {
    return Arguments.check(
        () -> {
          Arguments.notNull(waitTime, "waitTime");
          CompletableFuture<Boolean> result = new CompletableFuture<>();
          long deadline = ctx.now() + Math.max(0, waitTime.toNanos());
          retryUntil(deadline, result);
          return result;
        });
  }

  private void retryUntil(long deadline, CompletableFuture<Boolean> result) {
    attemptOnce()
        .whenCompleteAsync(
            (ok, error) -> {
              if (error != null) {
                ctx.deliver(result, null, unwrap(error));
              } else if (ok) {
                ctx.deliver(result, true, null);
              } else {
                long left = deadline - ctx.now();
                if (left <= 0) {
                  ctx.deliver(result, false, null);
                } else {
                  ctx.schedule(
                      () -> retryUntil(deadline, result), Math.min(left, ctx.retryDelayNanos()));
                }
              }
            },
            ctx.internal());
  }

  @Override
  public CompletableFuture<Void> lock(Duration timeout) {
    // checked here too, so a bad timeout fails the future itself rather than a dependent stage
    return Arguments.check(
        () ->
            tryLock(Arguments.notNull(timeout, "timeout"))
                .thenApply(
                    ok -> {
                      if (!ok) {
                        throw new AetherTimeoutException("mutex.lock(" + name + ")", timeout, null);
                      }
                      return null;
                    }));
  }

  /** One attempt, or joins the one in flight. Completes on the internal executor. */
  private CompletableFuture<Boolean> attemptOnce() {
    CompletableFuture<Boolean> mine;
    lock.lock();
    try {
      if (lease != null && lease.isValid()) {
        return CompletableFuture.completedFuture(true);
      }
      if (attempt != null) {
        return attempt;
      }
      mine = new CompletableFuture<>();
      attempt = mine;
    } finally {
      lock.unlock();
    }
    byte[] value = ctx.newHolderValue(ctx.ownerId());
    Lease.tryAcquire(ctx, name, name, value, this::lost)
        .thenCompose(this::fence)
        .whenComplete(
            (ok, error) -> {
              lock.lock();
              try {
                attempt = null;
              } finally {
                lock.unlock();
              }
              if (error != null) {
                mine.completeExceptionally(unwrap(error));
              } else {
                mine.complete(ok);
              }
            });
    return mine;
  }

  /** Takes a fencing token for a fresh lease; a lease that ran out meanwhile does not count. */
  private CompletableFuture<Boolean> fence(@Nullable Lease acquired) {
    if (acquired == null) {
      return CompletableFuture.completedFuture(false);
    }
    CompletableFuture<Long> f;
    try {
      f = ctx.kv().increment(ctx.target(), fenceKey, ctx.requestTimeout());
    } catch (RuntimeException e) {
      f = CompletableFuture.failedFuture(e);
    }
    return f.handleAsync(
        (token, error) -> {
          if (error != null) {
            acquired.release();
            throw new CompletionException(ctx.explain(error, "increment", fenceKey));
          }
          if (!acquired.isValid()) {
            acquired.release();
            return false;
          }
          lock.lock();
          try {
            lease = acquired;
            fencingToken = token;
          } finally {
            lock.unlock();
          }
          return true;
        },
        ctx.internal());
  }

  private void lost(Lease which, LeaseLost event) {
    lock.lock();
    try {
      if (lease != which) {
        return;
      }
      lease = null;
    } finally {
      lock.unlock();
    }
    listeners.fire(l -> l.accept(event));
  }

  @Override
  public CompletableFuture<Void> unlock() {
    Lease held;
    lock.lock();
    try {
      held = lease;
      lease = null;
    } finally {
      lock.unlock();
    }
    CompletableFuture<Void> result = new CompletableFuture<>();
    if (held == null || !held.isValid()) {
      if (held != null) {
        held.release();
      }
      ctx.deliver(
          result,
          null,
          new LockNotHeldException("mutex '" + name + "' is not held by " + ctx.ownerId()));
      return result;
    }
    held.release()
        .whenComplete(
            (deleted, error) ->
                ctx.deliver(
                    result,
                    null,
                    error == null ? null : ctx.explain(error, "compare-and-delete", name)));
    return result;
  }

  @Override
  public boolean isHeld() {
    Lease l;
    lock.lock();
    try {
      l = lease;
    } finally {
      lock.unlock();
    }
    return l != null && l.isValid();
  }

  @Override
  public OptionalLong fencingToken() {
    lock.lock();
    try {
      return lease != null && lease.isValid()
          ? OptionalLong.of(fencingToken)
          : OptionalLong.empty();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Registration onLost(Consumer<LeaseLost> listener) {
    return listeners.add(listener);
  }

  @Override
  public void close() {
    Lease held;
    lock.lock();
    try {
      held = lease;
      lease = null;
    } finally {
      lock.unlock();
    }
    if (held != null) {
      held.release();
    }
  }

  private static Throwable unwrap(Throwable t) {
    return CoordContext.unwrap(t);
  }

  @Override
  public String toString() {
    return "AetherMutex[" + name + ", held=" + isHeld() + "]";
  }
}
