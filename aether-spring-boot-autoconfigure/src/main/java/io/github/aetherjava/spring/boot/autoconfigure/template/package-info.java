/** Auto-configuration of the {@link io.github.aetherjava.spring.core.AetherTemplate}. */
@NullMarked
package io.github.aetherjava.spring.boot.autoconfigure.template;

import org.jspecify.annotations.NullMarked;
