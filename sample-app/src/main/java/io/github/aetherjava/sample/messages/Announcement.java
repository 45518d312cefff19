/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.sample.messages;

/**
 * A broadcast to every agent of the workspace ({@code ga::{ws}}, {@code CONTROL}).
 *
 * @param id correlation id
 * @param text the announcement
 */
public record Announcement(String id, String text) {}
