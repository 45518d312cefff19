/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/** JSON payloads exchanged by the sample's principals (converted by the starter with Jackson). */
@NullMarked
package io.github.aetherjava.sample.messages;

import org.jspecify.annotations.NullMarked;
