/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.listener;

import org.jspecify.annotations.Nullable;

/**
 * Wraps listener method invocations, e.g. for observations or test capture. Interceptor beans are
 * applied in {@link org.springframework.core.Ordered order}, the first one outermost.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface AetherListenerInterceptor {

  /**
   * Intercept an invocation. Implementations call {@link Chain#proceed()} exactly once and return
   * or rethrow its outcome.
   *
   * @param invocation the invocation
   * @param chain the rest of the chain, ending with the listener method
   * @return the return value of the listener method
   * @throws Exception when the listener method throws
   */
  @Nullable Object intercept(AetherListenerInvocation invocation, Chain chain) throws Exception;

  /** The rest of an interceptor chain. */
  @FunctionalInterface
  interface Chain {

    /**
     * Proceed with the next interceptor or the listener method.
     *
     * @return the return value of the listener method
     * @throws Exception when the listener method throws
     */
    @Nullable Object proceed() throws Exception;
  }
}
