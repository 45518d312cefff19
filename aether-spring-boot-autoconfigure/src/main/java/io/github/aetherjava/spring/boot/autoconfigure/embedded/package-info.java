/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/** Auto-configuration of the embedded Aether gateway for development. */
@NullMarked
package io.github.aetherjava.spring.boot.autoconfigure.embedded;

import org.jspecify.annotations.NullMarked;
