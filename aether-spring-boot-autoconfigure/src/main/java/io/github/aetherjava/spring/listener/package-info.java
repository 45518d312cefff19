/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/** Listener infrastructure: endpoints, containers, registry, error handling and interception. */
@NullMarked
package io.github.aetherjava.spring.listener;

import org.jspecify.annotations.NullMarked;
