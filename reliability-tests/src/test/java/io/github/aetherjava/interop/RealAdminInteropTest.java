/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.interop;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Runs the administration conformance cases against a real gateway named by {@code
 * AETHER_INTEROP_ADDRESS} (skipped otherwise). Token minting needs AetherLite started with {@code
 * AETHER_TOKEN_HMAC_KEY} set: {@code AETHER_ALLOW_DEV_MODE=true AETHER_TOKEN_HMAC_KEY=<32+ chars>
 * ./aetherlite --dev --insecure-admin --workflow=false --port 50061}, then {@code
 * AETHER_INTEROP_ADDRESS=127.0.0.1:50061 ./mvnw -B -ntp -pl reliability-tests -am verify
 * -Dtest='Real*InteropTest' -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfEnvironmentVariable(named = "AETHER_INTEROP_ADDRESS", matches = ".+")
class RealAdminInteropTest extends AdminConformanceTests {

  @Override
  String gatewayAddress() {
    return System.getenv("AETHER_INTEROP_ADDRESS");
  }
}
