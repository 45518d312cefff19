/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.task;

/**
 * The gateway hibernated a task this client works on: its state is in the checkpoint named by
 * {@link #hibernation()}, and the client closes its stream cleanly once the handlers ran.
 *
 * @param taskId the hibernated task
 * @param hibernation how it is woken
 * @since 0.1.0
 */
public record TaskHibernation(String taskId, Hibernation hibernation) {}
