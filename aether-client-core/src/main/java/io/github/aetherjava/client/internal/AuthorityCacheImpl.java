/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.PrincipalRef;
import io.github.aetherjava.client.Registration;
import io.github.aetherjava.client.authority.AuthorityCache;
import io.github.aetherjava.client.authority.AuthorityCacheOptions;
import io.github.aetherjava.client.authority.AuthorityGrant;
import io.github.aetherjava.client.authority.AuthorityGrants;
import io.github.aetherjava.client.authority.GrantRevocation;
import io.github.aetherjava.client.authority.GrantSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * {@link AuthorityCache} over {@link AuthorityGrants}. One lock guards the entries and the
 * in-flight fetches; user code (listeners, dependent stages) never runs under it.
 */
public final class AuthorityCacheImpl implements AuthorityCache {

  private final AuthorityGrants grants;
  private final AuthorityCacheOptions options;
  private final ReentrantLock lock = new ReentrantLock();
  // access order: the eldest entry is the least recently used
  private final LinkedHashMap<String, AuthorityGrant> entries =
      new LinkedHashMap<>(16, 0.75f, true);
  private final Map<String, CompletableFuture<AuthorityGrant>> inflight = new HashMap<>();
  // bumped by every invalidation so a fetch that started before it is not cached afterwards
  private long generation;
  private boolean closed;
  private final EventListeners<GrantRevocation> listeners = new EventListeners<>("authority cache");
  private final Registration revocations;

  /**
   * @param grants the operations the cache calls
   * @param options settings
   */
  public AuthorityCacheImpl(AuthorityGrants grants, AuthorityCacheOptions options) {
    this.grants = Arguments.notNull(grants, "grants");
    this.options = Arguments.notNull(options, "options");
    this.revocations = grants.onRevocation(this::revoked);
  }

  @Override
  public CompletableFuture<AuthorityGrant> getOrExchange(String sourceSessionId, GrantSpec spec) {
    return Arguments.check(
        () -> {
          Arguments.notNull(sourceSessionId, "sourceSessionId");
          Arguments.notNull(spec, "spec");
          String key = "x|" + sourceSessionId + "|" + spec.audienceType() + "|" + spec.audienceId();
          return cached(
              key, () -> grants.exchange(sourceSessionId, spec, options.operationTimeout()));
        });
  }

  @Override
  public CompletableFuture<AuthorityGrant> deriveForTarget(
      String parentGrantId, PrincipalRef target, GrantSpec spec) {
    return Arguments.check(
        () -> {
          Arguments.notNull(target, "target");
          Arguments.notNull(spec, "spec");
          if (parentGrantId == null || parentGrantId.isBlank()) {
            throw new InvalidArgumentException("parentGrantId must not be blank");
          }
          String key =
              "d|"
                  + parentGrantId
                  + "|"
                  + target.type()
                  + "|"
                  + target.id()
                  + "|"
                  + spec.audienceType()
                  + "|"
                  + spec.audienceId();
          return cached(
              key,
              () ->
                  grants.deriveForTarget(parentGrantId, target, spec, options.operationTimeout()));
        });
  }

  private CompletableFuture<AuthorityGrant> cached(
      String key, Supplier<CompletableFuture<AuthorityGrant>> fetch) {
    CompletableFuture<AuthorityGrant> shared;
    long startedAt;
    lock.lock();
    try {
      if (closed) {
        return CompletableFuture.failedFuture(
            new IllegalStateException("the authority cache is closed"));
      }
      AuthorityGrant g = fresh(key);
      if (g != null) {
        return CompletableFuture.completedFuture(g);
      }
      CompletableFuture<AuthorityGrant> running = inflight.get(key);
      if (running != null) {
        return running.copy();
      }
      shared = new CompletableFuture<>();
      inflight.put(key, shared);
      startedAt = generation;
    } finally {
      lock.unlock();
    }
    CompletableFuture<AuthorityGrant> call;
    try {
      call = fetch.get();
    } catch (RuntimeException e) {
      call = CompletableFuture.failedFuture(e);
    }
    call.whenComplete(
        (grant, error) -> {
          lock.lock();
          try {
            inflight.remove(key, shared);
            if (error == null && !closed && generation == startedAt && !grant.revoked()) {
              entries.put(key, grant);
              trim();
            }
          } finally {
            lock.unlock();
          }
          if (error != null) {
            shared.completeExceptionally(error);
          } else {
            shared.complete(grant);
          }
        });
    return shared.copy();
  }

  // Under the lock: the entry if it is not stale, else drops it.
  private @Nullable AuthorityGrant fresh(String key) {
    AuthorityGrant g = entries.get(key);
    if (g == null) {
      return null;
    }
    Instant staleAt = g.expiresAt().minus(options.softRenewSkew());
    if (g.revoked() || !options.clock().instant().isBefore(staleAt)) {
      entries.remove(key);
      return null;
    }
    return g;
  }

  private void trim() {
    Iterator<String> eldest = entries.keySet().iterator();
    while (entries.size() > options.maxEntries() && eldest.hasNext()) {
      eldest.next();
      eldest.remove();
    }
  }

  private void revoked(GrantRevocation revocation) {
    int dropped = invalidate(revocation.grantId());
    if (!revocation.rootGrantId().isEmpty()
        && !revocation.rootGrantId().equals(revocation.grantId())) {
      dropped += invalidate(revocation.rootGrantId());
    }
    if (dropped == 0) {
      return;
    }
    listeners.fire(revocation);
  }

  @Override
  public int invalidate(String grantIdOrRootId) {
    Arguments.notNull(grantIdOrRootId, "grantIdOrRootId");
    lock.lock();
    try {
      generation++;
      int dropped = 0;
      Iterator<AuthorityGrant> it = entries.values().iterator();
      while (it.hasNext()) {
        AuthorityGrant g = it.next();
        if (g.grantId().equals(grantIdOrRootId) || g.rootGrantId().equals(grantIdOrRootId)) {
          it.remove();
          dropped++;
        }
      }
      return dropped;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean isValid(String grantId) {
    lock.lock();
    try {
      for (String key : new ArrayList<>(entries.keySet())) {
        AuthorityGrant g = entries.get(key);
        if (g != null && g.grantId().equals(grantId) && fresh(key) != null) {
          return true;
        }
      }
      return false;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public List<AuthorityGrant> active() {
    lock.lock();
    try {
      Set<String> seen = new LinkedHashSet<>();
      List<AuthorityGrant> out = new ArrayList<>();
      for (String key : new ArrayList<>(entries.keySet())) {
        AuthorityGrant g = fresh(key);
        if (g != null && seen.add(g.grantId())) {
          out.add(g);
        }
      }
      return List.copyOf(out);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public int size() {
    lock.lock();
    try {
      return entries.size();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Registration onRevoked(Consumer<GrantRevocation> listener) {
    return listeners.add(listener);
  }

  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      entries.clear();
    } finally {
      lock.unlock();
    }
    revocations.close();
  }
}
