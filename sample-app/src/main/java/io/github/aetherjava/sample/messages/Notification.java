/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.sample.messages;

/**
 * What the workflow engine tells the user about an event it processed.
 *
 * @param eventId id of the event
 * @param eventType type of the event
 * @param text human-readable summary
 */
public record Notification(String eventId, String eventType, String text) {}
