/**
 * {@code ConnectionDetailsFactory} implementations that turn a test's gateway into {@link
 * io.github.aetherjava.spring.boot.autoconfigure.AetherConnectionDetails}: an {@link
 * io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway}, and, when {@code
 * spring-boot-testcontainers} is on the classpath, a {@code @ServiceConnection} Aether gateway
 * container.
 */
@NullMarked
package io.github.aetherjava.spring.test.connection;

import org.jspecify.annotations.NullMarked;
