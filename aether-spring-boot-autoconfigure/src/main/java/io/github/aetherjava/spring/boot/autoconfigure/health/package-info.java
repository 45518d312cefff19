/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/** Auto-configuration for the Aether health contributor. */
@NullMarked
package io.github.aetherjava.spring.boot.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
