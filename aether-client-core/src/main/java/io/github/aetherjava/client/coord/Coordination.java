/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.coord;

import io.github.aetherjava.client.AetherClient;
import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.KvAccess;
import io.github.aetherjava.client.internal.Arguments;
import io.github.aetherjava.client.internal.ClientExecutors;
import io.github.aetherjava.client.internal.coord.CoordContext;
import io.github.aetherjava.client.internal.coord.LeaderElectionImpl;
import io.github.aetherjava.client.internal.coord.MutexImpl;
import io.github.aetherjava.client.internal.coord.OnceImpl;
import io.github.aetherjava.client.internal.coord.SemaphoreImpl;
import io.github.aetherjava.client.kv.KvClient;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * Creates the coordination primitives of one client in one KV scope. Every primitive is a plain
 * sequence of conditional KV writes, so it works against any gateway whose ACL lets the principal
 * write the scope; the primitives of different processes coordinate when they use the same scope
 * (and workspace) and name.
 *
 * <pre>{@code
 * Coordination coord = Coordination.create(service,
 *     CoordinationOptions.of(KvTarget.workspaceScope("ops")));
 * AetherMutex mutex = coord.mutex("nightly-report");
 * if (mutex.tryLock().join()) {
 *   try { runReport(mutex.fencingToken().getAsLong()); } finally { mutex.unlock().join(); }
 * }
 * }</pre>
 *
 * <p>Key layout (all in the chosen scope): a mutex, election or once uses the key {@code name}; a
 * mutex also counts fencing tokens at {@code name + ".fence"}; a semaphore uses {@code name +
 * ".permit." + slot}. A held key's value is {@code ownerId#nonce}.
 *
 * @since 0.1.0
 */
public final class Coordination {

  private final CoordContext ctx;

  private Coordination(CoordContext ctx) {
    this.ctx = ctx;
  }

  /**
   * @param client a client whose principal may use the KV store (agent, task, service, workflow
   *     engine, metrics bridge); listeners run on its callback executor
   * @param options scope, lease and intervals
   * @return the factory
   */
  public static Coordination create(AetherClient client, CoordinationOptions options) {
    Arguments.notNull(client, "client");
    Arguments.notNull(options, "options");
    if (!(client instanceof KvAccess access)) {
      throw new InvalidArgumentException(
          "client: " + client.kind() + " clients have no KV access, so cannot coordinate");
    }
    return create(access.kv(), client.callbackExecutor(), options);
  }

  /**
   * @param kv KV client
   * @param callbackExecutor executor for listeners and for completing returned futures
   * @param options scope, lease and intervals
   * @return the factory
   */
  public static Coordination create(
      KvClient kv, Executor callbackExecutor, CoordinationOptions options) {
    Arguments.notNull(kv, "kv");
    Arguments.notNull(callbackExecutor, "callbackExecutor");
    Arguments.notNull(options, "options");
    return new Coordination(
        new CoordContext(
            kv, callbackExecutor, options, ClientExecutors.scheduler(), System::nanoTime));
  }

  /**
   * @return the options
   */
  public CoordinationOptions options() {
    return ctx.options();
  }

  /**
   * @return owner id written into the keys this coordination's primitives hold
   */
  public String ownerId() {
    return ctx.ownerId();
  }

  /**
   * @param name lock name (its KV key)
   * @return a new, unlocked mutex (one holder per instance)
   */
  public AetherMutex mutex(String name) {
    return new MutexImpl(ctx, name);
  }

  /**
   * @param name election name (its KV key)
   * @return a candidate with {@link #ownerId()} as its id; call {@link LeaderElection#start()}
   */
  public LeaderElection leaderElection(String name) {
    return new LeaderElectionImpl(ctx, name, ctx.ownerId());
  }

  /**
   * @param name election name (its KV key)
   * @param candidateId this candidate's id (non-blank, no {@code '#'})
   * @return a candidate; call {@link LeaderElection#start()}
   */
  public LeaderElection leaderElection(String name, String candidateId) {
    Arguments.notNull(candidateId, "candidateId");
    return new LeaderElectionImpl(ctx, name, candidateId);
  }

  /**
   * @param name semaphore name
   * @param permits number of permits (the same in every process)
   * @return the semaphore
   */
  public AetherSemaphore semaphore(String name, int permits) {
    return new SemaphoreImpl(ctx, name, permits);
  }

  /**
   * @param name once name (its KV key)
   * @return a run-once guard whose result is kept forever
   */
  public Once once(String name) {
    return new OnceImpl(ctx, name, Duration.ZERO);
  }

  /**
   * @param name once name (its KV key)
   * @param resultTtl how long the result is kept; afterwards the task may run again ("once per
   *     window"); {@link Duration#ZERO} = forever
   * @return a run-once guard
   */
  public Once once(String name, Duration resultTtl) {
    Arguments.notNull(resultTtl, "resultTtl");
    return new OnceImpl(ctx, name, resultTtl);
  }

  @Override
  public String toString() {
    return "Coordination[" + ctx.options() + ", owner=" + ctx.ownerId() + "]";
  }
}
