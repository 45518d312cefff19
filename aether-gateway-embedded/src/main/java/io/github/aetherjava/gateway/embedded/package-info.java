/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * An in-process Aether gateway for tests and local development. It speaks the real gateway's wire
 * protocol ({@code aether.v1.AetherGateway/Connect}) so clients can be exercised without running
 * the Go server.
 *
 * <p>Start one with {@link io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway#builder()}.
 */
@NullMarked
package io.github.aetherjava.gateway.embedded;

import org.jspecify.annotations.NullMarked;
