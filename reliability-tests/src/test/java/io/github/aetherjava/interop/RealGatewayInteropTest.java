/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.interop;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Runs the conformance cases against a real Aether gateway. Skipped unless {@code
 * AETHER_INTEROP_ADDRESS} names one; CI has no real gateway, so it never runs there. By hand:
 * {@code AETHER_ALLOW_DEV_MODE=true ./aetherlite --dev --insecure-admin --port 50061}, then {@code
 * AETHER_INTEROP_ADDRESS=127.0.0.1:50061 ./mvnw -B -ntp -pl reliability-tests -am verify
 * -Dtest=RealGatewayInteropTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfEnvironmentVariable(named = "AETHER_INTEROP_ADDRESS", matches = ".+")
class RealGatewayInteropTest extends GatewayConformanceTests {

  @Override
  String gatewayAddress() {
    return System.getenv("AETHER_INTEROP_ADDRESS");
  }

  @Override
  boolean listIsDeniedWithoutAnAclGrant() {
    // AetherLite's dev-mode ACL seeds the KV scope fallback to NONE (see the base method).
    return true;
  }
}
