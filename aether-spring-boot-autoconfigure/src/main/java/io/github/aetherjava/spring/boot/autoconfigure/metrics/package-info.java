/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/** Auto-configuration for Aether client metrics. */
@NullMarked
package io.github.aetherjava.spring.boot.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
