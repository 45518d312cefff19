/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Test support: {@link io.github.aetherjava.spring.test.EmbeddedAether @EmbeddedAether} for Spring
 * test contexts, a listener invocation capture and a test client.
 */
@NullMarked
package io.github.aetherjava.spring.test;

import org.jspecify.annotations.NullMarked;
