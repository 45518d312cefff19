/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/** Fault, load, bad-input and security tests of the client against the embedded gateway. */
@org.jspecify.annotations.NullMarked
package io.github.aetherjava.reliability;
