/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The sample fabric: the listeners of each principal the application runs as (the assistant agent,
 * the user alice, the workflow engine) and a second agent built from the shared client options.
 */
@NullMarked
package io.github.aetherjava.sample.fabric;

import org.jspecify.annotations.NullMarked;
