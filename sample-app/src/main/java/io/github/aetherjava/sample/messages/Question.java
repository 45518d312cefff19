/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.sample.messages;

/**
 * A question a user asks the assistant agent ({@code CHAT}).
 *
 * @param id correlation id, echoed in the {@link Answer}
 * @param text the question
 */
public record Question(String id, String text) {}
