/**
 * Auto-configuration of the HTTP clients over the Aether service proxy and of serving the
 * application's own endpoints to the fabric.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.aetherjava.spring.boot.autoconfigure.http;

import org.jspecify.annotations.NullMarked;
