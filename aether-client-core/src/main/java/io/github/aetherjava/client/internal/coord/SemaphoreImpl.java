/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal.coord;

import io.github.aetherjava.client.AetherTimeoutException;
import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.Registration;
import io.github.aetherjava.client.coord.AetherSemaphore;
import io.github.aetherjava.client.coord.LeaseLost;
import io.github.aetherjava.client.coord.LockNotHeldException;
import io.github.aetherjava.client.coord.SemaphorePermit;
import io.github.aetherjava.client.internal.Arguments;
import io.github.aetherjava.client.kv.KvValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** {@link AetherSemaphore} as {@code permits} leased slot keys. */
public final class SemaphoreImpl implements AetherSemaphore {

  /** Infix of the slot keys: {@code name + ".permit." + slot}. */
  static final String SLOT_INFIX = ".permit.";

  private final CoordContext ctx;
  private final String name;
  private final int permits;
  private final Listeners<Consumer<LeaseLost>> listeners;

  /**
   * @param ctx shared context
   * @param name semaphore name
   * @param permits number of permits, ≥ 1
   */
  public SemaphoreImpl(CoordContext ctx, String name, int permits) {
    if (permits < 1) {
      throw new InvalidArgumentException("permits must be at least 1, got " + permits);
    }
    this.ctx = ctx;
    this.name =
        CoordContext.checkName(name, SLOT_INFIX.length() + String.valueOf(permits - 1).length());
    this.permits = permits;
    this.listeners = new Listeners<>(ctx.callbacks());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int permits() {
    return permits;
  }

  private String slotKey(int slot) {
    return name + SLOT_INFIX + slot;
  }

  @Override
  public CompletableFuture<Optional<SemaphorePermit>> tryAcquire() {
    return tryAcquire(Duration.ZERO);
  }

  @Override
  public CompletableFuture<Optional<SemaphorePermit>> tryAcquire(Duration waitTime) {
    return Arguments.check(
        () -> {
          Arguments.notNull(waitTime, "waitTime");
          CompletableFuture<Optional<SemaphorePermit>> result = new CompletableFuture<>();
          long deadline = ctx.now() + Math.max(0, waitTime.toNanos());
          round(deadline, result);
          return result;
        });
  }

  private void round(long deadline, CompletableFuture<Optional<SemaphorePermit>> result) {
    int start = ThreadLocalRandom.current().nextInt(permits);
    trySlot(start, 0)
        .whenCompleteAsync(
            (permit, error) -> {
              if (error != null) {
                ctx.deliver(result, null, CoordContext.unwrap(error));
              } else if (permit != null) {
                ctx.deliver(result, Optional.of(permit), null);
              } else {
                long left = deadline - ctx.now();
                if (left <= 0) {
                  ctx.deliver(result, Optional.empty(), null);
                } else {
                  ctx.schedule(
                      () -> round(deadline, result), Math.min(left, ctx.retryDelayNanos()));
                }
              }
            },
            ctx.internal());
  }

  /** Tries the slots from {@code start} on, one after the other, until one is taken. */
  private CompletableFuture<@Nullable SemaphorePermit> trySlot(int start, int tried) {
    if (tried == permits) {
      return CompletableFuture.completedFuture(null);
    }
    int slot = (start + tried) % permits;
    PermitImpl permit = new PermitImpl(slot);
    return Lease.tryAcquire(
            ctx, name, slotKey(slot), ctx.newHolderValue(ctx.ownerId()), permit::lost)
        .thenCompose(
            lease -> {
              if (lease == null) {
                return trySlot(start, tried + 1);
              }
              permit.lease = lease;
              return CompletableFuture.completedFuture(permit);
            });
  }

  @Override
  public CompletableFuture<SemaphorePermit> acquire(Duration timeout) {
    // checked here too, so a bad timeout fails the future itself rather than a dependent stage
    return Arguments.check(
        () ->
            tryAcquire(Arguments.notNull(timeout, "timeout"))
                .thenApply(
                    p ->
                        p.orElseThrow(
                            () ->
                                new AetherTimeoutException(
                                    "semaphore.acquire(" + name + ")", timeout, null))));
  }

  @Override
  public CompletableFuture<Integer> availablePermits() {
    List<CompletableFuture<KvValue>> reads = new ArrayList<>(permits);
    try {
      for (int i = 0; i < permits; i++) {
        reads.add(ctx.kv().get(ctx.target(), slotKey(i), ctx.requestTimeout()));
      }
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    CompletableFuture<Integer> result = new CompletableFuture<>();
    CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new))
        .whenComplete(
            (ignored, error) -> {
              if (error != null) {
                ctx.deliver(result, null, ctx.explain(error, "get", slotKey(0)));
                return;
              }
              int free = 0;
              for (CompletableFuture<KvValue> r : reads) {
                if (r.join().isEmpty()) {
                  free++;
                }
              }
              ctx.deliver(result, free, null);
            });
    return result;
  }

  @Override
  public Registration onLost(Consumer<LeaseLost> listener) {
    return listeners.add(listener);
  }

  @Override
  public String toString() {
    return "AetherSemaphore[" + name + ", permits=" + permits + "]";
  }

  private final class PermitImpl implements SemaphorePermit {

    private final int slot;
    private volatile @Nullable Lease lease;

    PermitImpl(int slot) {
      this.slot = slot;
    }

    void lost(Lease which, LeaseLost event) {
      listeners.fire(l -> l.accept(event));
    }

    @Override
    public int slot() {
      return slot;
    }

    @Override
    public boolean isValid() {
      Lease l = lease;
      return l != null && l.isValid();
    }

    @Override
    public CompletableFuture<Void> release() {
      Lease l = lease;
      CompletableFuture<Void> result = new CompletableFuture<>();
      if (l == null || !l.isValid()) {
        if (l != null) {
          l.release();
        }
        ctx.deliver(
            result,
            null,
            new LockNotHeldException(
                "permit " + slot + " of semaphore '" + name + "' is not held"));
        return result;
      }
      l.release()
          .whenComplete(
              (deleted, error) ->
                  ctx.deliver(
                      result,
                      null,
                      error == null ? null : ctx.explain(error, "compare-and-delete", l.key())));
      return result;
    }

    @Override
    public void close() {
      Lease l = lease;
      if (l != null) {
        l.release();
      }
    }

    @Override
    public String toString() {
      return "SemaphorePermit[" + name + "#" + slot + ", valid=" + isValid() + "]";
    }
  }
}
