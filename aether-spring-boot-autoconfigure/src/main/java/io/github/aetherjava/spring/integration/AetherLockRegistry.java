/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.integration;

import io.github.aetherjava.client.AetherException;
import io.github.aetherjava.client.coord.AetherMutex;
import io.github.aetherjava.client.coord.Coordination;
import io.github.aetherjava.client.coord.LockNotHeldException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.integration.support.locks.ExpirableLockRegistry;

/**
 * Spring Integration {@link ExpirableLockRegistry} whose locks are {@link AetherMutex}es: one KV
 * key per lock key ({@code keyPrefix + lockKey}), leased and renewed in the background, so a
 * crashed holder's lock frees itself after the lease. Within one JVM a lock is also a {@link
 * ReentrantLock}: reentrant for the owning thread, and only the outermost {@code lock}/{@code
 * unlock} talk to the gateway. Usable wherever Spring Integration takes a {@code LockRegistry}
 * (aggregators, {@code LockRegistryLeaderInitiator}, {@code executeLocked}).
 *
 * <p>{@link Lock#unlock()} throws {@link IllegalStateException} when the lease was lost while held
 * (the data the lock protected may have been changed by another holder).
 *
 * @since 0.1.0
 */
public class AetherLockRegistry implements ExpirableLockRegistry<Lock> {

  /** Default prefix of the lock keys. */
  public static final String DEFAULT_KEY_PREFIX = "lock/";

  /** How long one wait for the distributed lock lasts before the loop checks again. */
  private static final Duration WAIT_SLICE = Duration.ofSeconds(30);

  private final Coordination coordination;
  private final String keyPrefix;
  private final Map<String, AetherLock> locks = new ConcurrentHashMap<>();

  /**
   * @param coordination where the locks live
   * @param keyPrefix prefix of the KV keys
   */
  public AetherLockRegistry(Coordination coordination, String keyPrefix) {
    this.coordination = Objects.requireNonNull(coordination, "coordination");
    this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
  }

  /**
   * @param coordination where the locks live
   */
  public AetherLockRegistry(Coordination coordination) {
    this(coordination, DEFAULT_KEY_PREFIX);
  }

  @Override
  public Lock obtain(Object lockKey) {
    if (!(lockKey instanceof String key)) {
      throw new IllegalArgumentException(
          "lockKey must be a String, got " + (lockKey == null ? "null" : lockKey.getClass()));
    }
    return locks.computeIfAbsent(key, k -> new AetherLock(coordination.mutex(keyPrefix + k)));
  }

  @Override
  public void expireUnusedOlderThan(long age) {
    long cutoff = System.currentTimeMillis() - age;
    Iterator<AetherLock> it = locks.values().iterator();
    while (it.hasNext()) {
      AetherLock l = it.next();
      if (l.lastUsed < cutoff && !l.local.isLocked()) {
        it.remove();
      }
    }
  }

  @Override
  public String toString() {
    return "AetherLockRegistry[prefix=" + keyPrefix + ", " + coordination.options().target() + "]";
  }

  private static <T> T await(CompletableFuture<T> f) throws InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(c);
    }
  }

  /** A registry lock: a local reentrant lock in front of one distributed mutex. */
  static final class AetherLock implements Lock {

    private final AetherMutex mutex;
    private final ReentrantLock local = new ReentrantLock();
    private volatile long lastUsed = System.currentTimeMillis();

    AetherLock(AetherMutex mutex) {
      this.mutex = mutex;
    }

    @Override
    public void lock() {
      boolean interrupted = false;
      while (true) {
        try {
          lockInterruptibly();
          break;
        } catch (InterruptedException e) {
          interrupted = true; // lock() is not interruptible: remember and keep waiting
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void lockInterruptibly() throws InterruptedException {
      local.lockInterruptibly();
      if (local.getHoldCount() > 1) {
        return;
      }
      try {
        while (!await(mutex.tryLock(WAIT_SLICE))) {
          // keep waiting: lock() has no deadline
        }
        lastUsed = System.currentTimeMillis();
      } catch (InterruptedException | RuntimeException e) {
        local.unlock();
        throw e;
      }
    }

    @Override
    public boolean tryLock() {
      try {
        return tryLock(0, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }

    @Override
    public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
      long deadline = System.nanoTime() + unit.toNanos(time);
      if (!local.tryLock(time, unit)) {
        return false;
      }
      if (local.getHoldCount() > 1) {
        return true;
      }
      try {
        long left = Math.max(0, deadline - System.nanoTime());
        if (await(mutex.tryLock(Duration.ofNanos(left)))) {
          lastUsed = System.currentTimeMillis();
          return true;
        }
      } catch (InterruptedException | RuntimeException e) {
        local.unlock();
        throw e;
      }
      local.unlock();
      return false;
    }

    @Override
    public void unlock() {
      if (!local.isHeldByCurrentThread()) {
        throw new IllegalMonitorStateException("this thread does not hold " + mutex.name());
      }
      if (local.getHoldCount() > 1) {
        local.unlock();
        return;
      }
      try {
        await(mutex.unlock());
      } catch (LockNotHeldException e) {
        throw new IllegalStateException(
            "lock '"
                + mutex.name()
                + "' was lost before it was unlocked (its lease expired or was taken over); the"
                + " data it protected may have been changed concurrently",
            e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        mutex.close(); // release without waiting
      } catch (AetherException e) {
        // the lease ends by itself; report the failed release
        throw new IllegalStateException("failed to release lock '" + mutex.name() + "'", e);
      } finally {
        lastUsed = System.currentTimeMillis();
        local.unlock();
      }
    }

    @Override
    public Condition newCondition() {
      throw new UnsupportedOperationException("conditions are not supported by distributed locks");
    }

    @Override
    public String toString() {
      return "AetherLock[" + mutex.name() + ", held=" + mutex.isHeld() + "]";
    }
  }
}
