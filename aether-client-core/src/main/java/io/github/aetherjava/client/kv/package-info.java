/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Key-value store access for the principals the gateway lets use it (agents, tasks, services,
 * workflow engine, metrics bridge).
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.aetherjava.client.kv;

import org.jspecify.annotations.NullMarked;
