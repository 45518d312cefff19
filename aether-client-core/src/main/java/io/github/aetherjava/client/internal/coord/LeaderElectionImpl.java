/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal.coord;

import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.Registration;
import io.github.aetherjava.client.coord.LeaderElection;
import io.github.aetherjava.client.coord.LeadershipListener;
import io.github.aetherjava.client.coord.LeaseLost;
import io.github.aetherjava.client.internal.Arguments;
import io.github.aetherjava.client.kv.KvValue;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link LeaderElection} as a campaign loop over {@link Lease}s on one key. */
public final class LeaderElectionImpl implements LeaderElection {

  private static final Logger LOG = LoggerFactory.getLogger(LeaderElectionImpl.class);

  private final CoordContext ctx;
  private final String name;
  private final String candidateId;
  private final Listeners<LeadershipListener> listeners;
  private final ReentrantLock lock = new ReentrantLock();

  private boolean started;
  private boolean closed;
  private boolean attempting;
  private @Nullable Lease lease;
  private @Nullable ScheduledFuture<?> next;
  private Optional<String> observed = Optional.empty();

  /**
   * @param ctx shared context
   * @param name election name (its key)
   * @param candidateId this candidate's id
   */
  public LeaderElectionImpl(CoordContext ctx, String name, String candidateId) {
    this.ctx = ctx;
    this.name = CoordContext.checkName(name, 0);
    if (Arguments.notBlank(candidateId, "candidateId").indexOf('#') >= 0) {
      throw new InvalidArgumentException(
          "candidateId must be non-blank and must not contain '#', got '" + candidateId + "'");
    }
    this.candidateId = candidateId;
    this.listeners = new Listeners<>(ctx.callbacks());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String candidateId() {
    return candidateId;
  }

  @Override
  public LeaderElection start() {
    lock.lock();
    try {
      if (started || closed) {
        return this;
      }
      started = true;
      next = ctx.schedule(this::attempt, 0);
    } finally {
      lock.unlock();
    }
    return this;
  }

  private void attempt() {
    lock.lock();
    try {
      if (closed || lease != null || attempting) {
        return;
      }
      attempting = true;
    } finally {
      lock.unlock();
    }
    Lease.tryAcquire(ctx, name, name, ctx.newHolderValue(candidateId), this::lost)
        .whenCompleteAsync(this::attempted, ctx.internal());
  }

  private void attempted(@Nullable Lease won, @Nullable Throwable error) {
    boolean granted = false;
    boolean release = false;
    lock.lock();
    try {
      attempting = false;
      if (closed) {
        release = won != null;
      } else if (won != null) {
        lease = won;
        observed = Optional.of(candidateId);
        granted = true;
      } else {
        next = ctx.schedule(this::attempt, ctx.retryDelayNanos());
      }
    } finally {
      lock.unlock();
    }
    if (release && won != null) {
      won.release();
    } else if (granted) {
      listeners.fire(
          l -> {
            l.onGranted(this);
            l.onLeaderChanged(Optional.of(candidateId));
          });
    } else if (error != null) {
      Throwable cause = CoordContext.unwrap(error);
      if (cause instanceof io.github.aetherjava.client.coord.CoordinationRefusedException) {
        LOG.warn("election '{}': {}", name, cause.getMessage());
      } else {
        LOG.debug("election '{}': campaign attempt failed", name, cause);
      }
    } else if (won == null) {
      observe();
    }
  }

  private void observe() {
    CompletableFuture<KvValue> f;
    try {
      f = ctx.kv().get(ctx.target(), name, ctx.requestTimeout());
    } catch (RuntimeException e) {
      return;
    }
    f.whenCompleteAsync(
        (v, error) -> {
          if (error != null) {
            return;
          }
          Optional<String> leader = leaderOf(v);
          boolean changed;
          lock.lock();
          try {
            changed = lease == null && !closed && !leader.equals(observed);
            if (changed) {
              observed = leader;
            }
          } finally {
            lock.unlock();
          }
          if (changed) {
            listeners.fire(l -> l.onLeaderChanged(leader));
          }
        },
        ctx.internal());
  }

  private static Optional<String> leaderOf(KvValue v) {
    return v.isEmpty() ? Optional.empty() : Optional.of(CoordContext.ownerOf(v.asString()));
  }

  private void lost(Lease which, LeaseLost event) {
    lock.lock();
    try {
      if (lease != which) {
        return;
      }
      lease = null;
      observed = Optional.empty();
      if (!closed) {
        next = ctx.schedule(this::attempt, ctx.retryDelayNanos());
      }
    } finally {
      lock.unlock();
    }
    LOG.warn("election '{}': leadership lost: {}", name, event.reason());
    listeners.fire(
        l -> {
          l.onRevoked(this, Optional.of(event));
          l.onLeaderChanged(Optional.empty());
        });
  }

  @Override
  public CompletableFuture<Void> resign() {
    return giveUp(false);
  }

  private CompletableFuture<Void> giveUp(boolean close) {
    Lease held;
    lock.lock();
    try {
      if (close) {
        closed = true;
        if (next != null) {
          next.cancel(false);
        }
      }
      held = lease;
      lease = null;
      if (held != null) {
        observed = Optional.empty();
      }
    } finally {
      lock.unlock();
    }
    CompletableFuture<Void> result = new CompletableFuture<>();
    if (held == null) {
      ctx.deliver(result, null, null);
      return result;
    }
    // the key is released only after onRevoked returned: nobody else can be granted before
    listeners.fireThen(
        l -> {
          l.onRevoked(this, Optional.empty());
          l.onLeaderChanged(Optional.empty());
        },
        () ->
            held.release()
                .whenCompleteAsync(
                    (deleted, error) -> {
                      lock.lock();
                      try {
                        if (!closed && started) {
                          next = ctx.schedule(this::attempt, ctx.retryDelayNanos());
                        }
                      } finally {
                        lock.unlock();
                      }
                      ctx.deliver(
                          result,
                          null,
                          error == null ? null : ctx.explain(error, "compare-and-delete", name));
                    },
                    ctx.internal()));
    return result;
  }

  @Override
  public boolean isLeader() {
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
  public Optional<String> observedLeader() {
    lock.lock();
    try {
      return observed;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public CompletableFuture<Optional<String>> currentLeader() {
    CompletableFuture<Optional<String>> result = new CompletableFuture<>();
    CompletableFuture<KvValue> f;
    try {
      f = ctx.kv().get(ctx.target(), name, ctx.requestTimeout());
    } catch (RuntimeException e) {
      f = CompletableFuture.failedFuture(e);
    }
    f.whenComplete(
        (v, error) ->
            ctx.deliver(
                result,
                error == null ? leaderOf(v) : null,
                error == null ? null : ctx.explain(error, "get", name)));
    return result;
  }

  @Override
  public Registration addListener(LeadershipListener listener) {
    return listeners.add(listener);
  }

  @Override
  public void close() {
    giveUp(true);
  }

  @Override
  public String toString() {
    return "LeaderElection[" + name + ", candidate=" + candidateId + "]";
  }
}
