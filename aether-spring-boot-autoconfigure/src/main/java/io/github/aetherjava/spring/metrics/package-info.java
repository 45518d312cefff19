/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/** Micrometer metrics for Aether clients. */
@NullMarked
package io.github.aetherjava.spring.metrics;

import org.jspecify.annotations.NullMarked;
