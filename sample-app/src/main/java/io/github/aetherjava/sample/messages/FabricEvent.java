/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.sample.messages;

/**
 * An event published to {@code event::*}: the gateway delivers it to the workflow engine. The event
 * type is part of the payload because the segment after {@code event::} names a workspace, not a
 * type.
 *
 * @param id event id
 * @param type event type, e.g. {@code question.answered}
 * @param detail free text
 */
public record FabricEvent(String id, String type, String detail) {}
