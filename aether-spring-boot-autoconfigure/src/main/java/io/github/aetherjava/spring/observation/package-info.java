/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Micrometer Observation support: listener invocations and outbound requests, with documented
 * conventions.
 */
@NullMarked
package io.github.aetherjava.spring.observation;

import org.jspecify.annotations.NullMarked;
