/**
 * Auto-configuration of the authorization context (on behalf of a user) of the HTTP calls made over
 * the fabric ({@code aether.http.on-behalf-of.*}).
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.aetherjava.spring.boot.autoconfigure.http.authorization;

import org.jspecify.annotations.NullMarked;
