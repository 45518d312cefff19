/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.shedlock;

import io.github.aetherjava.client.AetherException;
import io.github.aetherjava.client.FailureReason;
import io.github.aetherjava.client.GatewayErrorException;
import io.github.aetherjava.client.kv.KvClient;
import io.github.aetherjava.client.kv.KvScope;
import io.github.aetherjava.client.kv.KvTarget;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.javacrumbs.shedlock.core.AbstractSimpleLock;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.ExtensibleLockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.jspecify.annotations.Nullable;

/**
 * ShedLock {@link ExtensibleLockProvider} on the Aether KV store, so {@code @SchedulerLock} needs
 * no database. A lock is the key {@code keyPrefix + name} holding a per-acquisition token, written
 * with set-if-absent and a TTL of {@code lockAtMostFor} (ShedLock locks are not renewed: a task
 * running longer than {@code lockAtMostFor} may run twice). Unlocking deletes the key if it still
 * holds the token, or, while {@code lockAtLeastFor} has not passed, shortens its TTL to the rest of
 * it. TTLs are whole seconds, rounded up.
 *
 * <p>ShedLock calls the provider on the scheduler's thread; each call blocks for at most the
 * request timeout. A gateway failure while locking is thrown (the task does not run).
 *
 * @since 0.1.0
 */
public class AetherLockProvider implements ExtensibleLockProvider {

  /** Default prefix of the lock keys. */
  public static final String DEFAULT_KEY_PREFIX = "shedlock/";

  private final KvClient kv;
  private final KvTarget target;
  private final String keyPrefix;
  private final Duration timeout;
  private final String ownerId;

  /**
   * @param kv KV client
   * @param target scope of the lock keys (shared by every instance)
   * @param keyPrefix prefix of the lock keys
   * @param timeout timeout of each KV request
   */
  public AetherLockProvider(KvClient kv, KvTarget target, String keyPrefix, Duration timeout) {
    this.kv = Objects.requireNonNull(kv, "kv");
    this.target = Objects.requireNonNull(target, "target");
    this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.ownerId = UUID.randomUUID().toString();
  }

  @Override
  public Optional<SimpleLock> lock(LockConfiguration config) {
    String key = keyPrefix + config.getName();
    byte[] token = (ownerId + "#" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    Duration ttl = remaining(config.getLockAtMostUntil());
    if (ttl.isZero()) {
      return Optional.empty();
    }
    boolean applied = await(kv.setNx(target, key, token, ttl, timeout), "set-if-absent", key);
    return applied ? Optional.of(new AetherSimpleLock(config, key, token)) : Optional.empty();
  }

  private static Duration remaining(Instant until) {
    Duration d = Duration.between(ClockProvider.now(), until);
    return d.isNegative() ? Duration.ZERO : d;
  }

  private <T> T await(CompletableFuture<T> f, String operation, String key) {
    try {
      return f.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AetherException(
          FailureReason.CLOSED, "shedlock: interrupted during " + operation, e, true);
    } catch (TimeoutException e) {
      throw new AetherException(
          FailureReason.TIMEOUT, "shedlock: " + operation + " of '" + key + "' timed out", e, true);
    } catch (ExecutionException e) {
      throw explain(e.getCause(), operation, key);
    }
  }

  private RuntimeException explain(@Nullable Throwable cause, String operation, String key) {
    if (cause instanceof GatewayErrorException g
        && ("KV_ERROR".equals(g.code()) || "ERR_PERMISSION_DENIED".equals(g.code()))
        && !target.scope().isExclusive()) {
      return new GatewayErrorException(
          g.code(),
          "shedlock: the gateway refused "
              + operation
              + " of '"
              + key
              + "' in scope "
              + target.scope().canonicalName()
              + " ("
              + g.getMessage()
              + "). AetherLite in dev mode denies the shared scopes (global, workspace,"
              + " user-shared, user-workspace-shared) until an ACL grant kv_scope:"
              + target.scope().canonicalName()
              + " exists.",
          false,
          Duration.ZERO);
    }
    if (cause instanceof RuntimeException r) {
      return r;
    }
    return new AetherException(
        FailureReason.INTERNAL,
        "shedlock: " + operation + " of '" + key + "' failed",
        cause,
        false);
  }

  @Override
  public String toString() {
    return "AetherLockProvider[prefix=" + keyPrefix + ", scope=" + scopeName(target.scope()) + "]";
  }

  private static String scopeName(KvScope scope) {
    return scope.canonicalName();
  }

  private final class AetherSimpleLock extends AbstractSimpleLock {

    private final String key;
    private final byte[] token;

    AetherSimpleLock(LockConfiguration config, String key, byte[] token) {
      super(config);
      this.key = key;
      this.token = token;
    }

    @Override
    protected void doUnlock() {
      Duration atLeast = remaining(lockConfiguration.getLockAtLeastUntil());
      if (atLeast.isZero()) {
        await(kv.compareAndDelete(target, key, token, timeout), "compare-and-delete", key);
      } else {
        await(
            kv.compareAndSet(target, key, token, token, atLeast, timeout), "compare-and-set", key);
      }
    }

    @Override
    protected Optional<SimpleLock> doExtend(LockConfiguration newConfig) {
      Duration ttl = remaining(newConfig.getLockAtMostUntil());
      if (ttl.isZero()) {
        return Optional.empty();
      }
      boolean applied =
          await(kv.compareAndSet(target, key, token, token, ttl, timeout), "compare-and-set", key);
      return applied ? Optional.of(new AetherSimpleLock(newConfig, key, token)) : Optional.empty();
    }
  }
}
