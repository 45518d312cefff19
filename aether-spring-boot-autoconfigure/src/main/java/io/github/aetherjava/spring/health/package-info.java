/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/** Health indicator for Aether clients. */
@NullMarked
package io.github.aetherjava.spring.health;

import org.jspecify.annotations.NullMarked;
