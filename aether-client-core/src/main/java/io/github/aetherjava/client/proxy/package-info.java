/**
 * The service proxy: HTTP requests carried over the Aether stream to a principal that serves them
 * ({@link io.github.aetherjava.client.proxy.AetherFetch} on the calling side, {@link
 * io.github.aetherjava.client.proxy.ProxyHandler} on the serving side).
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.aetherjava.client.proxy;

import org.jspecify.annotations.NullMarked;
