/**
 * Tunnels: bidirectional byte streams carried over the Aether stream to another principal, with the
 * protocol's credit flow control ({@link io.github.aetherjava.client.tunnel.Tunnels#dial} on the
 * calling side, {@link io.github.aetherjava.client.tunnel.TunnelHandler} or a local TCP port on the
 * serving side).
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.aetherjava.client.tunnel;

import org.jspecify.annotations.NullMarked;
