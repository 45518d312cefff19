/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.junit;

import io.github.aetherjava.gateway.embedded.PolicyMode;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts an {@link io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway} for the annotated
 * test class and injects it into test and lifecycle method parameters and into instance fields of
 * that type.
 *
 * <pre>{@code
 * @EmbeddedAetherGatewayTest
 * class MyTest {
 *   @Test
 *   void works(EmbeddedAetherGateway gateway) {
 *     String address = gateway.address();
 *   }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EmbeddedAetherGatewayExtension.class)
public @interface EmbeddedAetherGatewayTest {

  /**
   * Also serve the in-process transport (under a random name), so {@code inProcessAddress()} works.
   */
  boolean inProcess() default true;

  /** Authorisation strictness of the gateway. */
  PolicyMode policyMode() default PolicyMode.PERMISSIVE;

  /**
   * Share one gateway among every test class that asks for sharing (started once per test run,
   * closed at its end) instead of starting one per class. A shared gateway keeps state (KV data,
   * queues) between classes.
   */
  boolean shared() default false;
}
