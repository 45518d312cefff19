/**
 * A Spring Integration {@link org.springframework.integration.support.locks.LockRegistry} backed by
 * Aether coordination locks.
 */
@NullMarked
package io.github.aetherjava.spring.integration;

import org.jspecify.annotations.NullMarked;
