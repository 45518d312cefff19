/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.proxy;

/**
 * Answers proxied HTTP requests on the serving side. Runs on the serve executor (the client's
 * callback executor unless {@link ServeOptions} names another), at most {@link
 * ServeOptions#maxConcurrency()} at a time. A {@link ProxyException} is answered with a {@code
 * ProxyError} of its kind (how a handler fronting another server reports {@code DIAL_FAILED},
 * {@code TIMEOUT} or {@code UPSTREAM_RESET}); any other exception becomes a {@code 500} reply.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ProxyHandler {

  /**
   * @param request the request, body fully received
   * @return the reply
   * @throws Exception any failure; answered with status 500 unless a {@link ProxyException}
   */
  ProxyResponse handle(ServedRequest request) throws Exception;
}
