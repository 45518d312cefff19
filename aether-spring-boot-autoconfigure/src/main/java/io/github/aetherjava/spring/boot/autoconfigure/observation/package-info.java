/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/** Auto-configuration for Aether observations. */
@NullMarked
package io.github.aetherjava.spring.boot.autoconfigure.observation;

import org.jspecify.annotations.NullMarked;
