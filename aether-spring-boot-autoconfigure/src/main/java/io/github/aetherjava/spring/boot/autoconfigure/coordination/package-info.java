/**
 * Auto-configuration of Aether coordination: the {@code Coordination} factory, leader election, the
 * Spring Integration lock registry and the ShedLock lock provider.
 */
@NullMarked
package io.github.aetherjava.spring.boot.autoconfigure.coordination;

import org.jspecify.annotations.NullMarked;
