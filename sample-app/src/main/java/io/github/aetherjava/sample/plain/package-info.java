/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Plain-Java examples of {@code aether-client-core}, without Spring. Each class is a runnable
 * {@code main} that starts an embedded gateway, connects a few principals, does one thing and
 * closes everything.
 */
@NullMarked
package io.github.aetherjava.sample.plain;

import org.jspecify.annotations.NullMarked;
