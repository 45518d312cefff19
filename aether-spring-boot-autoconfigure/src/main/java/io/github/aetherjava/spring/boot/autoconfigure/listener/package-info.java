/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/** Auto-configuration for annotated Aether listeners. */
@NullMarked
package io.github.aetherjava.spring.boot.autoconfigure.listener;

import org.jspecify.annotations.NullMarked;
