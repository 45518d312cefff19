/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Implementation details of the client (connection, handshake, outbound buffer, dispatcher). Not
 * public API: may change without notice.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.aetherjava.client.internal;

import org.jspecify.annotations.NullMarked;
