/**
 * Tasks: creating them (self-assigned, targeted at an agent, or for a pool of workers), reading and
 * managing them, following their events, and the values the gateway reports about them.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.aetherjava.client.task;

import org.jspecify.annotations.NullMarked;
