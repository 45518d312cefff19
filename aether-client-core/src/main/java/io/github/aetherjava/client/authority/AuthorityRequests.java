/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.authority;

import io.github.aetherjava.client.Registration;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Authority requests ("sudo"): a principal asks an approver for an authority grant and the approver
 * approves (which mints the grant), narrows or denies it. Every call has an overload with a
 * per-call timeout, the others use the client's request timeout. Refusals fail the future with
 * {@link AuthorityRequestException}; bad arguments with {@link
 * io.github.aetherjava.client.InvalidArgumentException}.
 *
 * @since 0.1.0
 */
public interface AuthorityRequests {

  /**
   * @return the timeout of the overloads without one
   */
  Duration defaultTimeout();

  /**
   * Creates a pending request.
   *
   * @param spec what is asked for and who may approve it
   * @param timeout per-call timeout
   * @return the created request
   */
  CompletableFuture<AuthorityRequest> create(AuthorityRequestSpec spec, Duration timeout);

  /**
   * @param spec what is asked for and who may approve it
   * @return the created request
   */
  default CompletableFuture<AuthorityRequest> create(AuthorityRequestSpec spec) {
    return create(spec, defaultTimeout());
  }

  /**
   * Reads a request the caller created, is the target subject of, or may approve.
   *
   * @param requestId the request's id
   * @param timeout per-call timeout
   * @return the request
   */
  CompletableFuture<AuthorityRequest> get(String requestId, Duration timeout);

  /**
   * @param requestId the request's id
   * @return the request
   */
  default CompletableFuture<AuthorityRequest> get(String requestId) {
    return get(requestId, defaultTimeout());
  }

  /**
   * Lists requests routed to the caller (and to the capabilities the filter names), newest first.
   *
   * @param filter status, workspace, paging and capabilities
   * @param timeout per-call timeout
   * @return the requests
   */
  CompletableFuture<List<AuthorityRequest>> list(
      AuthorityRequestListFilter filter, Duration timeout);

  /**
   * @param filter status, workspace, paging and capabilities
   * @return the requests
   */
  default CompletableFuture<List<AuthorityRequest>> list(AuthorityRequestListFilter filter) {
    return list(filter, defaultTimeout());
  }

  /**
   * Approves a pending request routed to the caller; the gateway mints the grant ({@link
   * AuthorityRequest#grantedGrantId()}) with the requester as delegate.
   *
   * @param requestId the request's id
   * @param decision narrowing of what was asked, or {@link AuthorityRequestDecision#asRequested()}
   * @param timeout per-call timeout
   * @return the approved request
   */
  CompletableFuture<AuthorityRequest> approve(
      String requestId, AuthorityRequestDecision decision, Duration timeout);

  /**
   * @param requestId the request's id
   * @param decision narrowing of what was asked, or {@link AuthorityRequestDecision#asRequested()}
   * @return the approved request
   */
  default CompletableFuture<AuthorityRequest> approve(
      String requestId, AuthorityRequestDecision decision) {
    return approve(requestId, decision, defaultTimeout());
  }

  /**
   * Denies a pending request routed to the caller.
   *
   * @param requestId the request's id
   * @param reason why ("" for none)
   * @param timeout per-call timeout
   * @return the denied request
   */
  CompletableFuture<AuthorityRequest> deny(String requestId, String reason, Duration timeout);

  /**
   * @param requestId the request's id
   * @param reason why ("" for none)
   * @return the denied request
   */
  default CompletableFuture<AuthorityRequest> deny(String requestId, String reason) {
    return deny(requestId, reason, defaultTimeout());
  }

  /**
   * Withdraws a pending request the caller created.
   *
   * @param requestId the request's id
   * @param reason why ("" for none)
   * @param timeout per-call timeout
   * @return the cancelled request
   */
  CompletableFuture<AuthorityRequest> cancel(String requestId, String reason, Duration timeout);

  /**
   * @param requestId the request's id
   * @param reason why ("" for none)
   * @return the cancelled request
   */
  default CompletableFuture<AuthorityRequest> cancel(String requestId, String reason) {
    return cancel(requestId, reason, defaultTimeout());
  }

  /**
   * Registers a listener for the request events pushed to this client. Listeners run in order on
   * the client's callback executor, never on a transport thread; a listener that throws is logged
   * and does not stop the others.
   *
   * @param listener the listener
   * @return removes it
   */
  Registration onEvent(Consumer<AuthorityRequestEvent> listener);
}
