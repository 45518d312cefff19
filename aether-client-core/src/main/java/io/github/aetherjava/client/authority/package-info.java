/**
 * Authority grants: the delegation records behind on-behalf-of calls. {@code
 * AetherClient.authority()} exchanges, derives, reads, renews, revokes and lists them, resolves an
 * on-behalf-of context, and reports revocations the gateway pushes.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.aetherjava.client.authority;

import org.jspecify.annotations.NullMarked;
