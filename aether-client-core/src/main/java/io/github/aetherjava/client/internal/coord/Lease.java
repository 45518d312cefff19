/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal.coord;

import io.github.aetherjava.client.coord.LeaseLost;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * One held lease on one KV key: taken with set-if-absent, renewed with compare-and-set of its own
 * value (which also resets the TTL), released with compare-and-delete. Trusted only until {@link
 * CoordContext#trustedNanos()} after the last confirmed write was <em>sent</em>, so an unanswered
 * renewal (a disconnect) ends it before the gateway could hand the key to someone else.
 *
 * <p>State changes happen under a small lock; the loss callback and every KV request run outside
 * it. The loss callback is internal code (quick, no user code) and is called at most once.
 */
final class Lease {

  /** Told (once, on an internal thread, without locks held) that a lease was lost. */
  interface LossHandler {
    void lost(Lease lease, LeaseLost event);
  }

  private final CoordContext ctx;
  private final String name;
  private final String key;
  private final byte[] value;
  private final LossHandler onLost;
  private final ReentrantLock lock = new ReentrantLock();

  private boolean active = true;
  private boolean renewing = true;
  private long trustedUntil;
  private @Nullable ScheduledFuture<?> renewTimer;
  private @Nullable ScheduledFuture<?> expiryTimer;
  private @Nullable Throwable lastError;

  private Lease(
      CoordContext ctx,
      String name,
      String key,
      byte[] value,
      long trustedUntil,
      LossHandler onLost) {
    this.ctx = ctx;
    this.name = name;
    this.key = key;
    this.value = value;
    this.trustedUntil = trustedUntil;
    this.onLost = onLost;
  }

  /**
   * One acquisition attempt. Completes (on the internal executor) with the started lease, or null
   * when the key is taken.
   */
  static CompletableFuture<@Nullable Lease> tryAcquire(
      CoordContext ctx, String name, String key, byte[] value, LossHandler onLost) {
    long sent = ctx.now();
    Duration lease = ctx.options().leaseTime();
    CompletableFuture<Boolean> f;
    try {
      f = ctx.kv().setNx(ctx.target(), key, value, lease, ctx.requestTimeout());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return f.handleAsync(
        (applied, error) -> {
          if (error != null) {
            // the write may have been applied before the answer was lost: free it if it is ours
            releaseQuietly(ctx, key, value);
            throw new java.util.concurrent.CompletionException(
                ctx.explain(error, "set-if-absent", key));
          }
          if (!applied) {
            return null;
          }
          Lease l = new Lease(ctx, name, key, value, sent + ctx.trustedNanos(), onLost);
          if (!l.start()) {
            releaseQuietly(ctx, key, value); // answered too late to be trusted
            return null;
          }
          return l;
        },
        ctx.internal());
  }

  private static void releaseQuietly(CoordContext ctx, String key, byte[] value) {
    try {
      ctx.kv().compareAndDelete(ctx.target(), key, value, ctx.requestTimeout());
    } catch (RuntimeException e) {
      // best effort: the TTL frees the key anyway
    }
  }

  private boolean start() {
    lock.lock();
    try {
      long now = ctx.now();
      if (now >= trustedUntil) {
        active = false;
        return false;
      }
      expiryTimer = ctx.schedule(this::checkExpiry, trustedUntil - now);
      renewTimer = ctx.schedule(this::renew, ctx.options().renewInterval().toNanos());
      return true;
    } finally {
      lock.unlock();
    }
  }

  String key() {
    return key;
  }

  byte[] value() {
    return value.clone();
  }

  /**
   * @return true while the lease is active and certainly valid
   */
  boolean isValid() {
    lock.lock();
    try {
      return active && ctx.now() < trustedUntil;
    } finally {
      lock.unlock();
    }
  }

  private void renew() {
    long sent;
    long remaining;
    lock.lock();
    try {
      if (!active || !renewing) {
        return;
      }
      sent = ctx.now();
      remaining = trustedUntil - sent;
    } finally {
      lock.unlock();
    }
    if (remaining <= 0) {
      checkExpiry();
      return;
    }
    Duration timeout = ctx.requestTimeout();
    if (timeout.toNanos() > remaining) {
      timeout = Duration.ofNanos(remaining);
    }
    CompletableFuture<Boolean> f;
    try {
      f =
          ctx.kv()
              .compareAndSet(ctx.target(), key, value, value, ctx.options().leaseTime(), timeout);
    } catch (RuntimeException e) {
      f = CompletableFuture.failedFuture(e);
    }
    f.whenCompleteAsync((ok, error) -> renewed(sent, ok, error), ctx.internal());
  }

  private void renewed(long sent, @Nullable Boolean ok, @Nullable Throwable error) {
    LeaseLost lost = null;
    lock.lock();
    try {
      if (!active || !renewing) {
        return;
      }
      if (error == null && Boolean.TRUE.equals(ok)) {
        long until = sent + ctx.trustedNanos();
        if (until > trustedUntil) {
          trustedUntil = until;
          cancel(expiryTimer);
          expiryTimer = ctx.schedule(this::checkExpiry, trustedUntil - ctx.now());
        }
        renewTimer = ctx.schedule(this::renew, ctx.options().renewInterval().toNanos());
      } else if (error == null) {
        lost =
            endLocked("the key no longer holds this owner's token (expired or taken over)", null);
      } else {
        // transient (timeout, disconnect, refused): retry while the lease is still trusted
        renewTimer =
            ctx.schedule(
                this::renew,
                Math.min(ctx.retryDelayNanos(), Math.max(0, trustedUntil - ctx.now())));
        lastError = CoordContext.unwrap(error);
      }
    } finally {
      lock.unlock();
    }
    if (lost != null) {
      lostAfterUnlock(lost);
    }
  }

  private void checkExpiry() {
    LeaseLost lost = null;
    lock.lock();
    try {
      if (!active) {
        return;
      }
      long now = ctx.now();
      if (now < trustedUntil) {
        cancel(expiryTimer);
        expiryTimer = ctx.schedule(this::checkExpiry, trustedUntil - now);
        return;
      }
      lost =
          endLocked(
              "no renewal was confirmed within the lease"
                  + (lastError == null ? "" : " (last renewal failed: " + lastError + ")"),
              lastError);
    } finally {
      lock.unlock();
    }
    lostAfterUnlock(lost);
  }

  private LeaseLost endLocked(String reason, @Nullable Throwable cause) {
    active = false;
    cancel(renewTimer);
    cancel(expiryTimer);
    return new LeaseLost(name, key, reason, cause);
  }

  private void lostAfterUnlock(LeaseLost lost) {
    // the gateway may still hold our value (expiry is counted conservatively): free it for others
    releaseQuietly(ctx, key, value);
    onLost.lost(this, lost);
  }

  /**
   * Stops renewing and deletes the key if it still holds this lease's value.
   *
   * @return true if the key was deleted; false if it was already gone or taken (or this lease had
   *     ended)
   */
  CompletableFuture<Boolean> release() {
    lock.lock();
    try {
      if (!active) {
        return CompletableFuture.completedFuture(false);
      }
      active = false;
      cancel(renewTimer);
      cancel(expiryTimer);
    } finally {
      lock.unlock();
    }
    try {
      return ctx.kv().compareAndDelete(ctx.target(), key, value, ctx.requestTimeout());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Stops renewing but keeps the lease trusted until its current expiry (used before the key is
   * overwritten with a final value).
   */
  void stopRenewing() {
    lock.lock();
    try {
      renewing = false;
      cancel(renewTimer);
    } finally {
      lock.unlock();
    }
  }

  /** Ends the lease without touching the key. */
  void abandon() {
    lock.lock();
    try {
      active = false;
      cancel(renewTimer);
      cancel(expiryTimer);
    } finally {
      lock.unlock();
    }
  }

  private static void cancel(@Nullable ScheduledFuture<?> f) {
    if (f != null) {
      f.cancel(false);
    }
  }
}
