/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.sample.messages;

/**
 * The assistant's reply to a {@link Question}, sent back to the asker's topic.
 *
 * @param questionId id of the question answered
 * @param text the answer
 * @param answeredBy identity of the agent that answered
 * @param answerNumber how many questions this agent identity has answered, this one included
 */
public record Answer(String questionId, String text, String answeredBy, long answerNumber) {}
