/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.sample.fabric;

/**
 * The assistant's state, saved as a checkpoint after every answer and loaded back when it connects.
 *
 * @param answered questions answered so far
 * @param lastQuestionId id of the last question
 * @param lastQuestion text of the last question
 */
public record Conversation(long answered, String lastQuestionId, String lastQuestion) {}
