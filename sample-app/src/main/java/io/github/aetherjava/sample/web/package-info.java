/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/** REST endpoints that trigger and show each flow of the sample fabric. */
@NullMarked
package io.github.aetherjava.sample.web;

import org.jspecify.annotations.NullMarked;
