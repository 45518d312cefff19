/** A ShedLock {@link net.javacrumbs.shedlock.core.LockProvider} on the Aether KV store. */
@NullMarked
package io.github.aetherjava.spring.shedlock;

import org.jspecify.annotations.NullMarked;
