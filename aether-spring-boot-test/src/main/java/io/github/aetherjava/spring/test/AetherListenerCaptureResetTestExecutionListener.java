/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.test;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Clears the {@link AetherListenerCapture} of a test's application context before each test method,
 * so invocations recorded by one test never show up in the next one that shares the cached context.
 * Registered through {@code META-INF/spring.factories}.
 *
 * @since 0.1.0
 */
public class AetherListenerCaptureResetTestExecutionListener extends AbstractTestExecutionListener {

  /** Runs after the dependency-injection listener, before the test method. */
  private static final int ORDER = 5_000;

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public void beforeTestMethod(TestContext testContext) {
    if (!testContext.hasApplicationContext()) {
      return;
    }
    ApplicationContext context = testContext.getApplicationContext();
    context.getBeanProvider(AetherListenerCapture.class).ifAvailable(AetherListenerCapture::reset);
  }
}
