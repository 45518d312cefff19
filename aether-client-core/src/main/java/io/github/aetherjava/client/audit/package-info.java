/**
 * Audit events: what any client submits with {@code AetherClient.submitAuditEvent} and what an
 * administrator reads back with {@code AdminClient.queryAudit}.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.aetherjava.client.audit;

import org.jspecify.annotations.NullMarked;
