/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.authority;

import io.github.aetherjava.client.PrincipalRef;
import io.github.aetherjava.client.Registration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Reuses authority grants instead of exchanging or deriving one per call. Grants are kept per
 * (source session, audience) for exchanges and per (parent, target, audience) for derivations; a
 * grant is fetched again once within {@link AuthorityCacheOptions#softRenewSkew()} of its expiry;
 * concurrent requests for one key share a single round trip; a revocation pushed by the gateway
 * drops the grant and every cached grant with that root; the least recently used grant is dropped
 * beyond {@link AuthorityCacheOptions#maxEntries()}. Thread-safe. Create with {@link
 * AuthorityGrants#newCache(AuthorityCacheOptions)}; close to stop listening for revocations.
 *
 * @since 0.1.0
 */
public interface AuthorityCache extends AutoCloseable {

  /**
   * The cached grant for ({@code sourceSessionId}, the spec's audience), or a new exchange. Keep
   * the rest of the spec the same for one key.
   *
   * @param sourceSessionId the user's session id, or empty to exchange for oneself
   * @param spec what a new grant should allow
   * @return a fresh grant
   */
  CompletableFuture<AuthorityGrant> getOrExchange(String sourceSessionId, GrantSpec spec);

  /**
   * The cached grant for ({@code parentGrantId}, {@code target}, the spec's audience), or the
   * gateway's derive-for-target answer (which itself reuses an existing grant).
   *
   * @param parentGrantId the parent grant
   * @param target the delegate
   * @param spec what a new grant should allow; the audience is required
   * @return a fresh grant
   */
  CompletableFuture<AuthorityGrant> deriveForTarget(
      String parentGrantId, PrincipalRef target, GrantSpec spec);

  /**
   * Drops every cached grant whose id or root id is {@code grantIdOrRootId} (local only).
   *
   * @param grantIdOrRootId a grant id or root grant id
   * @return how many entries were dropped
   */
  int invalidate(String grantIdOrRootId);

  /**
   * @param grantId grant id
   * @return true if the grant is cached and not stale (never asks the gateway)
   */
  boolean isValid(String grantId);

  /**
   * @return the cached grants that are not stale, one per grant id
   */
  List<AuthorityGrant> active();

  /**
   * @return number of cached entries
   */
  int size();

  /**
   * Registers a listener told of each cached grant a gateway revocation dropped. Listeners run on
   * the client's callback executor.
   *
   * @param listener the listener
   * @return removes it
   */
  Registration onRevoked(Consumer<GrantRevocation> listener);

  /** Clears the cache and stops listening for revocations. Idempotent. */
  @Override
  void close();
}
