/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Starts an embedded Aether gateway for a Spring test context (e.g. a {@code @SpringBootTest}) and
 * points the application's clients at it by setting {@code aether.address}.
 *
 * <p>An explicit {@code aether.address}, given as a system property ({@code -Daether.address=...}),
 * the {@code AETHER_ADDRESS} environment variable or in the test's own properties
 * ({@code @SpringBootTest(properties = "aether.address=...")}), wins: no gateway is started and the
 * same tests run against that gateway (for example a real AetherLite). Addresses in application
 * configuration files do not count, so a production address there never disables the test gateway.
 *
 * <p>The gateway is a bean named {@value #GATEWAY_BEAN_NAME} and is closed with the context. The
 * context also gets an {@link AetherListenerCapture} bean, which records every listener invocation,
 * and an {@link AetherTestClient} bean, a separate agent principal to send messages to the
 * application's listeners and receive their replies.
 *
 * <pre class="code">
 * &#064;SpringBootTest
 * &#064;EmbeddedAether
 * class MyListenerTests {
 *
 *     &#064;Autowired AetherTestClient testClient;
 *     &#064;Autowired AetherListenerCapture capture;
 *
 *     &#064;Test
 *     void replies() {
 *         IncomingMessage reply = testClient.request(Topics.agent("prod", "impl", "s1"), "ping");
 *         assertThat(reply.payloadAsString()).isEqualTo("pong");
 *     }
 * }
 * </pre>
 *
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface EmbeddedAether {

  /** Bean name of the embedded gateway. */
  String GATEWAY_BEAN_NAME = "aetherEmbeddedGateway";

  /**
   * Loopback TCP port of the gateway, 0 for a free port.
   *
   * @return the port
   */
  int port() default 0;

  /**
   * Policy mode of the gateway, {@code PERMISSIVE} or {@code LITE_PARITY}.
   *
   * @return the policy mode
   */
  String policyMode() default "PERMISSIVE";
}
