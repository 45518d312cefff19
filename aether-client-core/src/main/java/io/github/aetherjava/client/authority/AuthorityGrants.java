/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.authority;

import io.github.aetherjava.client.PrincipalRef;
import io.github.aetherjava.client.Registration;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Authority-grant operations over this client's stream, one per {@code AuthorityGrantOperation}
 * type. Every call has an overload with a per-call timeout; refusals fail with {@link
 * AuthorityGrantException}, bad arguments fail the future with {@link
 * io.github.aetherjava.client.InvalidArgumentException} naming the argument before anything is
 * sent.
 *
 * @since 0.1.0
 */
public interface AuthorityGrants {

  /**
   * Creates a root grant naming this client as delegate. A user exchanges for itself ({@code
   * sourceSessionId} empty); a service or agent names the user session it acts for (needs {@code
   * capability/exchange_authority_grants}) and the grant then lives only as long as that session.
   *
   * @param sourceSessionId the user's session id, or empty to exchange for oneself
   * @param spec what the grant allows
   * @param timeout per-call timeout
   * @return the grant
   */
  CompletableFuture<AuthorityGrant> exchange(
      String sourceSessionId, GrantSpec spec, Duration timeout);

  /**
   * Derives a narrower grant for another delegate from a grant this client is the delegate of.
   *
   * @param parentGrantId the parent grant (must allow delegation)
   * @param delegate the new delegate
   * @param spec what the grant allows; the audience is required
   * @param timeout per-call timeout
   * @return the derived grant
   */
  CompletableFuture<AuthorityGrant> derive(
      String parentGrantId, PrincipalRef delegate, GrantSpec spec, Duration timeout);

  /**
   * Like {@link #derive} but returns an existing active grant for the same parent, target and
   * audience instead of creating another one. Workspace and resource scope are inherited.
   *
   * @param parentGrantId the parent grant
   * @param target the delegate
   * @param spec access level, operation scope, audience (required) and lifetime
   * @param timeout per-call timeout
   * @return the existing or new grant
   */
  CompletableFuture<AuthorityGrant> deriveForTarget(
      String parentGrantId, PrincipalRef target, GrantSpec spec, Duration timeout);

  /**
   * @param grantId grant id (visible to its subject, issuer and valid delegate)
   * @param timeout per-call timeout
   * @return the grant
   */
  CompletableFuture<AuthorityGrant> get(String grantId, Duration timeout);

  /**
   * Extends a grant by {@code extension} from now, capped by its renewal window and its parent.
   *
   * @param grantId grant id
   * @param extension how long from now, at least one second
   * @param timeout per-call timeout
   * @return the renewed grant
   */
  CompletableFuture<AuthorityGrant> renew(String grantId, Duration extension, Duration timeout);

  /**
   * Revokes a grant and every grant derived from it; the delegates connected to the gateway get a
   * revocation push.
   *
   * @param grantId grant id
   * @param timeout per-call timeout
   * @return the revoked grant
   */
  CompletableFuture<AuthorityGrant> revoke(String grantId, Duration timeout);

  /**
   * @param includeRevoked whether to include revoked grants
   * @param timeout per-call timeout
   * @return grants this client is the subject or the delegate of, newest first
   */
  CompletableFuture<List<AuthorityGrant>> listMine(boolean includeRevoked, Duration timeout);

  /**
   * @param includeRevoked whether to include revoked grants
   * @param timeout per-call timeout
   * @return grants whose subject is this client, newest first
   */
  CompletableFuture<List<AuthorityGrant>> listOnMe(boolean includeRevoked, Duration timeout);

  /**
   * Several exchanges in one round trip. Without {@code stopOnFirstError} the failures are reported
   * by {@link BatchExchangeResult#error()} next to the grants that were created.
   *
   * @param sourceSessionIds one source session per spec (empty strings for oneself)
   * @param specs one spec per grant
   * @param stopOnFirstError whether the first failure fails the whole call
   * @param timeout per-call timeout
   * @return the grants created and any failures
   */
  CompletableFuture<BatchExchangeResult> batchExchange(
      List<String> sourceSessionIds,
      List<GrantSpec> specs,
      boolean stopOnFirstError,
      Duration timeout);

  /**
   * Asks the gateway whether this client (or {@code actor}) may act for {@code subject} under a
   * grant, as it would check an on-behalf-of call.
   *
   * @param grantId the grant
   * @param subject the subject the caller claims
   * @param timeout per-call timeout
   * @return the resolved context
   */
  CompletableFuture<ResolvedAuthority> resolve(
      String grantId, PrincipalRef subject, Duration timeout);

  /**
   * Registers a listener for revocation pushes. Listeners run in order on the client's callback
   * executor, never on a transport thread.
   *
   * @param listener the listener
   * @return removes it
   */
  Registration onRevocation(Consumer<GrantRevocation> listener);

  /**
   * Creates a cache of grants over these operations, invalidated by revocation pushes.
   *
   * @param options cache settings
   * @return the cache; close it when done
   */
  AuthorityCache newCache(AuthorityCacheOptions options);
}
