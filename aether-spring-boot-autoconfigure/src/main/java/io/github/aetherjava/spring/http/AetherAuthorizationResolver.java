/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.http;

import io.github.aetherjava.client.AuthorizationContext;
import io.github.aetherjava.client.internal.Arguments;
import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Supplies the {@link AuthorizationContext} of each HTTP call that {@link AetherHttp} and {@link
 * AetherWebClients} clients make over the fabric, typically an on-behalf-of context so the serving
 * side sees the user ({@code X-Auth-User-ID}, {@code X-Auth-Grant-ID}). It is asked once per call,
 * on the thread that executes a {@code RestClient}/{@code RestTemplate} request or subscribes to a
 * {@code WebClient} exchange, so it may read thread-bound state such as the current request; it
 * must not block. Returning null makes the call under the caller's own authority.
 *
 * <p>Declare a bean of this type to replace the one Spring Boot builds from {@code
 * aether.http.on-behalf-of.*}.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface AetherAuthorizationResolver {

  /**
   * Name of the request attribute {@link #fromRequestAttribute()} reads: set it (for example in a
   * filter or controller, {@code request.setAttribute(REQUEST_ATTRIBUTE, grant.onBehalfOf())}) to
   * make the fabric calls of that request on behalf of its user.
   */
  String REQUEST_ATTRIBUTE = AetherAuthorizationResolver.class.getName() + ".context";

  /**
   * @param target the topic the call goes to
   * @return the context of this call, or null for the caller's own authority
   */
  @Nullable AuthorizationContext resolve(String target);

  /**
   * @param fallback asked when this resolver returns null
   * @return a resolver that asks this one first
   */
  default AetherAuthorizationResolver orElse(AetherAuthorizationResolver fallback) {
    Arguments.notNull(fallback, "fallback");
    return target -> {
      AuthorizationContext c = resolve(target);
      return c != null ? c : fallback.resolve(target);
    };
  }

  /**
   * @return a resolver that never attaches a context
   */
  static AetherAuthorizationResolver none() {
    return target -> null;
  }

  /**
   * @param context the context of every call
   * @return a resolver that always returns {@code context}
   */
  static AetherAuthorizationResolver fixed(AuthorizationContext context) {
    Arguments.notNull(context, "context");
    return target -> context;
  }

  /**
   * @return a resolver that returns the {@link #REQUEST_ATTRIBUTE} of the request bound to the
   *     current thread (Spring MVC), or null outside a request or when it is not set
   */
  static AetherAuthorizationResolver fromRequestAttribute() {
    return target -> {
      RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
      if (attributes == null) {
        return null;
      }
      return attributes.getAttribute(REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST)
              instanceof AuthorizationContext c
          ? c
          : null;
    };
  }
}
