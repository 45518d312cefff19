/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/** Sample Spring Boot application showing the Aether starter on the embedded gateway. */
@NullMarked
package io.github.aetherjava.sample;

import org.jspecify.annotations.NullMarked;
