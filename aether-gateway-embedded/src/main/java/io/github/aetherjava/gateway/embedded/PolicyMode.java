/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded;

/** How strictly the embedded gateway polices what connected clients may do. */
public enum PolicyMode {

  /**
   * The default: behaves like the real gateway running without an ACL service. Everything the
   * principal-type send matrix allows is delivered (including cross-workspace sends), all KV scopes
   * are usable, there is no rate limit, and every principal may run the stream's admin operations.
   */
  PERMISSIVE,

  /**
   * Emulates a stock AetherLite started with {@code --dev}: the per-connection rate limit (100
   * messages/s, burst 200, {@code ERR_RATE_LIMITED}) and the denials of its seeded fallback ACL
   * rules: services, bridges and the workflow engine may not send to workspace-bearing topics,
   * cross-workspace events and metrics are refused, and the shared KV scopes (global, workspace,
   * user-shared, user-workspace-shared) are denied, as are KV LIST (in every scope) and
   * PURGE_IDENTITY. Admin operations need an ACL grant on {@code admin/<category>} (or {@code
   * admin/*}) except for the workflow engine and orchestrators, with AetherLite's denials.
   */
  LITE_PARITY
}
