/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/** JUnit 5 support: start an embedded gateway per test class and inject it into tests. */
@NullMarked
package io.github.aetherjava.gateway.embedded.junit;

import org.jspecify.annotations.NullMarked;
