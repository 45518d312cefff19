/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Annotations for Aether listener methods: {@link
 * io.github.aetherjava.spring.annotation.AetherListener}, {@link
 * io.github.aetherjava.spring.annotation.OnConfig} and friends.
 */
@NullMarked
package io.github.aetherjava.spring.annotation;

import org.jspecify.annotations.NullMarked;
