/**
 * Workflow-engine operations: any client sends a {@link
 * io.github.aetherjava.client.workflow.WorkflowRequest} and awaits the engine's {@link
 * io.github.aetherjava.client.workflow.WorkflowResult}; the workflow engine serves them.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.aetherjava.client.workflow;

import org.jspecify.annotations.NullMarked;
