/**
 * Sending from application code: {@link io.github.aetherjava.spring.core.AetherTemplate}, typed
 * sends through the listeners' message converters and reply routing.
 */
@NullMarked
package io.github.aetherjava.spring.core;

import org.jspecify.annotations.NullMarked;
