/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Checkpoint store: save, load, list and delete opaque state blobs keyed by the caller's identity.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.aetherjava.client.checkpoint;

import org.jspecify.annotations.NullMarked;
