/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/** Auto-configuration for Aether clients: properties, connection details and client beans. */
@NullMarked
package io.github.aetherjava.spring.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
