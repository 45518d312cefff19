/**
 * Auto-configuration for tasks, orchestration and workflow operations.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.aetherjava.spring.boot.autoconfigure.task;

import org.jspecify.annotations.NullMarked;
