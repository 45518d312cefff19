/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/** Spring integration of Aether clients: connection lifecycle and retry support. */
@NullMarked
package io.github.aetherjava.spring.client;

import org.jspecify.annotations.NullMarked;
