/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.aot.hint.annotation.Reflective;

/**
 * Marks the bean method that launches agents for the application's {@link
 * io.github.aetherjava.client.OrchestratorClient} ({@code aether.orchestrator.implementation} and
 * {@code aether.orchestrator.supported-profiles}): it takes a {@link
 * io.github.aetherjava.client.LaunchRequest} and starts the agent it describes. It runs on a
 * bounded launch pool; a thrown exception reports the startup task as failed. At most one such
 * method per application.
 *
 * <pre>{@code
 * @OnAgentLaunch
 * void launch(LaunchRequest r) { processes.start(r.implementation(), r.environment()); }
 * }</pre>
 *
 * @since 0.1.0
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Reflective
public @interface OnAgentLaunch {}
