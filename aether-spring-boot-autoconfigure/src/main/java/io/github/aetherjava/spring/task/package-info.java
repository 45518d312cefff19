/**
 * Tasks in Spring applications: the typed {@link io.github.aetherjava.spring.task.TaskContext} of
 * {@code @OnTaskAssignment} methods, and the wiring of {@code @OnWorkflowOperation} and
 * {@code @OnAgentLaunch} bean methods.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.aetherjava.spring.task;

import org.jspecify.annotations.NullMarked;
