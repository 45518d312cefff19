/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Implementation of the embedded gateway: connection handling, routing, stores. Not a public API.
 */
@NullMarked
package io.github.aetherjava.gateway.embedded.internal;

import org.jspecify.annotations.NullMarked;
