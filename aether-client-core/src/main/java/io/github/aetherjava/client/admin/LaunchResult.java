/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.admin;

/**
 * Outcome of {@link AdminClient#launchAgent}.
 *
 * @param taskId the startup task the gateway created
 * @param message the gateway's message
 * @since 0.1.0
 */
public record LaunchResult(String taskId, String message) {}
