/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Public API of the Aether Java client: one client class per principal type, options, value types
 * and exceptions.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.aetherjava.client;

import org.jspecify.annotations.NullMarked;
